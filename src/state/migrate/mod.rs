//! Data an earlier version left where this one no longer looks for it,
//! moved once at sign-in. Each move is its own module, whose doc says when it
//! can be removed; none stops a sign-in, and what fails is tried again the
//! next time.

mod sealed_host_keys;
mod unescaped_host_id;

pub use sealed_host_keys::sealed_host_keys;
pub use unescaped_host_id::unescaped_host_data;
