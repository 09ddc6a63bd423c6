//! Connect and Remove: how linked accounts come and go.

use crate::browser::{clock, http};

use crate::domain::app::Config;
use crate::domain::aws::AwsValues;
use crate::domain::entra::{
    check_openid_response, openid_configuration_url, EntraValues, Guid, TenantCheck, TenantId,
};
use crate::domain::links::{
    AwsLink, Details, EntraDraft, EntraLink, Integration, LinkStatus, Provider,
};
use crate::state::accounts::{Accounts, AccountsError};
use crate::state::certificates;
use crate::state::drafts::Drafts;
use crate::state::embed;
use crate::store::keys::Keys;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConnectError {
    /// Names the account that already links this tenant and application.
    Duplicate(String),
    /// Names the account that already links this IAM role.
    DuplicateRole(String),
    TenantNotFound,
    NoCertificate,
    NotSaved(String),
}

impl std::fmt::Display for ConnectError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConnectError::Duplicate(name) => write!(
                f,
                "This tenant and application are already linked as \"{name}\". Open that account instead of linking it twice."
            ),
            ConnectError::DuplicateRole(name) => write!(
                f,
                "This role is already linked as \"{name}\". Open that account instead of linking it twice."
            ),
            ConnectError::TenantNotFound => f.write_str(
                "Microsoft says this tenant does not exist. Check the Directory (tenant) ID and try again. Nothing was saved.",
            ),
            ConnectError::NoCertificate => f.write_str("Generate the certificate first."),
            ConnectError::NotSaved(e) => write!(f, "The account could not be saved: {e}"),
        }
    }
}

impl From<AccountsError<ConnectError>> for ConnectError {
    fn from(e: AccountsError<ConnectError>) -> Self {
        match e {
            AccountsError::Rejected(e) => e,
            other => ConnectError::NotSaved(other.to_string()),
        }
    }
}

fn duplicate_of(
    list: &[Integration],
    provider: Provider,
    values: &EntraValues,
    guid: Option<&Guid>,
) -> Option<String> {
    list.iter()
        .find(|i| i.same_entra_app(provider, &values.tenant, guid, &values.application_id))
        .map(|i| i.name.as_str().to_string())
}

/// Reads the tenant's OpenID configuration from the cloud's sign-in host.
pub async fn check_tenant(config: &Config, draft: &EntraDraft, tenant: &TenantId) -> TenantCheck {
    let url = openid_configuration_url(config.sign_in_host(draft.cloud), tenant);
    match http::get_text(&url).await {
        Ok((status, body)) => check_openid_response(status, &body),
        Err(http::Unreachable) => check_openid_response(0, ""),
    }
}

/// Checks for duplicates, then the tenant, then saves the account and drops
/// the draft. A tenant check that cannot run still links, marked unverified.
pub async fn connect_entra(
    accounts: Accounts,
    drafts: Drafts,
    config: &Config,
    provider: Provider,
    values: EntraValues,
    draft: &EntraDraft,
) -> Result<Integration, ConnectError> {
    let certificate = draft
        .certificate
        .clone()
        .ok_or(ConnectError::NoCertificate)?;
    // A quick look before the network call; the write checks again on the latest list.
    if let Some(name) = accounts.with(|l| duplicate_of(l, provider, &values, None)) {
        return Err(ConnectError::Duplicate(name));
    }
    let (status, tenant_guid) = match check_tenant(config, draft, &values.tenant).await {
        TenantCheck::Verified(guid) => (LinkStatus::Connected, Some(guid)),
        TenantCheck::NotFound => return Err(ConnectError::TenantNotFound),
        TenantCheck::Unavailable(_) => (LinkStatus::TenantNotVerified, None),
    };
    let integration = Integration {
        id: uuid::Uuid::new_v4().to_string(),
        provider,
        name: values.name.clone(),
        created_ms: clock::now_ms(),
        status,
        details: Details::Entra(EntraLink {
            tenant: values.tenant.clone(),
            tenant_guid,
            application_id: values.application_id,
            organization: Some(values.organization.clone()),
            cloud: draft.cloud,
            certificate,
            azure_scope: values.azure_scope.clone(),
            pending_certificate: None,
            previous_certificate: None,
        }),
    };
    // A domain and a GUID can name the same tenant.
    accounts
        .link(integration.clone(), move |list| {
            duplicate_of(list, provider, &values, tenant_guid.as_ref()).map(ConnectError::Duplicate)
        })
        .await?;
    drafts.discard(provider).await;
    embed::notify_linked(config, &integration);
    Ok(integration)
}

/// Saves an AWS account once its role is not linked already. There is
/// nothing to check from the browser: AWS offers no CORS endpoint for it.
pub async fn connect_aws(
    accounts: Accounts,
    drafts: Drafts,
    config: &Config,
    values: AwsValues,
) -> Result<Integration, ConnectError> {
    let role = values.role_arn.clone();
    let integration = Integration {
        id: uuid::Uuid::new_v4().to_string(),
        provider: Provider::Aws,
        name: values.name,
        created_ms: clock::now_ms(),
        status: LinkStatus::Connected,
        details: Details::Aws(AwsLink {
            account_type: values.account_type,
            role_arn: values.role_arn,
            external_id: values.external_id,
        }),
    };
    accounts
        .link(integration.clone(), move |list| {
            list.iter()
                .find(|i| i.same_role(&role))
                .map(|i| ConnectError::DuplicateRole(i.name.as_str().to_string()))
        })
        .await?;
    drafts.discard(Provider::Aws).await;
    embed::notify_linked(config, &integration);
    Ok(integration)
}

/// Runs the tenant check again for an account linked while it could not run.
pub async fn retry_tenant_check(accounts: Accounts, config: &Config, id: &str) -> TenantCheck {
    let Some(link) = accounts.find_untracked(id).and_then(|i| i.entra().cloned()) else {
        return TenantCheck::Unavailable("the account no longer exists".into());
    };
    let draft = EntraDraft {
        cloud: link.cloud,
        ..Default::default()
    };
    let check = check_tenant(config, &draft, &link.tenant).await;
    if let TenantCheck::Verified(guid) = &check {
        let guid = *guid;
        let _ = accounts
            .update(id, move |i| {
                i.status = LinkStatus::Connected;
                if let Details::Entra(e) = &mut i.details {
                    e.tenant_guid = Some(guid);
                }
            })
            .await;
    }
    check
}

/// Deletes an account with its certificates and their keys, and tells an
/// embedding portal.
pub async fn remove(
    accounts: Accounts,
    config: &Config,
    id: &str,
) -> Result<(), AccountsError<std::convert::Infallible>> {
    let removed = accounts.remove(id).await?;
    if let Some(gone) = removed {
        if let Some(link) = gone.entra() {
            let database = certificates::key_database(&Keys::new(&config.storage_prefix));
            let records = [Some(&link.certificate), link.pending_certificate.as_ref()];
            let records = records
                .into_iter()
                .chain([link.previous_certificate.as_ref()])
                .flatten();
            certificates::forget_keys(&database, records).await;
        }
        embed::notify_removed(config, id, gone.provider);
    }
    Ok(())
}
