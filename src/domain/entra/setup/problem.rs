//! Why a step of the set-up failed, in plain words, and what to do about it.
//! Each failure Microsoft can give maps onto one of these, so the page never
//! shows a bare error code.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Graph's `Authorization_RequestDenied`: the signed-in account may not
    /// do this. `roles` names the Entra roles that may.
    RoleMissing {
        action: &'static str,
        roles: &'static str,
    },
    /// The platform's sign-in app has no consent in this tenant
    /// (AADSTS65001, `consent_required`, AADSTS90094).
    ConsentMissing,
    /// The tenant does not let this account register apps, or an app
    /// management policy refused the app as CloudLink shapes it.
    RegistrationBlocked {
        detail: String,
    },
    /// Graph's `Request_ResourceNotFound`.
    NotFound {
        what: &'static str,
    },
    /// The sign-in ran out or was already used: sign in again.
    SignInExpired,
    /// The admin closed or declined Microsoft's sign-in.
    SignInCancelled,
    /// The browser refused to open the sign-in window.
    PopupBlocked,
    /// The page locked or signed out during a run: the run stopped and its
    /// token went with it.
    Interrupted,
    /// The sign-in host never answered the token request: offline, blocked,
    /// or it refused the page's origin (CORS).
    TokenUnreachable,
    /// The platform's own sign-in app is registered wrongly (redirect URI,
    /// not a single-page app, unknown client ID): only the platform can fix it.
    PlatformMisconfigured {
        detail: String,
    },
    /// Signed in to another tenant than the one in the form.
    DifferentTenant {
        typed: String,
        signed_in: String,
    },
    /// An app with the account's name exists and is not provably CloudLink's.
    NotOurApp {
        name: String,
        app_id: String,
        found: Vec<String>,
    },
    SeveralApps {
        name: String,
        count: usize,
    },
    /// The tenant has no Office 365 Exchange Online service principal.
    ExchangeMissing,
    /// Anything else, with Microsoft's own words.
    Unexpected {
        status: u16,
        code: String,
        message: String,
    },
}

impl Problem {
    pub fn why(&self) -> String {
        match self {
            Problem::RoleMissing { action, .. } => {
                format!("Your Microsoft account is not allowed to {action} in this tenant.")
            }
            Problem::ConsentMissing => "This tenant has not consented to the platform's sign-in app, so Microsoft gave it no access.".into(),
            Problem::RegistrationBlocked { detail } => format!(
                "This tenant's policy does not let your account register this app.{}",
                if detail.is_empty() { String::new() } else { format!(" Microsoft said: {detail}") }
            ),
            Problem::NotFound { what } => format!("Microsoft Graph could not find {what}."),
            Problem::SignInExpired => "The Microsoft sign-in has expired or was already used.".into(),
            Problem::SignInCancelled => "The Microsoft sign-in was cancelled or declined.".into(),
            Problem::PopupBlocked => "The browser blocked the Microsoft sign-in window.".into(),
            Problem::Interrupted => "This page locked or signed out, so the set-up stopped and forgot the Microsoft sign-in.".into(),
            Problem::TokenUnreachable => "Microsoft's sign-in did not answer this page. The network may be down, or the platform's sign-in app is not registered as a single-page application.".into(),
            Problem::PlatformMisconfigured { detail } => format!(
                "The platform's sign-in app is not registered the way this page needs. Microsoft said: {detail}"
            ),
            Problem::DifferentTenant { typed, signed_in } => format!(
                "You signed in to tenant {signed_in}, but the form names tenant {typed}."
            ),
            Problem::NotOurApp { name, app_id, found } => format!(
                "An app registration named \"{name}\" already exists (Application ID {app_id}) and is not provably CloudLink's own. Nothing was changed. It has:\n{}",
                found.iter().map(|f| format!("  - {f}")).collect::<Vec<_>>().join("\n")
            ),
            Problem::SeveralApps { name, count } => {
                format!("{count} app registrations are named \"{name}\", so CloudLink cannot tell which is its own.")
            }
            Problem::ExchangeMissing => "This tenant has no Office 365 Exchange Online service principal, so Exchange.ManageAsApp cannot be granted.".into(),
            Problem::Unexpected { status, code, message } => {
                format!("Microsoft answered {status} {code}: {message}")
            }
        }
    }

    pub fn what_to_do(&self) -> String {
        match self {
            Problem::RoleMissing { roles, .. } => format!(
                "Sign in with an account that holds {roles}, or ask someone who does, then choose Retry."
            ),
            Problem::ConsentMissing => "Ask a Global Administrator or Privileged Role Administrator of this tenant to sign in here once and accept the permissions, then choose Retry. Or use Set up with Azure Cloud Shell.".into(),
            Problem::RegistrationBlocked { .. } => "Sign in as an Application Administrator or Cloud Application Administrator, or ask one to allow the app, then choose Retry. Or use Set up with Azure Cloud Shell.".into(),
            Problem::NotFound { .. } => "It may have been deleted a moment ago, or Microsoft has not finished creating it: wait a minute, then choose Retry.".into(),
            Problem::SignInExpired | Problem::SignInCancelled => "Choose Retry to sign in again.".into(),
            Problem::PopupBlocked => "Allow pop-up windows for this site, then choose Retry. Or use Set up with Azure Cloud Shell.".into(),
            Problem::Interrupted => "Unlock or log in again, then choose Retry: the steps already done stay done.".into(),
            Problem::TokenUnreachable => "Check the connection and choose Retry; if it fails again, tell the platform's operators and use Set up with Azure Cloud Shell.".into(),
            Problem::PlatformMisconfigured { .. } => "Tell the platform's operators; until then, use Set up with Azure Cloud Shell.".into(),
            Problem::DifferentTenant { .. } => "Sign in with an account of the tenant in the form, or correct Tenant ID, then choose Retry.".into(),
            Problem::NotOurApp { .. } => "Choose another Microsoft Account Name, or check with whoever added these, remove them in the Microsoft Entra admin center (App registrations and Enterprise applications: Owners, Certificates & secrets), then choose Retry.".into(),
            Problem::SeveralApps { .. } => "Delete or rename the extra ones in the Microsoft Entra admin center, or choose another Microsoft Account Name, then choose Retry.".into(),
            Problem::ExchangeMissing => "Check that this tenant has Exchange Online, then choose Retry.".into(),
            Problem::Unexpected { .. } => "Choose Retry; if it fails again, use Set up with Azure Cloud Shell.".into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.why(), self.what_to_do())
    }
}
