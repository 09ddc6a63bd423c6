use std::collections::BTreeSet;

use super::*;
use crate::domain::app::DEFAULT_STORAGE_PREFIX;
use crate::store::keys::Keys;

fn script(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("public")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What follows each `before` in `text`, up to the first character
/// `until` says ends it.
fn after(text: &str, before: &str, until: impl Fn(char) -> bool + Copy) -> BTreeSet<String> {
    text.match_indices(before)
        .map(|(at, _)| {
            let rest = &text[at + before.len()..];
            rest[..rest.find(until).unwrap_or(rest.len())].to_string()
        })
        .collect()
}

fn set<const N: usize>(names: [&str; N]) -> BTreeSet<String> {
    names.into_iter().map(str::to_string).collect()
}

fn globals(text: &str) -> BTreeSet<String> {
    after(text, "window.cloudlink", |c| !c.is_ascii_alphanumeric())
        .into_iter()
        .map(|rest| format!("cloudlink{rest}"))
        .collect()
}

fn ids(text: &str) -> BTreeSet<String> {
    let mut out = after(text, "getElementById(\"", |c| c == '"');
    out.extend(after(text, ".id = \"", |c| c == '"'));
    out
}

#[test]
fn the_scripts_name_the_app_s_globals_and_no_others() {
    let (start, first) = (script("start.js"), script("first-page.js"));
    let all = set([CONFIG_GLOBAL, FAILED_GLOBAL, MOUNTED_GLOBAL]);
    assert_eq!(globals(&start), all, "start.js");
    assert_eq!(globals(&first), all, "first-page.js");
}

#[test]
fn the_scripts_name_the_app_s_elements_and_no_others() {
    let (start, first) = (script("start.js"), script("first-page.js"));
    assert_eq!(
        ids(&start),
        set([COPY_ID, START_FAILURE_ID, PANIC_NOTICE_ID]),
        "start.js"
    );
    // The template's id is built from the page's name.
    assert_eq!(
        ids(&first),
        set([COPY_ID, &template_id("")]),
        "first-page.js"
    );
    assert!(first.contains(&format!("/^({})$/", COPIED_PAGES.join("|"))));
    assert!(start.contains(&format!("\"#{COPY_ID} #email\"")));
}

#[test]
fn the_scripts_read_the_app_s_storage_keys() {
    let (start, first) = (script("start.js"), script("first-page.js"));
    let keys = Keys::new("");
    let stored = |text: &str| after(text, "prefix + \"", |c| c == '"');
    assert_eq!(stored(&start), set([KEPT_EMAIL_KEY]), "start.js");
    assert_eq!(
        stored(&first),
        set([&keys.session(), &keys.home_copy(), KEPT_EMAIL_KEY]),
        "first-page.js"
    );
    let default = format!(": \"{DEFAULT_STORAGE_PREFIX}\"");
    assert!(start.contains(&default) && first.contains(&default));
}

#[test]
fn the_start_script_knows_the_app_s_causes() {
    let start = script("start.js");
    for cause in [LOAD_FAILED, PANIC] {
        assert!(start.contains(&format!("\"{cause}\"")), "{cause}");
    }
}

#[test]
fn the_template_ids_are_the_copy_s_id_and_the_page() {
    assert_eq!(template_id("login"), "prerender-login");
}
