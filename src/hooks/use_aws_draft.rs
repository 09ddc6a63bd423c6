//! The AWS link form's fields as a draft: loaded from this tab's own draft,
//! saved as they change, and filled from a draft a closed tab left behind
//! while nothing has been typed yet. In a portal's frame the External ID is
//! the portal's, whatever a stored draft says.

use leptos::prelude::*;

use crate::domain::aws::{choose_external_id, AwsAccountType, ExternalId, ExternalIdSource};
use crate::domain::links::{AwsDraft, Provider};
use crate::hooks::keep_draft::keep_draft;
use crate::state::drafts::Drafts;
use crate::state::embed::IssuedExternalId;
use crate::store::drafts::FormDraft;

/// The editable parts of an AWS account, which the link form's draft and
/// Edit both hand to the account form's fields.
#[derive(Clone, Copy)]
pub struct AwsInputs {
    pub account_type: RwSignal<AwsAccountType>,
    pub name: RwSignal<String>,
    pub role_arn: RwSignal<String>,
}

#[derive(Clone, Copy)]
pub struct UseAwsDraftReturn {
    pub account_type: RwSignal<AwsAccountType>,
    pub name: RwSignal<String>,
    pub role_arn: RwSignal<String>,
    /// The page's own External ID, fixed for the draft: the stack made from
    /// it trusts exactly this value. Unused when the portal issues one.
    pub external_id: RwSignal<String>,
    /// Who chose the External ID the draft carries.
    pub external_id_source: Memo<ExternalIdSource>,
    /// All of the above as one value, with the External ID in use.
    pub draft: Memo<AwsDraft>,
}

impl UseAwsDraftReturn {
    fn set(&self, d: AwsDraft) {
        self.account_type.set(d.account_type);
        self.name.set(d.name);
        self.role_arn.set(d.role_arn);
        self.external_id.set(d.external_id);
    }

    /// Start over: empty fields and a new External ID.
    pub fn clear(&self) {
        self.set(AwsDraft {
            external_id: fresh_external_id(),
            ..Default::default()
        });
    }

    pub fn inputs(&self) -> AwsInputs {
        AwsInputs {
            account_type: self.account_type,
            name: self.name,
            role_arn: self.role_arn,
        }
    }

    /// Nothing typed yet; `None` once the page is gone.
    fn untouched(&self) -> Option<bool> {
        Some(
            self.name.try_with_untracked(String::is_empty)?
                && self.role_arn.try_with_untracked(String::is_empty)?,
        )
    }
}

fn fresh_external_id() -> String {
    ExternalId::generate()
        .map(|e| e.as_str().to_string())
        .unwrap_or_default()
}

/// The AWS link form's fields, kept as a draft.
pub fn use_aws_draft() -> UseAwsDraftReturn {
    let drafts = Drafts::expect();
    let own = drafts.own(Provider::Aws).and_then(|f| f.aws().cloned());
    let take_over = own.is_none();
    let initial = own.unwrap_or_else(|| AwsDraft {
        external_id: fresh_external_id(),
        ..Default::default()
    });
    let account_type = RwSignal::new(initial.account_type);
    let name = RwSignal::new(initial.name);
    let role_arn = RwSignal::new(initial.role_arn);
    let external_id = RwSignal::new(initial.external_id);
    let issued = IssuedExternalId::expect();
    let chosen = Memo::new(move |_| {
        let mine = external_id.get();
        choose_external_id(issued.embedded(), issued.get().as_ref(), &mine)
    });
    let draft = Memo::new(move |_| AwsDraft {
        account_type: account_type.get(),
        name: name.get(),
        role_arn: role_arn.get(),
        external_id: chosen.with(|(id, _)| id.clone()),
    });
    let form = UseAwsDraftReturn {
        account_type,
        name,
        role_arn,
        external_id,
        external_id_source: Memo::new(move |_| chosen.with(|(_, source)| *source)),
        draft,
    };
    keep_draft(Provider::Aws, draft, FormDraft::Aws, take_over, move |d| {
        if let (FormDraft::Aws(d), Some(true)) = (d, form.untouched()) {
            form.set(d);
        }
    });
    form
}
