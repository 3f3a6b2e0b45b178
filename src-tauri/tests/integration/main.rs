//! The desktop app's one integration test binary: the database location rules, the managed
//! state over a real SQLite file, and the sample article a new user starts with.

mod database_location;
mod desktop_state;
mod sample_article;
