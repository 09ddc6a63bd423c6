//! Unfinished link forms, one per tab and provider, in a document of their own
//! (`user.{id}.drafts`) so that typing never rewrites the linked accounts.
//!
//! Each draft belongs to the tab that made it. A tab writes and deletes only
//! its own drafts, so two tabs working on the same form never overwrite each
//! other. A tab that opens a form with no draft of its own takes over the most
//! recent draft that no open tab holds: the one a closed tab left behind.

use serde::{Deserialize, Serialize};

use super::document::Versioned;
use crate::crypto::{KeyType, Lifetime};
use crate::domain::aws::AwsAccountType;
use crate::domain::entra::{CertificateRecord, Cloud};
use crate::domain::links::{needed, AwsDraft, EntraDraft, MissingField, Provider};

/// Read through `StoredForm`, in the same shape it is written (see
/// `domain::links::tagged`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[serde(try_from = "StoredForm")]
pub enum FormDraft {
    /// Boxed: an Entra draft carries certificate records and is several
    /// times the size of an AWS one.
    Entra(Box<EntraDraft>),
    Aws(AwsDraft),
}

#[derive(Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum FormKind {
    Entra,
    Aws,
}

/// Every field of every `FormDraft` variant.
#[derive(Deserialize)]
struct StoredForm {
    kind: FormKind,
    name: Option<String>,
    tenant: Option<String>,
    application_id: Option<String>,
    organization: Option<String>,
    management_group: Option<String>,
    subscription: Option<String>,
    key_type: Option<KeyType>,
    lifetime: Option<Lifetime>,
    cloud: Option<Cloud>,
    certificate: Option<CertificateRecord>,
    account_type: Option<AwsAccountType>,
    role_arn: Option<String>,
    external_id: Option<String>,
}

impl TryFrom<StoredForm> for FormDraft {
    type Error = MissingField;

