//! The linked AWS accounts, and one account's page.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::browser::location::app_href;
use crate::components::account_filter::{use_account_filter, SearchBox, ShowMore};
use crate::components::aws_edit::AwsEditForm;
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::remove_account::RemoveAccount;
use crate::domain::links::{Integration, Provider};
use crate::pages::aws_link::AWS_LIST;
use crate::state::accounts::Accounts;

fn crumbs() -> Vec<(&'static str, String)> {
    vec![("Integrations", "/integrations".to_string())]
}

/// Every linked AWS account with its role.
#[component]
pub fn AwsAccounts() -> impl IntoView {
    let linked = Accounts::expect().of(Provider::Aws);
    let filter = use_account_filter(linked);
    view! {
        <section class="page" aria-labelledby="page-title">
            <Breadcrumbs trail=crumbs() here="AWS" />
            <h1 id="page-title">"AWS accounts"</h1>
            <p>
                <A href=app_href("/integrations/aws/new") {..} class="button button-primary">"Link a New AWS Account"</A>
            </p>
            <Show when=move || filter.total.get() != 0 fallback=|| view! { <p class="panel">"No AWS accounts are linked yet."</p> }>
                <SearchBox filter />
                <ul class="account-list" role="list">
                    <For each=move || filter.visible.get() key=|i| i.id.clone() let:account>
                        <AwsFacts account link=true />
                    </For>
                </ul>
                <ShowMore filter />
            </Show>
        </section>
    }
}

/// One AWS account: its facts, Edit and Remove.
#[component]
pub fn AwsAccount() -> impl IntoView {
    let accounts = Accounts::expect();
    let params = use_params_map();
    let account = Memo::new(move |_| {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        accounts.find(&id).filter(|i| i.provider == Provider::Aws)
    });
    let shown = Memo::new(move |_| account.with(|a| a.as_ref().map(|a| a.id.clone())));
    let editing = RwSignal::new(false);
    move || match shown.get() {
        Some(_) => {
            let a = account.get_untracked().expect("shown only for an account");
            let mut trail = crumbs();
            trail.push(("AWS", AWS_LIST.to_string()));
            view! {
                <section class="page" aria-labelledby="page-title">
                    <Breadcrumbs trail here=a.name.as_str().to_string() />
                    <h1 id="page-title">{move || account.with(|a| a.as_ref().map(|a| a.name.as_str().to_string()))}</h1>
                    <ul class="account-list" role="list">
                        {move || account.get().map(|a| view! { <AwsFacts account=a link=false /> })}
                    </ul>
                    <Show
                        when=move || editing.get()
                        fallback=move || view! {
                            <div class="button-row">
                                <button type="button" class="button" on:click=move |_| editing.set(true)>"Edit"</button>
                            </div>
                        }
                    >
                        {move || account.get_untracked().map(|a| view! { <AwsEditForm account=a on_close=move |_| editing.set(false) /> })}
                    </Show>
                    <RemoveAccount
                        id=a.id.clone()
                        name=a.name.as_str().to_string()
                        list_path=AWS_LIST
                        what="The IAM role in the AWS account is not changed; delete its CloudFormation stack to remove it."
                    />
                </section>
            }
            .into_any()
        }
        None => view! {
            <section class="page" aria-labelledby="page-title">
                <h1 id="page-title">"Account not found"</h1>
                <p>"This account is not linked, or it was removed."</p>
                <A href=app_href(AWS_LIST) {..} class="button">"Back to AWS accounts"</A>
            </section>
        }
        .into_any(),
    }
}

#[component]
fn AwsFacts(account: Integration, link: bool) -> impl IntoView {
    let name = account.name.as_str().to_string();
    let href = format!("{AWS_LIST}/{}", account.id);
    let aws = account.aws().cloned();
    view! {
        <li class="panel account">
            <h2 class="account-name">
                {if link { view! { <A href=app_href(&href)>{name}</A> }.into_any() } else { view! { <span>{name}</span> }.into_any() }}
                " " <span class="badge badge-ok">{account.status.label()}</span>
            </h2>
            <dl class="data-list">
                <dt>"Account type"</dt>
                <dd>{aws.as_ref().map(|a| a.account_type.label())}</dd>
                <dt>"Account ID"</dt>
                <dd><code>{aws.as_ref().map(|a| a.role_arn.account_id().to_string())}</code></dd>
                <dt>"Role ARN"</dt>
                <dd><code>{aws.as_ref().map(|a| a.role_arn.as_str().to_string())}</code></dd>
                <dt>"External ID"</dt>
                <dd><code>{aws.as_ref().map(|a| a.external_id.as_str().to_string())}</code></dd>
            </dl>
        </li>
    }
}
