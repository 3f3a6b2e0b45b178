//! Turning files and pasted text into article drafts the store can keep.
