//! Persistence behind a small key-value trait.
