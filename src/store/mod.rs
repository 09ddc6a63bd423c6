//! Persistence behind a small key-value trait, so the document rules (versions,
//! revisions, backups of unreadable values, which tab owns which draft) are
//! tested natively and the browser only supplies `localStorage`.

pub mod document;
pub mod drafts;
pub mod keys;
pub mod memory;
pub mod schema;
pub mod session_check;
pub mod write;

/// The whole storage surface the app needs.
pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The origin's storage quota is used up.
    Full,
    /// The browser will not let the page use local storage at all: blocked for
    /// embedded pages, or turned off by policy.
    Unavailable,
    /// A write was refused for another reason; the browser's own words.
    Refused(String),
    /// The stored value could not be read nor backed up, so it is not written over.
    Protected,
    /// Other tabs kept changing the document while this one tried to write.
    Busy,
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Full => f.write_str(
                "The browser refused to save: local storage for this site is full. Remove accounts you no longer need, or clear other data this site keeps, then try again.",
            ),
            StoreError::Unavailable => f.write_str(
                "This browser does not let the page use local storage, so nothing can be saved. It may be blocked for pages inside another site or turned off by a policy. Allow site data for this site (or open the page on its own) and reload.",
            ),
            StoreError::Refused(why) => write!(
                f,
                "The browser refused to save ({why}). Nothing was changed. Check that this site may store data, then try again."
            ),
            StoreError::Protected => f.write_str(
                "Saved data could not be read or backed up, so nothing is saved over it. Copy it out of local storage or free some space, then reload.",
            ),
            StoreError::Busy => f.write_str(
                "Other tabs kept changing the same data, so this change was not saved. Try again.",
            ),
        }
    }
}
