//! A certificate and its key: the link page's Certificate step (Generate,
//! replace, unlock), the certificate's facts and downloads, the Cloud Shell
//! setup script made from it, its expiry, and renewal (pending and previous
//! certificates).

mod cloud_shell_setup;
mod expiry_badge;
mod key_options;
mod panel;
mod pending;
mod previous;
mod renewal;
mod sign_in_setup;
mod step;
mod unlock;

pub use cloud_shell_setup::{CloudShellSetup, ScriptBox, ScriptInputs};
pub use expiry_badge::ExpiryBadge;
pub use key_options::KeyOptions;
pub use panel::CertificatePanel;
pub use pending::PendingCertificate;
pub use previous::PreviousCertificate;
pub use renewal::RenewalPanel;
pub use sign_in_setup::SignInSetup;
pub use step::CertificateStep;
pub use unlock::{UnlockPanel, UnlockWhenNeeded};
