//! One AWS account's page.

use leptos::prelude::*;

use crate::components::accounts::AccountMissing;
use crate::components::accounts::AwsEditForm;
use crate::components::accounts::RemoveAccount;
use crate::components::shell::Breadcrumbs;
use crate::domain::app::routes::Route;
use crate::domain::links::Provider;
use crate::pages::aws::list::AwsFacts;
use crate::state::accounts::Accounts;

/// One AWS account, `id` from its path: its facts, Edit and Remove.
#[component]
pub fn AwsDetailPage(id: String) -> impl IntoView {
    let accounts = Accounts::expect();
    let account = Memo::new(move |_| accounts.find(&id).filter(|i| i.provider == Provider::Aws));
    let shown = Memo::new(move |_| account.with(|a| a.as_ref().map(|a| a.id.clone())));
    let editing = RwSignal::new(false);
    move || match shown.get() {
        Some(_) => {
            let a = account.get_untracked().expect("shown only for an account");
            view! {
                <section class="page" aria-labelledby="page-title">
                    <Breadcrumbs page=Route::Account(Provider::Aws, a.id.clone()) name=a.name.as_str().to_string() />
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
                        list_path=Route::List(Provider::Aws).path()
                        what="The IAM role in the AWS account is not changed; delete its CloudFormation stack to remove it."
                    />
                </section>
            }
            .into_any()
        }
        None => view! { <AccountMissing provider=Provider::Aws list_heading="AWS accounts" /> }
            .into_any(),
    }
}
