//! Troubleshooting a linked Entra account from what the platform printed: the
//! error codes and values in a pasted error, checked against this account's
//! tenant, application ID, cloud and certificates; and the claims of a pasted
//! access token. Nothing here trusts the pasted text: values are kept as text,
//! bounded in length, and only compared.

mod account;
mod codes;
mod diagnose;
mod input;
mod scan;
mod tenant_lookup;
mod thumbprint;
mod time;
mod token;

pub use account::{AccountFacts, Slot};
pub use codes::{lookup_url, Known, KNOWN};
pub use diagnose::{diagnose, Action, Finding};
pub use input::{InputError, MAX_INPUT_CHARS};
pub use scan::{scan, ErrorText};
pub use tenant_lookup::tenant_lookup;
pub use thumbprint::normalize;
pub use time::{duration_text, parse_utc};
pub use token::{check_token, decode_token, TokenCheck, TokenClaims, TokenError, Verdict};

#[cfg(test)]
mod tests;
