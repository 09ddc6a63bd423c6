//! The linked AWS accounts.

use leptos::prelude::*;

use crate::components::accounts::use_account_filter;
use crate::components::accounts::AccountList;
use crate::components::shell::Breadcrumbs;
use crate::components::shell::Link;
use crate::domain::app::routes::Route;
use crate::domain::links::{Integration, Provider};
use crate::state::accounts::Accounts;

/// Every linked AWS account with its role.
#[component]
pub fn AwsListPage() -> impl IntoView {
    let linked = Accounts::expect().of(Provider::Aws);
    let filter = use_account_filter(linked);
    view! {
        <section class="page" aria-labelledby="page-title">
            <Breadcrumbs page=Route::List(Provider::Aws) />
            <h1 id="page-title">"AWS accounts"</h1>
            <p>
                <Link to=Route::New(Provider::Aws).path() class="button button-primary">"Link a New AWS Account"</Link>
            </p>
            <AccountList filter list_heading="AWS accounts" row=Callback::new(|account| view! { <AwsFacts account link=true /> }.into_any()) />
        </section>
    }
}

/// One account's facts, shared with its own page.
#[component]
pub(super) fn AwsFacts(account: Integration, link: bool) -> impl IntoView {
    let name = account.name.as_str().to_string();
    let to = Route::Account(Provider::Aws, account.id.clone()).path();
    let aws = account.aws().cloned();
    view! {
        <li class="panel account">
            <h2 class="account-name">
                {if link { view! { <Link to>{name}</Link> }.into_any() } else { view! { <span>{name}</span> }.into_any() }}
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
