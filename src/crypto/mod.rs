//! Certificates, thumbprints and client assertions. Pure: the private key
//! stays in WebCrypto, so this module produces the bytes to sign and accepts
//! the caller-supplied signature bytes, and the same code runs natively and
//! in the browser. Time comes in as unix seconds for the same reason.

mod assertion;
mod certificate;
mod error;
mod key_credential;
mod key_type;
mod public_key;
mod signature;
mod tbs;
mod thumbprint;
mod time;

pub use assertion::{
    assertion_finish, assertion_signing_input, AssertionAlg, AssertionRequest, MAX_ASSERTION_SECS,
};
pub use certificate::{assemble, Certificate};
pub use error::{CertError, KeyAlgorithm};
pub use key_type::{KeyType, Lifetime};
pub use signature::p1363_to_der;
pub use tbs::{to_be_signed, CertificateRequest, Tbs, CLOCK_SKEW_SECS};
pub use time::{utc_date, utc_iso8601};
