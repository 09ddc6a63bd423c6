//! The link form's fields as a draft: loaded from this tab's own draft,
//! saved as they change, and filled from a draft a closed tab left behind
//! while the form is still untouched.

use leptos::prelude::*;

use crate::crypto::{KeyType, Lifetime};
use crate::domain::entra::{CertificateRecord, Cloud};
use crate::domain::links::{EntraDraft, Provider};
use crate::hooks::keep_draft::keep_draft;
use crate::state::drafts::Drafts;
use crate::store::drafts::FormDraft;

/// The editable text of an Entra account, which the link form's draft and
/// Edit both hand to the account form's fields.
#[derive(Clone, Copy)]
pub struct EntraInputs {
    pub name: RwSignal<String>,
    pub application_id: RwSignal<String>,
    pub organization: RwSignal<String>,
    pub management_group: RwSignal<String>,
    pub subscription: RwSignal<String>,
}

#[derive(Clone, Copy)]
pub struct UseEntraDraftReturn {
    pub name: RwSignal<String>,
    pub tenant: RwSignal<String>,
    pub application_id: RwSignal<String>,
    pub organization: RwSignal<String>,
    pub management_group: RwSignal<String>,
    pub subscription: RwSignal<String>,
    pub key_type: RwSignal<KeyType>,
    pub lifetime: RwSignal<Lifetime>,
    pub cloud: RwSignal<Cloud>,
    pub certificate: RwSignal<Option<CertificateRecord>>,
    /// All of the above as one value.
    pub draft: Memo<EntraDraft>,
}

impl UseEntraDraftReturn {
    fn set(&self, d: EntraDraft) {
        self.name.set(d.name);
        self.tenant.set(d.tenant);
        self.application_id.set(d.application_id);
        self.organization.set(d.organization);
        self.management_group.set(d.management_group);
        self.subscription.set(d.subscription);
        self.key_type.set(d.key_type);
        self.lifetime.set(d.lifetime);
        self.cloud.set(d.cloud);
        self.certificate.set(d.certificate);
    }

    /// Start over: empty fields and no certificate, on `cloud`.
    pub fn clear(&self, cloud: Cloud) {
        self.set(EntraDraft {
            cloud,
            ..Default::default()
        });
    }

    pub fn inputs(&self) -> EntraInputs {
        EntraInputs {
            name: self.name,
            application_id: self.application_id,
            organization: self.organization,
            management_group: self.management_group,
            subscription: self.subscription,
        }
    }

    /// Nothing typed and no certificate yet; `None` once the page is gone.
    fn untouched(&self) -> Option<bool> {
        let mut empty = true;
        for s in [
            self.name,
            self.tenant,
            self.application_id,
            self.organization,
        ] {
            empty &= s.try_with_untracked(String::is_empty)?;
        }
        Some(empty && self.certificate.try_with_untracked(Option::is_none)?)
    }
}

/// The Entra link form's fields for `provider`, kept as a draft.
pub fn use_entra_draft(provider: Provider, default_cloud: Cloud) -> UseEntraDraftReturn {
    let drafts = Drafts::expect();
    let saved = drafts.own(provider).and_then(|f| f.entra().cloned());
    let take_over = saved.is_none();
    let initial = saved.unwrap_or_else(|| EntraDraft {
        cloud: default_cloud,
        ..Default::default()
    });
    let name = RwSignal::new(initial.name);
    let tenant = RwSignal::new(initial.tenant);
    let application_id = RwSignal::new(initial.application_id);
    let organization = RwSignal::new(initial.organization);
    let management_group = RwSignal::new(initial.management_group);
    let subscription = RwSignal::new(initial.subscription);
    let key_type = RwSignal::new(initial.key_type);
    let lifetime = RwSignal::new(initial.lifetime);
    let cloud = RwSignal::new(initial.cloud);
    let certificate = RwSignal::new(initial.certificate);
    let draft = Memo::new(move |_| EntraDraft {
        name: name.get(),
        tenant: tenant.get(),
        application_id: application_id.get(),
        organization: organization.get(),
        management_group: management_group.get(),
        subscription: subscription.get(),
        key_type: key_type.get(),
        lifetime: lifetime.get(),
        cloud: cloud.get(),
        certificate: certificate.get(),
    });
    let form = UseEntraDraftReturn {
        name,
        tenant,
        application_id,
        organization,
        management_group,
        subscription,
        key_type,
        lifetime,
        cloud,
        certificate,
        draft,
    };
    let wrap = |d| FormDraft::Entra(Box::new(d));
    keep_draft(provider, draft, wrap, take_over, move |d| {
        if let (FormDraft::Entra(d), Some(true)) = (d, form.untouched()) {
            form.set(*d);
        }
    });
    form
}