    fn try_from(s: StoredForm) -> Result<FormDraft, MissingField> {
        Ok(match s.kind {
            FormKind::Entra => FormDraft::Entra(Box::new(EntraDraft {
                name: needed(s.name, "name")?,
                tenant: needed(s.tenant, "tenant")?,
                application_id: needed(s.application_id, "application_id")?,
                organization: needed(s.organization, "organization")?,
                management_group: s.management_group.unwrap_or_default(),
                subscription: s.subscription.unwrap_or_default(),
                key_type: needed(s.key_type, "key_type")?,
                lifetime: needed(s.lifetime, "lifetime")?,
                cloud: needed(s.cloud, "cloud")?,
                certificate: s.certificate,
            })),
            FormKind::Aws => FormDraft::Aws(AwsDraft {
                account_type: needed(s.account_type, "account_type")?,
                name: needed(s.name, "name")?,
                role_arn: needed(s.role_arn, "role_arn")?,
                external_id: needed(s.external_id, "external_id")?,
            }),
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftEntry {
    /// The tab that owns this draft.
    pub owner: String,
    pub provider: Provider,
    pub updated_ms: i64,
    pub form: FormDraft,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftBook {
    pub entries: Vec<DraftEntry>,
}

impl Versioned for DraftBook {
    const VERSION: u32 = 1;
}

impl DraftBook {
    /// `owner`'s draft of `provider`'s form.
    pub fn own(&self, owner: &str, provider: Provider) -> Option<&DraftEntry> {
        self.entries
            .iter()
            .find(|e| e.owner == owner && e.provider == provider)
    }

    /// Saves `owner`'s draft; every other tab's draft stays as it is.
    pub fn put(&mut self, owner: &str, provider: Provider, form: FormDraft, now_ms: i64) {
        let entry = DraftEntry {
            owner: owner.to_string(),
            provider,
            updated_ms: now_ms,
            form,
        };
        match self
            .entries
            .iter_mut()
            .find(|e| e.owner == owner && e.provider == provider)
        {
            Some(existing) => *existing = entry,
            None => self.entries.push(entry),
        }
    }

    /// Deletes `owner`'s draft (Start over, or Connect), with its sealed key.
    pub fn remove_own(&mut self, owner: &str, provider: Provider) -> Option<DraftEntry> {
        let at = self
            .entries
            .iter()
            .position(|e| e.owner == owner && e.provider == provider)?;
        Some(self.entries.remove(at))
    }

    /// Gives `owner` the most recent draft of `provider` that no open tab
    /// holds (`is_open` tells which owners are open), unless it has its own.
    pub fn adopt(
        &mut self,
        owner: &str,
        provider: Provider,
        is_open: impl Fn(&str) -> bool,
    ) -> Option<&DraftEntry> {
        if self.own(owner, provider).is_none() {
            let orphan = self
                .entries
                .iter_mut()
                .filter(|e| e.provider == provider && e.owner != owner && !is_open(&e.owner))
                .max_by_key(|e| e.updated_ms)?;
            orphan.owner = owner.to_string();
        }
        self.own(owner, provider)
    }
}

impl FormDraft {
    pub fn entra(&self) -> Option<&EntraDraft> {
        match self {
            FormDraft::Entra(d) => Some(d),
            FormDraft::Aws(_) => None,
        }
    }

    pub fn aws(&self) -> Option<&AwsDraft> {
        match self {
            FormDraft::Aws(d) => Some(d),
            FormDraft::Entra(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::links::refusal_without;

    fn entra(name: &str) -> FormDraft {
        FormDraft::Entra(Box::new(EntraDraft {
            name: name.into(),
            ..Default::default()
        }))
    }

    fn name_of(e: Option<&DraftEntry>) -> Option<String> {
        e.and_then(|e| e.form.entra()).map(|d| d.name.clone())
    }

    #[test]
    fn each_tab_writes_only_its_own_draft() {
        let mut book = DraftBook::default();
        book.put("tab-a", Provider::Microsoft, entra("A1"), 1);
        book.put("tab-b", Provider::Microsoft, entra("B1"), 2);
        book.put("tab-a", Provider::Microsoft, entra("A2"), 3);
        assert_eq!(book.entries.len(), 2);
        assert_eq!(
            name_of(book.own("tab-a", Provider::Microsoft)).as_deref(),
            Some("A2")
        );
        assert_eq!(
            name_of(book.own("tab-b", Provider::Microsoft)).as_deref(),
            Some("B1")
        );
        assert!(book.own("tab-a", Provider::Azure).is_none());
        book.remove_own("tab-a", Provider::Microsoft);
        assert_eq!(
            name_of(book.own("tab-b", Provider::Microsoft)).as_deref(),
            Some("B1"),
            "removing one tab's draft leaves the other's"
        );
    }

    #[test]
    fn a_new_tab_takes_over_the_most_recent_draft_no_open_tab_holds() {
        let mut book = DraftBook::default();
        book.put("closed-old", Provider::Microsoft, entra("old"), 1);
        book.put("closed-new", Provider::Microsoft, entra("new"), 5);
        book.put("open", Provider::Microsoft, entra("open"), 9);
        book.put(
            "closed-aws",
            Provider::Aws,
            FormDraft::Aws(AwsDraft::default()),
            10,
        );
        let adopted = book.adopt("fresh", Provider::Microsoft, |o| o == "open");
        assert_eq!(name_of(adopted).as_deref(), Some("new"));
        assert!(book.own("closed-new", Provider::Microsoft).is_none());
        assert_eq!(
            name_of(book.own("open", Provider::Microsoft)).as_deref(),
            Some("open"),
            "an open tab's draft is never taken"
        );
        assert_eq!(book.entries.len(), 4, "adopting moves, it does not copy");
    }

    #[test]
    fn a_tab_with_its_own_draft_keeps_it() {
        let mut book = DraftBook::default();
        book.put("me", Provider::Azure, entra("mine"), 1);
        book.put("gone", Provider::Azure, entra("newer"), 2);
        let kept = book.adopt("me", Provider::Azure, |_| false);
        assert_eq!(name_of(kept).as_deref(), Some("mine"));
        assert_eq!(
            book.entries[1].owner, "gone",
            "the other draft stays its owner's"
        );
    }

    #[test]
    fn nothing_to_adopt_when_every_owner_is_open() {
        let mut book = DraftBook::default();
        book.put("other", Provider::Microsoft, entra("theirs"), 1);
        assert!(book.adopt("me", Provider::Microsoft, |_| true).is_none());
        assert_eq!(book.entries[0].owner, "other");
    }

    fn read(value: serde_json::Value) -> Result<FormDraft, String> {
        serde_json::from_value(value).map_err(|e| e.to_string())
    }

    fn full_entra() -> FormDraft {
        FormDraft::Entra(Box::new(EntraDraft {
            name: "Contoso".into(),
            tenant: "contoso.onmicrosoft.com".into(),
            management_group: "mg-1".into(),
            certificate: Some(crate::domain::fixtures::record("der")),
            ..Default::default()
        }))
    }

    fn aws_form() -> FormDraft {
        FormDraft::Aws(AwsDraft {
            name: "Prod".into(),
            role_arn: "arn:aws:iam::123456789012:role/ReadOnly".into(),
            external_id: "ab".repeat(24),
            ..Default::default()
        })
    }

    /// The reader's kind for each variant the writer writes. No wildcard: a
    /// new variant of `FormDraft` does not compile until the reader has a
    /// kind for it, and the reader's own match then asks for its fields.
    fn reader_kind(form: &FormDraft) -> FormKind {
        match form {
            FormDraft::Entra(_) => FormKind::Entra,
            FormDraft::Aws(_) => FormKind::Aws,
        }
    }

    #[test]
    fn every_form_reads_back_what_the_writer_wrote() {
        let examples = [full_entra(), entra("half typed"), aws_form()];
        for form in &examples {
            let written = serde_json::to_value(form).unwrap();
            let kind: FormKind = serde_json::from_value(written["kind"].clone())
                .unwrap_or_else(|e| panic!("the reader does not know {}: {e}", written["kind"]));
            assert_eq!(kind, reader_kind(form));
            assert_eq!(read(written).unwrap(), *form);
        }
        let mut kinds: Vec<FormKind> = examples.iter().map(reader_kind).collect();
        kinds.dedup();
        assert_eq!(
            kinds,
            [FormKind::Entra, FormKind::Aws],
            "an example of each variant"
        );
        assert_eq!(serde_json::to_value(aws_form()).unwrap()["kind"], "aws");
    }

    #[test]
    fn an_entra_draft_from_before_azure_scopes_still_reads() {
        let mut written = serde_json::to_value(entra("old")).unwrap();
        let fields = written.as_object_mut().unwrap();
        fields.remove("management_group");
        fields.remove("subscription");
        assert_eq!(read(written).unwrap(), entra("old"));
    }

    #[test]
    fn a_draft_missing_a_field_of_its_form_is_refused_by_name() {
        let error = refusal_without(&aws_form(), "role_arn");
        assert!(error.contains("missing field `role_arn`"), "{error}");
        let error = refusal_without(&full_entra(), "key_type");
        assert!(error.contains("missing field `key_type`"), "{error}");
    }
}
