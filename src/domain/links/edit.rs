//! Editing a linked account in place. The account keeps its id, tenant,
//! certificates and status; the link page's duplicate rule still holds, so an
//! edit that would make it equal to another account is refused.

use super::integration::{Details, Integration};
use crate::domain::aws::AwsValues;
use crate::domain::entra::EntraValues;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// Names the other account the edit would duplicate.
    Duplicate(String),
    /// The account was removed (perhaps in another tab).
    Gone,
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::Duplicate(name) => write!(
                f,
                "Another account, \"{name}\", already links this. Nothing was changed."
            ),
            EditError::Gone => f.write_str("This account no longer exists. Nothing was changed."),
        }
    }
}

/// Changes the name, organization, application and (Azure) scope of the
/// Entra account `id`; the tenant in `values` is ignored.
pub fn edit_entra(
    list: &mut [Integration],
    id: &str,
    values: &EntraValues,
) -> Result<Integration, EditError> {
    let at = list
        .iter()
        .position(|i| i.id == id)
        .ok_or(EditError::Gone)?;
    let provider = list[at].provider;
    let (tenant, guid) = match &list[at].details {
        Details::Entra(e) => (e.tenant.clone(), e.tenant_guid),
        Details::Aws(_) => return Err(EditError::Gone),
    };
    if let Some(other) = list.iter().find(|i| {
        i.id != id && i.same_entra_app(provider, &tenant, guid.as_ref(), &values.application_id)
    }) {
        return Err(EditError::Duplicate(other.name.as_str().to_string()));
    }
    let account = &mut list[at];
    account.name = values.name.clone();
    if let Details::Entra(e) = &mut account.details {
        e.organization = Some(values.organization.clone());
        e.application_id = values.application_id;
        if values.azure_scope.is_some() {
            e.azure_scope = values.azure_scope.clone();
        }
    }
    Ok(account.clone())
}

/// Changes the name, role and account type of the AWS account `id`; the
/// External ID stays, since the stack trusts exactly that value.
pub fn edit_aws(
    list: &mut [Integration],
    id: &str,
    values: &AwsValues,
) -> Result<Integration, EditError> {
    let at = list
        .iter()
        .position(|i| i.id == id && i.aws().is_some())
        .ok_or(EditError::Gone)?;
    if let Some(other) = list
        .iter()
        .find(|i| i.id != id && i.same_role(&values.role_arn))
    {
        return Err(EditError::Duplicate(other.name.as_str().to_string()));
    }
    let account = &mut list[at];
    account.name = values.name.clone();
    if let Details::Aws(a) = &mut account.details {
        a.role_arn = values.role_arn.clone();
        a.account_type = values.account_type;
    }
    Ok(account.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::aws::{AwsAccountType, ExternalId, RoleArn};
    use crate::domain::entra::{ApplicationId, TenantId};
    use crate::domain::fixtures::{self, aws, entra_link, APP as APP_A, OTHER_APP as APP_B};
    use crate::domain::links::{LinkStatus, Provider};
    use crate::domain::text::DisplayName;

    fn name(s: &str) -> DisplayName {
        DisplayName::parse(s).unwrap()
    }

    fn entra(id: &str, app: &str) -> Integration {
        let mut link = entra_link("contoso.onmicrosoft.com", None, app);
        link.certificate = fixtures::record(&format!("cert-{id}"));
        let mut account = fixtures::entra(id, Provider::Microsoft, link);
        account.status = LinkStatus::TenantNotVerified;
        account
    }

    fn values(n: &str, tenant: &str, app: &str) -> EntraValues {
        EntraValues {
            name: name(n),
            tenant: TenantId::parse(tenant).unwrap(),
            application_id: ApplicationId::parse(app).unwrap(),
            organization: name("Fabrikam"),
            azure_scope: None,
        }
    }

    #[test]
    fn an_edit_keeps_id_tenant_certificate_and_status() {
        let mut list = vec![entra("a", APP_A)];
        let edited = edit_entra(
            &mut list,
            "a",
            &values("Renamed", "other.onmicrosoft.com", APP_B),
        )
        .unwrap();
        assert_eq!(edited.id, "a");
        assert_eq!(edited.name.as_str(), "Renamed");
        assert_eq!(edited.status, LinkStatus::TenantNotVerified);
        let e = edited.entra().unwrap();
        assert_eq!(e.tenant.as_str(), "contoso.onmicrosoft.com", "tenant fixed");
        assert_eq!(e.application_id.as_str(), APP_B);
        assert_eq!(e.certificate.der, "cert-a");
        assert_eq!(e.organization.as_ref().unwrap().as_str(), "Fabrikam");
        assert_eq!(list[0], edited);
    }

    #[test]
    fn an_edit_that_duplicates_another_account_is_refused() {
        let mut list = vec![entra("a", APP_A), entra("b", APP_B)];
        let before = list.clone();
        let r = edit_entra(
            &mut list,
            "a",
            &values("x", "contoso.onmicrosoft.com", APP_B),
        );
        assert_eq!(r, Err(EditError::Duplicate("b".into())));
        assert_eq!(list, before, "nothing changed");
        // Saving an account unchanged is not a duplicate of itself.
        assert!(edit_entra(
            &mut list,
            "a",
            &values("a", "contoso.onmicrosoft.com", APP_A)
        )
        .is_ok());
        assert_eq!(
            edit_entra(
                &mut list,
                "gone",
                &values("a", "contoso.onmicrosoft.com", APP_A)
            ),
            Err(EditError::Gone)
        );
    }

    #[test]
    fn aws_edits_change_role_and_type_but_keep_the_external_id() {
        let mut list = vec![aws("a", "111111111111"), aws("b", "222222222222")];
        let kept = list[0].aws().unwrap().external_id.clone();
        let new = AwsValues {
            account_type: AwsAccountType::Management,
            name: name("Payer"),
            role_arn: RoleArn::parse("arn:aws:iam::333333333333:role/R").unwrap(),
            external_id: ExternalId::parse(&"ef".repeat(24)).unwrap(),
        };
        let edited = edit_aws(&mut list, "a", &new).unwrap();
        let a = edited.aws().unwrap();
        assert_eq!(a.account_type, AwsAccountType::Management);
        assert_eq!(a.role_arn.as_str(), "arn:aws:iam::333333333333:role/R");
        assert_eq!(a.external_id, kept);
        let clash = AwsValues {
            role_arn: RoleArn::parse("arn:aws:iam::222222222222:role/ReadOnly").unwrap(),
            ..new
        };
        assert_eq!(
            edit_aws(&mut list, "a", &clash),
            Err(EditError::Duplicate("b".into()))
        );
    }
}
