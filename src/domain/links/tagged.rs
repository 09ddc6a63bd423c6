//! Reading the stored shape of an enum serde calls internally tagged: a `kind`
//! beside the variant's own fields, as in `{"kind": "aws", "role_arn": …}`.
//!
//! serde's own reader for that shape buffers every field before it knows the
//! variant, and brings a second copy of each variant's decoder into the bundle.
//! Reading into one flat struct of optional fields takes one pass and one
//! decoder; `TryFrom` then asks for the fields the variant needs. Writing keeps
//! serde's `#[serde(tag = "kind")]`, so the stored shape does not change.

use std::fmt;

use serde::Deserialize;

use super::integration::{AwsLink, Details, EntraLink};
use crate::domain::aws::{AwsAccountType, ExternalId, RoleArn};
use crate::domain::entra::{ApplicationId, AzureScope, CertificateRecord, Cloud, Guid, TenantId};
use crate::domain::text::DisplayName;

/// A field the variant named by `kind` needs and the stored record lacks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingField(pub &'static str);

impl fmt::Display for MissingField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "missing field `{}`", self.0)
    }
}

/// The value of a field the variant needs.
pub fn needed<T>(value: Option<T>, field: &'static str) -> Result<T, MissingField> {
    value.ok_or(MissingField(field))
}

/// What reading `value`, written and then stripped of `field`, is refused
/// with. For tests of the readers that take this shape.
#[cfg(test)]
pub fn refusal_without<T>(value: &T, field: &str) -> String
where
    T: serde::Serialize + serde::de::DeserializeOwned + fmt::Debug,
{
    let mut written = serde_json::to_value(value).unwrap();
    written.as_object_mut().unwrap().remove(field);
    match serde_json::from_value::<T>(written) {
        Ok(read) => panic!("read without `{field}`: {read:?}"),
        Err(e) => e.to_string(),
    }
}

#[derive(Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum DetailsKind {
    Entra,
    Aws,
}

/// Every field of every `Details` variant.
#[derive(Deserialize)]
pub(super) struct StoredDetails {
    kind: DetailsKind,
    tenant: Option<TenantId>,
    tenant_guid: Option<Guid>,
    application_id: Option<ApplicationId>,
    organization: Option<DisplayName>,
    cloud: Option<Cloud>,
    certificate: Option<CertificateRecord>,
    azure_scope: Option<AzureScope>,
    pending_certificate: Option<CertificateRecord>,
    previous_certificate: Option<CertificateRecord>,
    account_type: Option<AwsAccountType>,
    role_arn: Option<RoleArn>,
    external_id: Option<ExternalId>,
}

impl TryFrom<StoredDetails> for Details {
    type Error = MissingField;

    fn try_from(s: StoredDetails) -> Result<Details, MissingField> {
        Ok(match s.kind {
            DetailsKind::Entra => Details::Entra(EntraLink {
                tenant: needed(s.tenant, "tenant")?,
                tenant_guid: s.tenant_guid,
                application_id: needed(s.application_id, "application_id")?,
                organization: s.organization,
                cloud: needed(s.cloud, "cloud")?,
                certificate: needed(s.certificate, "certificate")?,
                azure_scope: s.azure_scope,
                pending_certificate: s.pending_certificate,
                previous_certificate: s.previous_certificate,
            }),
            DetailsKind::Aws => Details::Aws(AwsLink {
                account_type: needed(s.account_type, "account_type")?,
                role_arn: needed(s.role_arn, "role_arn")?,
                external_id: needed(s.external_id, "external_id")?,
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;
    use crate::domain::fixtures::{aws, entra_link, record, APP};

    fn entra() -> Details {
        let mut link = entra_link("contoso.onmicrosoft.com", None, APP);
        link.previous_certificate = Some(record("old"));
        Details::Entra(link)
    }

    fn aws_details() -> Details {
        aws("a1", "123456789012").details
    }

    fn read(value: Value) -> Result<Details, String> {
        serde_json::from_value(value).map_err(|e| e.to_string())
    }

    /// The reader's kind for each variant the writer writes. No wildcard: a
    /// new variant of `Details` does not compile until the reader has a kind
    /// for it, and the reader's own match then asks for its fields.
    fn reader_kind(details: &Details) -> DetailsKind {
        match details {
            Details::Entra(_) => DetailsKind::Entra,
            Details::Aws(_) => DetailsKind::Aws,
        }
    }

    #[test]
    fn every_variant_reads_back_what_the_writer_wrote() {
        let examples = [entra(), aws_details()];
        for details in &examples {
            let written = serde_json::to_value(details).unwrap();
            let kind: DetailsKind = serde_json::from_value(written["kind"].clone())
                .unwrap_or_else(|e| panic!("the reader does not know {}: {e}", written["kind"]));
            assert_eq!(kind, reader_kind(details));
            assert_eq!(read(written).unwrap(), *details);
        }
        let kinds: Vec<DetailsKind> = examples.iter().map(reader_kind).collect();
        assert_eq!(
            kinds,
            [DetailsKind::Entra, DetailsKind::Aws],
            "one example of each variant"
        );
    }

    #[test]
    fn an_account_with_held_keys_reads_back_beside_one_with_sealed_keys() {
        use crate::domain::entra::PrivateKey;
        let mut link = entra_link("contoso.onmicrosoft.com", None, APP);
        link.certificate.key = PrivateKey::Held { held: "k1".into() };
        let mut pending = record("new");
        pending.key = PrivateKey::Held { held: "k2".into() };
        link.pending_certificate = Some(pending);
        link.previous_certificate = Some(record("old"));
        let details = Details::Entra(link);
        let written = serde_json::to_value(&details).unwrap();
        assert_eq!(written["certificate"]["key"], json!({"held": "k1"}));
        assert_eq!(
            written["previous_certificate"]["key"]["sealed"],
            "sealed-old"
        );
        assert_eq!(read(written).unwrap(), details);
    }

    #[test]
    fn the_written_shape_is_the_kind_beside_the_fields() {
        let written = serde_json::to_value(aws_details()).unwrap();
        assert_eq!(written["kind"], "aws");
        assert_eq!(
            written["role_arn"],
            "arn:aws:iam::123456789012:role/ReadOnly"
        );
        assert_eq!(serde_json::to_value(entra()).unwrap()["kind"], "entra");
    }

    #[test]
    fn a_missing_field_of_the_variant_is_named() {
        let error = refusal_without(&entra(), "application_id");
        assert!(error.contains("missing field `application_id`"), "{error}");
        let error = refusal_without(&aws_details(), "external_id");
        assert!(error.contains("missing field `external_id`"), "{error}");
    }

    #[test]
    fn an_unknown_or_absent_kind_is_refused() {
        let mut written = serde_json::to_value(aws_details()).unwrap();
        written["kind"] = json!("gcp");
        assert!(read(written.clone()).is_err());
        written.as_object_mut().unwrap().remove("kind");
        assert!(read(written).unwrap_err().contains("kind"));
    }

    #[test]
    fn a_bad_value_is_refused_as_before() {
        let mut written = serde_json::to_value(entra()).unwrap();
        written["tenant"] = json!("not a tenant");
        assert!(read(written).is_err());
    }
}
