//! Whether an existing app registration with the account's name may be used:
//! the same rule as the Cloud Shell script (`setup_script::steps`), read from
//! what Graph returns instead of what `az` prints.
//!
//! Anyone who may register apps can make one under the name an admin is about
//! to use and keep a way in: a secret, a certificate, a federated credential,
//! ownership, a redirect URI to phish a sign-in, extra permissions that a
//! later consent would grant. CloudLink adds to, grants to or consents for an
//! app only if none of that is there.

use super::requests::{EXCHANGE_MANAGE_AS_APP_ROLE, EXCHANGE_ONLINE_APP_ID};
use super::responses::{
    Application, FederatedCredential, KeyCredential, ObjectId, PasswordCredential, ServicePrincipal,
};
use crate::crypto::Certificate;
use crate::domain::entra::Guid;
use base64ct::{Base64, Encoding};

/// The SHA-1 thumbprint of the certificate itself, never the
/// `customKeyIdentifier` that whoever uploaded it chose.
pub fn thumbprint_of(key: &KeyCredential) -> Option<String> {
    let der = Base64::decode_vec(key.key.as_deref()?).ok()?;
    Some(Certificate::stored(der, None, None).sha1_thumbprint())
}

fn shown(value: &Option<String>) -> &str {
    value.as_deref().filter(|v| !v.is_empty()).unwrap_or("-")
}

fn credentials(
    what: &str,
    keys: &[KeyCredential],
    secrets: &[PasswordCredential],
    own: &[String],
    found: &mut Vec<String>,
) {
    for secret in secrets {
        found.push(format!(
            "{what}: client secret \"{}\" (key ID {})",
            shown(&secret.display_name),
            shown(&secret.key_id)
        ));
    }
    for key in keys {
        let name = shown(&key.display_name);
        let id = shown(&key.key_id);
        match thumbprint_of(key) {
            None => found.push(format!(
                "{what}: credential \"{name}\" (key ID {id}), not a certificate that can be checked"
            )),
            Some(t) if !own.iter().any(|o| o.eq_ignore_ascii_case(&t)) => found.push(format!(
                "{what}: certificate \"{name}\" (key ID {id}, thumbprint {t}), not one of this account's certificates"
            )),
            Some(_) => {}
        }
    }
}

fn owners(what: &str, owners: &[ObjectId], admin: Option<Guid>, found: &mut Vec<String>) {
    // Without a known admin, any owner counts as someone else.
    for owner in owners.iter().filter(|o| Some(o.id) != admin) {
        let name = owner
            .user_principal_name
            .as_ref()
            .or(owner.display_name.as_ref())
            .map_or("-", String::as_str);
        found.push(format!(
            "{what}: owner {name} (object ID {})",
            owner.id.as_str()
        ));
    }
}

fn only_exchange_manage_as_app(app: &Application) -> bool {
    match app.required_resource_access.as_slice() {
        [one] => {
            one.resource_app_id
                .eq_ignore_ascii_case(EXCHANGE_ONLINE_APP_ID)
                && matches!(one.resource_access.as_slice(), [role]
                    if role.id.eq_ignore_ascii_case(EXCHANGE_MANAGE_AS_APP_ROLE) && role.kind == "Role")
        }
        _ => false,
    }
}

/// Everything on the app registration that is not provably CloudLink's;
/// empty means it may be used.
pub fn application_findings(
    app: &Application,
    federated: &[FederatedCredential],
    app_owners: &[ObjectId],
    own_thumbprints: &[String],
    admin: Option<Guid>,
) -> Vec<String> {
    let what = "app registration";
    let mut found = Vec::new();
    credentials(
        what,
        &app.key_credentials,
        &app.password_credentials,
        own_thumbprints,
        &mut found,
    );
    for f in federated {
        found.push(format!(
            "{what}: federated credential \"{}\" (issuer {}, subject {})",
            shown(&f.name),
            shown(&f.issuer),
            shown(&f.subject)
        ));
    }
    owners(what, app_owners, admin, &mut found);
    if !only_exchange_manage_as_app(app) {
        let asked: Vec<String> = app
            .required_resource_access
            .iter()
            .flat_map(|r| {
                r.resource_access
                    .iter()
                    .map(move |a| format!("{} {} on {}", a.kind, a.id, r.resource_app_id))
            })
            .collect();
        found.push(format!(
            "{what}: API permissions other than exactly Exchange.ManageAsApp ({})",
            if asked.is_empty() {
                "none".to_string()
            } else {
                asked.join(", ")
            }
        ));
    }
    for (kind, uris) in [
        ("web", &app.web),
        ("single-page app", &app.spa),
        ("public client", &app.public_client),
    ] {
        for uri in uris.iter().flat_map(|u| &u.redirect_uris) {
            found.push(format!("{what}: {kind} redirect URI {uri}"));
        }
    }
    if app.is_fallback_public_client == Some(true) {
        found.push(format!("{what}: public client flows allowed"));
    }
    let audience = app.sign_in_audience.as_deref().unwrap_or("-");
    if audience != "AzureADMyOrg" {
        found.push(format!(
            "{what}: sign-in audience {audience}, not this organization only"
        ));
    }
    found
}

/// The same for the app's service principal, which carries credentials and
/// owners of its own.
pub fn service_principal_findings(
    sp: &ServicePrincipal,
    sp_owners: &[ObjectId],
    own_thumbprints: &[String],
    admin: Option<Guid>,
) -> Vec<String> {
    let what = format!("service principal {}", sp.id.as_str());
    let mut found = Vec::new();
    credentials(
        &what,
        &sp.key_credentials,
        &sp.password_credentials,
        own_thumbprints,
        &mut found,
    );
    owners(&what, sp_owners, admin, &mut found);
    found
}

/// Whether the app's certificates are already exactly this page's one, so
/// nothing needs replacing.
pub fn has_only_certificate(app: &Application, thumbprint: &str) -> bool {
    matches!(app.key_credentials.as_slice(), [one]
        if thumbprint_of(one).is_some_and(|t| t.eq_ignore_ascii_case(thumbprint)))
}
