//! Why a password was not accepted, or could not be checked, in the words the
//! form shows next to it.

use super::{wait_message, WRONG_CREDENTIALS, WRONG_PASSWORD};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuthError {
    /// Log in: the email is unknown or the password is wrong, and the two
    /// read the same. `wait_ms` is how long the next try must wait.
    WrongCredentials { wait_ms: i64 },
    /// A signed-in person's password, asked again, is wrong.
    WrongPassword { wait_ms: i64 },
    /// Too many wrong tries: nothing is checked until the wait is over.
    Throttled { wait_ms: i64 },
    /// A password was asked for with nobody signed in.
    SignedOut,
    /// The browser's cryptography or storage refused, in its words.
    Browser(String),
}

impl std::fmt::Display for AuthError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AuthError::WrongCredentials { wait_ms } if *wait_ms > 0 => {
                write!(f, "{WRONG_CREDENTIALS}. {}", wait_message(*wait_ms))
            }
            AuthError::WrongCredentials { .. } => f.write_str(WRONG_CREDENTIALS),
            AuthError::WrongPassword { wait_ms } if *wait_ms > 0 => {
                write!(f, "{WRONG_PASSWORD}. {}", wait_message(*wait_ms))
            }
            AuthError::WrongPassword { .. } => write!(f, "{WRONG_PASSWORD}."),
            AuthError::Throttled { wait_ms } => f.write_str(&wait_message(*wait_ms)),
            AuthError::SignedOut => f.write_str("Log in first."),
            AuthError::Browser(e) => f.write_str(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_password_says_how_long_the_next_try_waits() {
        assert_eq!(
            AuthError::WrongPassword { wait_ms: 0 }.to_string(),
            "That password is not correct."
        );
        assert_eq!(
            AuthError::WrongPassword { wait_ms: 5_000 }.to_string(),
            "That password is not correct. Too many failed attempts. Try again in 5 seconds."
        );
    }

    #[test]
    fn wrong_credentials_read_the_same_for_an_unknown_email() {
        assert_eq!(
            AuthError::WrongCredentials { wait_ms: 0 }.to_string(),
            "Email or password is incorrect"
        );
        assert_eq!(
            AuthError::WrongCredentials { wait_ms: 10_000 }.to_string(),
            "Email or password is incorrect. Too many failed attempts. Try again in 10 seconds."
        );
    }

    #[test]
    fn a_throttled_try_says_only_how_long_to_wait() {
        assert_eq!(
            AuthError::Throttled { wait_ms: 1_000 }.to_string(),
            "Too many failed attempts. Try again in 1 second."
        );
    }
}
