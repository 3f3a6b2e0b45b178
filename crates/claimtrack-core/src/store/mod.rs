//! The SQLite store: articles, machine claims, human corrections and their history.
