//! Whether the session stored for this origin is still the one a tab holds.
//! Tabs share local storage, so another tab may have signed out or signed in
//! as someone else; a tab must then stop showing and writing its person's data.

use super::schema::Session;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SessionCheck {
    /// The stored session is this tab's.
    Same,
    /// No one is signed in any more.
    SignedOut,
    /// Someone else signed in, in another tab.
    OtherUser,
}

/// Compares the stored session with the user this tab signed in as.
pub fn check(stored: Option<&Session>, ours: &str) -> SessionCheck {
    match stored {
        None => SessionCheck::SignedOut,
        Some(s) if s.user_id.is_empty() => SessionCheck::SignedOut,
        Some(s) if s.user_id == ours => SessionCheck::Same,
        Some(_) => SessionCheck::OtherUser,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(id: &str) -> Session {
        Session {
            user_id: id.into(),
            email: format!("{id}@example.com"),
        }
    }

    #[test]
    fn another_persons_session_is_foreign() {
        assert_eq!(check(Some(&session("u1")), "u1"), SessionCheck::Same);
        assert_eq!(check(Some(&session("u2")), "u1"), SessionCheck::OtherUser);
        assert_eq!(check(None, "u1"), SessionCheck::SignedOut);
        assert_eq!(check(Some(&session("")), "u1"), SessionCheck::SignedOut);
    }
}
