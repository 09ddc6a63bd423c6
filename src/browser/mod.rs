//! Browser glue: the only place that calls `web_sys` directly. Pages and
//! components use these functions so that everything else stays pure.

pub mod location;
pub mod panic;
