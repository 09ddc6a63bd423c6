//! The password a confirmation dialog asks for before something that cannot
//! be undone, so a page left open cannot remove anything on its own.

use leptos::prelude::*;

use crate::components::form::TextField;
use crate::state::auth::Auth;

/// The typed password and its error. In host identity mode the portal
/// vouches for the person: there is no field and every check passes.
#[derive(Clone, Copy)]
pub struct PasswordCheck {
    pub password: RwSignal<String>,
    pub error: RwSignal<Option<String>>,
    auth: Auth,
}

impl PasswordCheck {
    pub fn new() -> PasswordCheck {
        PasswordCheck {
            password: RwSignal::new(String::new()),
            error: RwSignal::new(None),
            auth: Auth::expect(),
        }
    }

    /// What was typed, for the task that checks it.
    pub fn typed(&self) -> String {
        self.password.get_untracked()
    }

    /// Whether `typed` is the signed-in person's password; when it is not,
    /// the reason shows next to the field. Wrong tries count toward the
    /// login throttle.
    pub async fn passes(self, typed: &str) -> bool {
        match self.auth.confirm_password(typed).await {
            Ok(()) => {
                self.clear();
                true
            }
            Err(e) => {
                // The dialog may have closed meanwhile.
                self.error.try_set(Some(e.to_string()));
                false
            }
        }
    }

    /// Forgets what was typed, when the dialog closes.
    pub fn clear(&self) {
        self.password.try_set(String::new());
        self.error.try_set(None);
    }
}

impl Default for PasswordCheck {
    fn default() -> Self {
        PasswordCheck::new()
    }
}

/// The Password field of a confirmation dialog; nothing in host identity mode.
#[component]
pub fn ConfirmPasswordField(id: &'static str, check: PasswordCheck) -> impl IntoView {
    (!check.auth.host_identity()).then(|| {
        view! {
            <TextField
                id=id
                label="Password"
                value=check.password
                error=check.error
                kind="password"
                autocomplete="current-password"
                hint="Enter your password to confirm."
            />
        }
    })
}
