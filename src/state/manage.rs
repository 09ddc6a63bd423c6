//! Changing a linked account after it was linked: edits and certificate
//! renewals. Each is one change applied to the latest stored accounts, and an
//! embedding portal hears about what changed.

use crate::crypto::{KeyType, Lifetime};
use crate::domain::app::Config;
use crate::domain::aws::AwsValues;
use crate::domain::entra::{subject_text, CertificateRecord, EntraValues, RenewalError};
use crate::domain::links::{edit_aws, edit_entra, Details, EditError, Integration};
use crate::state::accounts::{Accounts, AccountsError};
use crate::state::auth::Auth;
use crate::state::certificates::{self, KeyAhead, KeyCustody, KeyError, NewCertificate};
use crate::state::embed;
use crate::store::keys::Keys;

/// Deletes the held keys of certificates a renewal step dropped.
async fn forget_keys(config: &Config, dropped: Option<CertificateRecord>) {
    let database = certificates::key_database(&Keys::new(&config.storage_prefix));
    certificates::forget_keys(&database, dropped.iter()).await;
}

/// [`forget_keys`] for the database of the signed-in person's custody.
async fn forget_held(auth: &Auth, dropped: Option<CertificateRecord>) {
    if let Some(KeyCustody::Held(held)) = auth.key_custody() {
        certificates::forget_keys(&held.database, dropped.iter()).await;
    }
}

/// Why the latest stored account refused a change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    Edit(EditError),
    Renewal(RenewalError),
    /// Removed meanwhile, perhaps in another tab.
    Gone,
    /// An AWS account has no certificates to renew.
    NoCertificates,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Edit(e) => e.fmt(f),
            Refusal::Renewal(e) => e.fmt(f),
            Refusal::Gone => f.write_str("This account no longer exists."),
            Refusal::NoCertificates => {
                f.write_str("Only Microsoft 365 and Azure accounts have certificates.")
            }
        }
    }
}

/// Why an edit or a renewal step did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeError {
    /// The page was reloaded or left idle: a page left open changes nothing
    /// for good until the password is given again.
    Locked,
    Refused(AccountsError<Refusal>),
}

impl std::fmt::Display for ChangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChangeError::Locked => f.write_str("Enter your password to continue."),
            ChangeError::Refused(e) => e.fmt(f),
        }
    }
}

impl From<AccountsError<Refusal>> for ChangeError {
    fn from(e: AccountsError<Refusal>) -> Self {
        ChangeError::Refused(e)
    }
}

impl From<AccountsError<EditError>> for ChangeError {
    fn from(e: AccountsError<EditError>) -> Self {
        ChangeError::Refused(match e {
            AccountsError::SignedOut => AccountsError::SignedOut,
            AccountsError::Store(e) => AccountsError::Store(e),
            AccountsError::Rejected(e) => AccountsError::Rejected(Refusal::Edit(e)),
        })
    }
}

/// Refuses a change while the keys are locked.
fn unlocked(auth: &Auth) -> Result<(), ChangeError> {
    match auth.key_custody() {
        Some(_) => Ok(()),
        None => Err(ChangeError::Locked),
    }
}

/// Saves an edit of a Microsoft 365 or Azure account.
pub async fn save_entra(
    auth: &Auth,
    accounts: Accounts,
    config: &Config,
    id: &str,
    values: EntraValues,
) -> Result<Integration, ChangeError> {
    unlocked(auth)?;
    let id = id.to_string();
    let saved = accounts
        .change(move |list| edit_entra(list, &id, &values))
        .await?;
    embed::notify_updated(config, &saved);
    Ok(saved)
}

/// Saves an edit of an AWS account.
pub async fn save_aws(
    auth: &Auth,
    accounts: Accounts,
    config: &Config,
    id: &str,
    values: AwsValues,
) -> Result<Integration, ChangeError> {
    unlocked(auth)?;
    let id = id.to_string();
    let saved = accounts
        .change(move |list| edit_aws(list, &id, &values))
        .await?;
    embed::notify_updated(config, &saved);
    Ok(saved)
}

/// Why a renewal step did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RenewError {
    Key(KeyError),
    Refused(AccountsError<Refusal>),
}

impl std::fmt::Display for RenewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenewError::Key(e) => e.fmt(f),
            RenewError::Refused(e) => e.fmt(f),
        }
    }
}

/// Applies a renewal step to the Entra account `id`.
async fn renewal_step<R: 'static>(
    accounts: Accounts,
    id: &str,
    step: impl Fn(&mut crate::domain::links::EntraLink) -> Result<R, RenewalError> + 'static,
) -> Result<(R, Integration), AccountsError<Refusal>> {
    let id = id.to_string();
    accounts
        .change(move |list| {
            let account = list.iter_mut().find(|i| i.id == id).ok_or(Refusal::Gone)?;
            let Details::Entra(link) = &mut account.details else {
                return Err(Refusal::NoCertificates);
            };
            let r = step(link).map_err(Refusal::Renewal)?;
            Ok((r, account.clone()))
        })
        .await
}

/// Makes a new key pair and certificate for `account` and keeps it pending;
/// the current certificate stays in use.
pub async fn renew(
    auth: &Auth,
    accounts: Accounts,
    account: &Integration,
    key_type: KeyType,
    lifetime: Lifetime,
    ahead: KeyAhead,
) -> Result<(), RenewError> {
    let organization = account
        .entra()
        .and_then(|e| e.organization.as_ref())
        .map(|o| subject_text(o.as_str()));
    let record = certificates::generate(
        auth,
        NewCertificate {
            common_name: subject_text(account.name.as_str()),
            organization,
            key_type,
            lifetime,
        },
        Some(ahead),
    )
    .await
    .map_err(RenewError::Key)?;
    let pending = record.clone();
    match renewal_step(accounts, &account.id, move |link| {
        Ok(link.start_renewal(pending.clone()))
    })
    .await
    {
        Ok((replaced, _)) => {
            forget_held(auth, replaced).await;
            Ok(())
        }
        Err(e) => {
            forget_held(auth, Some(record)).await;
            Err(RenewError::Refused(e))
        }
    }
}

/// Makes the pending certificate current, and tells the portal. An older
/// previous certificate is dropped, with its key.
pub async fn use_new(
    auth: &Auth,
    accounts: Accounts,
    config: &Config,
    id: &str,
) -> Result<(), ChangeError> {
    unlocked(auth)?;
    let (older, account) = renewal_step(accounts, id, |link| {
        let older = link.previous_certificate.clone();
        link.use_pending().map(|()| older)
    })
    .await?;
    forget_keys(config, older).await;
    embed::notify_updated(config, &account);
    Ok(())
}

/// Drops the pending certificate, with its key.
pub async fn cancel_renewal(
    auth: &Auth,
    accounts: Accounts,
    config: &Config,
    id: &str,
) -> Result<(), ChangeError> {
    unlocked(auth)?;
    let (dropped, _) = renewal_step(accounts, id, |link| Ok(link.cancel_renewal())).await?;
    forget_keys(config, dropped).await;
    Ok(())
}

/// Drops the previous certificate, with its key. Its dialog asks for the
/// password itself, which does not unlock the keys.
pub async fn forget_previous(
    accounts: Accounts,
    config: &Config,
    id: &str,
) -> Result<(), ChangeError> {
    let (dropped, _) = renewal_step(accounts, id, |link| Ok(link.forget_previous())).await?;
    forget_keys(config, dropped).await;
    Ok(())
}
