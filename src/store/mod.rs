//! Persistence behind a small key-value trait, so the document rules (versions,
//! backups of unreadable values) are tested natively and the browser only
//! supplies `localStorage`.

pub mod document;
pub mod keys;
pub mod memory;
pub mod schema;

/// The whole storage surface the app needs.
pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str);
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser refused the write, usually because storage is full or off.
    WriteRefused,
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::WriteRefused => f.write_str(
                "The browser refused to save. Local storage may be full or turned off for this site.",
            ),
        }
    }
}
