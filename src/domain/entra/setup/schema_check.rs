//! Every property the set-up sends or selects exists on its type in Graph's
//! published v1.0 schema, so neither the requests nor a test fake built on
//! them can drift into a dialect of their own. The names come from a small
//! extract of that schema (`graph_v1_properties.txt`, which says where from).

use super::requests::*;
use crate::domain::entra::Guid;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const EXTRACT: &str = include_str!("graph_v1_properties.txt");

fn schema() -> BTreeMap<&'static str, BTreeSet<&'static str>> {
    let mut types: BTreeMap<_, BTreeSet<_>> = BTreeMap::new();
    for line in EXTRACT
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let (name, props) = line.split_once(": ").unwrap();
        types.entry(name).or_default().extend(props.split(' '));
    }
    types
}

fn assert_properties(type_name: &str, names: impl IntoIterator<Item = String>) {
    let schema = schema();
    let declared = &schema[type_name];
    for name in names {
        assert!(
            declared.contains(name.as_str()),
            "{type_name} has no property {name} in Graph v1.0"
        );
    }
}

fn keys(v: &Value) -> Vec<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

fn selected(path: &str) -> Vec<String> {
    let select = path.split("$select=").nth(1).unwrap();
    select
        .split('&')
        .next()
        .unwrap()
        .split(',')
        .map(str::to_string)
        .collect()
}

fn guid() -> Guid {
    Guid::parse("00000000-0000-4000-8000-000000000001").unwrap()
}

#[test]
fn the_extract_holds_every_type_the_set_up_uses() {
    let schema = schema();
    for t in [
        "application",
        "servicePrincipal",
        "appRoleAssignment",
        "unifiedRoleAssignment",
        "organization",
        "directoryObject",
        "keyCredential",
        "passwordCredential",
        "requiredResourceAccess",
        "resourceAccess",
        "verifiedDomain",
        "federatedIdentityCredential",
        "webApplication",
        "spaApplication",
        "publicClientApplication",
    ] {
        assert!(schema.get(t).is_some_and(|p| !p.is_empty()), "{t}");
    }
}

#[test]
fn request_bodies_use_only_v1_0_properties() {
    // Validity kept, so the credential carries every property it can have.
    let cert = crate::crypto::Certificate::stored(
        b"der".to_vec(),
        Some(1_756_000_000),
        Some(1_772_000_000),
    );
    let kc = cert.key_credential("CloudLink");
    assert_eq!(keys(&kc).len(), 6);
    assert_properties("keyCredential", keys(&kc));

    let app = create_application("Contoso Mail", kc.clone()).body.unwrap();
    assert_properties("application", keys(&app));
    let rra = &app["requiredResourceAccess"][0];
    assert_properties("requiredResourceAccess", keys(rra));
    assert_properties("resourceAccess", keys(&rra["resourceAccess"][0]));

    assert_properties("application", keys(&replace_key(&guid(), kc).body.unwrap()));
    assert_properties(
        "servicePrincipal",
        keys(&create_service_principal(&guid()).body.unwrap()),
    );
    assert_properties(
        "appRoleAssignment",
        keys(&grant_exchange_manage_as_app(&guid(), &guid()).body.unwrap()),
    );
    assert_properties(
        "unifiedRoleAssignment",
        keys(&assign_global_reader(&guid()).body.unwrap()),
    );
}

#[test]
fn selected_properties_exist_on_their_types() {
    assert_properties("organization", selected(&read_organization().path));
    assert_properties("directoryObject", selected(&read_signed_in_user().path));
    assert_properties("application", selected(&find_applications("x").path));
    assert_properties("application", selected(&read_application(&guid()).path));
    assert_properties(
        "directoryObject",
        selected(&read_application_owners(&guid()).path),
    );
    assert_properties(
        "servicePrincipal",
        selected(&find_service_principal("x").path),
    );
    assert_properties(
        "servicePrincipal",
        selected(&read_service_principal(&guid()).path),
    );
    assert_properties(
        "directoryObject",
        selected(&read_service_principal_owners(&guid()).path),
    );
}

#[test]
fn a_made_up_property_is_caught() {
    let caught =
        std::panic::catch_unwind(|| assert_properties("application", ["clientSecret".to_string()]));
    assert!(caught.is_err());
}
