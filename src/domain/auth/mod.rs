//! Signing in: the email, the rule for a new password, what is stored instead
//! of a password, how failed attempts slow down further ones, and when an
//! idle page forgets the unlocked keys.

mod credentials;
mod email;
mod error;
mod idle;
mod password;
mod throttle;

pub use credentials::{
    verifiers_match, KEY_WRAP_INFO, PBKDF2_ITERATIONS, VERIFIER_INFO, WRONG_CREDENTIALS,
    WRONG_PASSWORD,
};
pub use email::{Email, EmailError};
pub use error::AuthError;
pub use idle::{IdleCheck, IdleLimit};
pub use password::{validate_new_password, PasswordError, MIN_PASSWORD_CHARS};
pub use throttle::{wait_message, Throttle, FREE_ATTEMPTS};
