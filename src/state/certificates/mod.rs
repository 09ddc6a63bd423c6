//! Certificates made in the browser, and their private keys used later:
//! sealed under the password's key, or held by the browser in host mode.
//!
//! `custody` keeps and opens the keys, `key_ahead` starts a key pair before
//! the click, `generate` makes a certificate and `assertion` signs with it.

mod assertion;
mod custody;
mod generate;
mod key_ahead;

pub use assertion::{client_assertion, sign_assertion_kept, AssertionFor};
pub(crate) use custody::hold;
pub use custody::{forget_keys, key_database, HeldKeys, KeyCustody};
pub use generate::{generate, generate_kept, NewCertificate};
pub use key_ahead::KeyAhead;

use crate::browser::webcrypto::WebCryptoError;
use crate::crypto::CertError;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyError {
    /// The key-encryption key is gone (after a reload): ask for the password.
    Locked,
    Browser(WebCryptoError),
    Certificate(CertError),
    /// An assertion asked of a key Entra ID would refuse (ECDSA).
    NotRsa,
    /// The sealed key does not open with this user's key, or the held key
    /// is gone or belongs to another certificate.
    Damaged,
    /// The browser would not keep the private key (IndexedDB refused).
    NotKept,
}

impl std::fmt::Display for KeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyError::Locked => f.write_str("Enter your password to unlock your keys."),
            KeyError::Browser(e) => e.fmt(f),
            KeyError::Certificate(e) => write!(f, "The certificate could not be made: {e}"),
            KeyError::NotRsa => f.write_str("Entra ID accepts only RSA keys for sign-in."),
            KeyError::Damaged => f.write_str(
                "The stored private key could not be opened. Generate a new certificate for this account.",
            ),
            KeyError::NotKept => f.write_str(
                "The browser refused to keep the private key (IndexedDB). Allow site data for this page and try again.",
            ),
        }
    }
}

impl From<WebCryptoError> for KeyError {
    fn from(e: WebCryptoError) -> Self {
        KeyError::Browser(e)
    }
}

impl From<CertError> for KeyError {
    fn from(e: CertError) -> Self {
        KeyError::Certificate(e)
    }
}
