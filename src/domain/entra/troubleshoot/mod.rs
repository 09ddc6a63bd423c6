//! Troubleshooting a linked Entra account from what the platform printed: the
//! error codes and values in a pasted error, checked against this account's
//! tenant, application ID, cloud and certificates; and the claims of a pasted
//! access token. Nothing here trusts the pasted text: values are kept as text,
//! bounded in length, and only compared.

mod account;
mod account_ids;
mod clock_skew;
mod codes;
mod diagnose;
mod exchange;
mod input;
mod scan;
mod tenant_lookup;
mod thumbprint;
mod time;
mod token;
mod token_check;
mod unregistered_key;

pub use account::{AccountFacts, Slot};
pub use codes::{lookup_url, Known, KNOWN};
pub use diagnose::{diagnose, Action, Finding};
pub use input::{InputError, MAX_INPUT_CHARS};
pub use scan::{scan, ErrorText};
pub use tenant_lookup::tenant_lookup;
pub use thumbprint::normalize;
pub use time::{duration_text, parse_utc};
pub use token::{decode_token, TokenClaims, TokenError};
pub use token_check::{check_token, TokenCheck, Verdict};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod token_tests;
