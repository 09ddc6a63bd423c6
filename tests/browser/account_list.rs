//! The account list: search filters as one types, and only a page of rows is
//! drawn at a time, with "Show more accounts" for the next.

use cloudlink::components::accounts::{use_account_filter, AccountList};
use cloudlink::domain::aws::{AwsAccountType, ExternalId, RoleArn};
use cloudlink::domain::links::{AwsLink, Details, Integration, LinkStatus, Provider};
use cloudlink::domain::text::DisplayName;
use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{button, find, mount, texts, type_into};

/// `count` linked AWS accounts named "Account 000", "Account 001", …, each
/// with its own role in account 100000000000 + its number.
fn accounts(count: usize) -> Vec<Integration> {
    (0..count)
        .map(|n| Integration {
            id: format!("acc-{n}"),
            provider: Provider::Aws,
            name: DisplayName::parse(&format!("Account {n:03}")).unwrap(),
            created_ms: 1,
            status: LinkStatus::Connected,
            details: Details::Aws(AwsLink {
                account_type: AwsAccountType::Linked,
                role_arn: RoleArn::parse(&format!(
                    "arn:aws:iam::{}:role/ReadOnly",
                    100_000_000_000u64 + n as u64
                ))
                .unwrap(),
                external_id: ExternalId::parse(&"ab".repeat(24)).unwrap(),
            }),
        })
        .collect()
}

/// Mounts the list over `linked`, each row showing the account's name.
fn list(linked: RwSignal<Vec<Integration>>) -> (web_sys::HtmlElement, impl Drop) {
    mount(move || {
        let filter = use_account_filter(Memo::new(move |_| linked.get()));
        let row = Callback::new(|i: Integration| {
            view! { <li class="row">{i.name.as_str().to_string()}</li> }.into_any()
        });
        view! { <AccountList filter list_heading="AWS accounts" row /> }
    })
}

fn status(root: &web_sys::HtmlElement) -> String {
    texts(root, "[role='status']").concat()
}

#[wasm_bindgen_test]
async fn a_long_list_shows_a_page_at_a_time() {
    let linked = RwSignal::new(accounts(120));
    let (root, _handle) = list(linked);
    leptos::task::tick().await;
    let rows = texts(&root, "li.row");
    assert_eq!(rows.len(), 50);
    assert_eq!(rows[0], "Account 000");
    assert_eq!(rows[49], "Account 049");
    assert_eq!(status(&root), "Showing 50 of 120 linked");

    button(&root, "Show more accounts").unwrap().click();
    leptos::task::tick().await;
    assert_eq!(texts(&root, "li.row").len(), 100);
    assert_eq!(status(&root), "Showing 100 of 120 linked");

    button(&root, "Show more accounts").unwrap().click();
    leptos::task::tick().await;
    assert_eq!(texts(&root, "li.row").len(), 120);
    assert_eq!(status(&root), "120 linked");
    assert!(
        button(&root, "Show more accounts").is_none(),
        "nothing more to show"
    );
}

#[wasm_bindgen_test]
async fn search_filters_by_name_or_role_and_says_when_nothing_matches() {
    let linked = RwSignal::new(accounts(120));
    let (root, _handle) = list(linked);
    leptos::task::tick().await;
    let search = find(&root, "input#account-search");
    let label = find(&root, "label[for='account-search']");
    assert_eq!(label.text_content().unwrap(), "Search accounts");

    type_into(&search, "ACCOUNT 11");
    leptos::task::tick().await;
    let rows = texts(&root, "li.row");
    assert_eq!(rows.len(), 10, "Account 110 to 119, in any case: {rows:?}");
    assert!(rows.iter().all(|r| r.starts_with("Account 11")));
    assert_eq!(status(&root), "Showing 10 of 10 matching");
    assert!(button(&root, "Show more accounts").is_none());

    // A role ARN's account number finds its account.
    type_into(&search, "100000000042");
    leptos::task::tick().await;
    assert_eq!(texts(&root, "li.row"), ["Account 042"]);

    // Many matches are paged too.
    type_into(&search, "account 0");
    leptos::task::tick().await;
    assert_eq!(texts(&root, "li.row").len(), 50);
    assert_eq!(status(&root), "Showing 50 of 100 matching");
    assert!(button(&root, "Show more accounts").is_some());

    type_into(&search, "nobody");
    leptos::task::tick().await;
    assert!(texts(&root, "li.row").is_empty());
    assert_eq!(status(&root), "No linked account matches the search.");

    type_into(&search, "  ");
    leptos::task::tick().await;
    assert_eq!(texts(&root, "li.row").len(), 50, "a blank search shows all");
}

#[wasm_bindgen_test]
async fn no_accounts_says_so_instead_of_a_search_box() {
    let linked = RwSignal::new(Vec::new());
    let (root, _handle) = list(linked);
    leptos::task::tick().await;
    assert_eq!(texts(&root, "p.panel"), ["No AWS accounts are linked yet."]);
    assert!(root.query_selector("input").unwrap().is_none());

    linked.set(accounts(3));
    leptos::task::tick().await;
    assert_eq!(texts(&root, "li.row").len(), 3);
    assert_eq!(status(&root), "3 linked");
}
