//! The SDK's typings describe every message the page sends and every field
//! in it, and every request it reads: a message added on one side only fails
//! here.

use std::collections::BTreeSet;

use serde_json::{json, Value};

use super::*;
use crate::domain::links::{Integration, Provider};

const TYPINGS: &str = include_str!("../../../../public/embed/cloudlink-embed.d.ts");
const SDK: &str = include_str!("../../../../public/embed/cloudlink-embed.js");

fn integration(details: Value, provider: &str) -> Integration {
    serde_json::from_value(json!({
        "id": "acc-1", "provider": provider, "name": "Contoso", "created_ms": 1,
        "status": "connected", "details": details,
    }))
    .unwrap()
}

fn entra() -> Integration {
    integration(
        json!({
            "kind": "entra",
            "tenant": "72f988bf-86f1-41af-91ab-2d7cd011db47",
            "application_id": "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b",
            "cloud": "global",
            "certificate": {"der": "MAA=", "key_type": "rsa-2048", "key": {"held": "k"}},
        }),
        "microsoft",
    )
}

fn aws() -> Integration {
    integration(
        json!({
            "kind": "aws", "account_type": "linked",
            "role_arn": "arn:aws:iam::123456789012:role/CloudLinkReadOnly",
            "external_id": "ab".repeat(24),
        }),
        "aws",
    )
}

/// Examples of every message the page sends; the `match` names each kind,
/// so a new one does not compile until it has an example here.
fn examples(kind: Sent) -> Vec<Value> {
    match kind {
        Sent::Ready => vec![ready()],
        Sent::Resize => vec![resize(640)],
        Sent::AccountLinked => vec![linked(&entra()), linked(&aws())],
        Sent::AccountUpdated => vec![updated(&entra()), updated(&aws())],
        Sent::AccountRemoved => vec![removed("acc-1", Provider::Azure)],
        Sent::SignedIn => vec![signed_in(Some("r1"), "u1")],
        Sent::SignedOut => vec![signed_out(None)],
        Sent::ExternalIdTaken => vec![external_id_taken(Some("r2"))],
        Sent::Assertion => vec![assertion("r3", "acc-1", "a.b.c", "https://x/token")],
        Sent::Error => vec![error(Some("r4"), ErrorCode::Locked, "locked")],
    }
}

const ALL: [Sent; 10] = [
    Sent::Ready,
    Sent::Resize,
    Sent::AccountLinked,
    Sent::AccountUpdated,
    Sent::AccountRemoved,
    Sent::SignedIn,
    Sent::SignedOut,
    Sent::ExternalIdTaken,
    Sent::Assertion,
    Sent::Error,
];

/// The body of `interface name { … }`.
fn interface(name: &str) -> Option<&'static str> {
    let start = TYPINGS.find(&format!("interface {name} {{"))?;
    let body = &TYPINGS[start..];
    let open = body.find('{')? + 1;
    Some(&body[open..open + body[open..].find("\n}")?])
}

/// The field names an interface body declares, with their type text.
fn fields(body: &str) -> Vec<(String, String)> {
    body.lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("/**") && !l.starts_with('*') && !l.starts_with("//"))
        .filter_map(|l| {
            let (name, ty) = l.split_once(':')?;
            let name = name.trim().trim_end_matches('?');
            name.chars().all(|c| c.is_ascii_alphanumeric()).then(|| {
                (
                    name.to_string(),
                    ty.trim().trim_end_matches(';').to_string(),
                )
            })
        })
        .collect()
}

/// The interface whose `type` is the literal `kind`.
fn message_interface(kind: &str) -> Option<&'static str> {
    let at = TYPINGS.find(&format!("type: \"{kind}\";"))?;
    let start = TYPINGS[..at].rfind("interface ")? + "interface ".len();
    let name = TYPINGS[start..].split_whitespace().next()?;
    interface(name)
}

/// Interfaces a type name stands for, following `type X = A | B;` aliases.
fn interfaces_of(ty: &str) -> Vec<&'static str> {
    if let Some(body) = interface(ty) {
        return vec![body];
    }
    let alias = format!("type {ty} = ");
    let Some(start) = TYPINGS.find(&alias) else {
        return Vec::new();
    };
    let rest = &TYPINGS[start + alias.len()..];
    rest[..rest.find(';').unwrap_or(rest.len())]
        .split('|')
        .flat_map(|t| interfaces_of(t.trim()))
        .collect()
}

fn check(value: &Value, body: &str, path: &str) -> Vec<String> {
    let declared = fields(body);
    let mut missing = Vec::new();
    for (key, inner) in value.as_object().unwrap() {
        let Some((_, ty)) = declared.iter().find(|(name, _)| name == key) else {
            missing.push(format!("{path}.{key}"));
            continue;
        };
        if inner.is_object() {
            let described = interfaces_of(ty.trim());
            let fits = described
                .iter()
                .any(|b| check(inner, b, &format!("{path}.{key}")).is_empty());
            if !fits {
                missing.push(format!("{path}.{key}: {inner} fits none of {ty}"));
            }
        }
    }
    missing
}

#[test]
fn every_message_the_page_sends_is_typed_with_every_field() {
    for kind in ALL {
        let body = message_interface(kind.type_name())
            .unwrap_or_else(|| panic!("no interface for {} in the typings", kind.type_name()));
        for example in examples(kind) {
            assert_eq!(example["type"], kind.type_name());
            let missing = check(&example, body, kind.type_name());
            assert!(missing.is_empty(), "not in the typings: {missing:?}");
        }
    }
    let unions: BTreeSet<&str> = TYPINGS
        .split("export type PageMessage =")
        .nth(1)
        .and_then(|s| s.split(';').next())
        .unwrap()
        .split('|')
        .map(str::trim)
        .collect();
    for kind in ALL {
        let at = TYPINGS
            .find(&format!("type: \"{}\";", kind.type_name()))
            .unwrap();
        let start = TYPINGS[..at].rfind("interface ").unwrap() + "interface ".len();
        let name = TYPINGS[start..].split_whitespace().next().unwrap();
        assert!(unions.contains(name), "{name} is missing from PageMessage");
    }
}

#[test]
fn every_error_code_and_request_is_typed() {
    for code in [
        ErrorCode::Locked,
        ErrorCode::UnknownAccount,
        ErrorCode::Refused,
        ErrorCode::InvalidRequest,
        ErrorCode::UnsupportedProtocol,
    ] {
        // A new code must be added here, or this match stops compiling.
        match code {
            ErrorCode::Locked
            | ErrorCode::UnknownAccount
            | ErrorCode::Refused
            | ErrorCode::InvalidRequest
            | ErrorCode::UnsupportedProtocol => {}
        }
        assert!(
            TYPINGS.contains(&format!("| \"{}\"", code.slug())),
            "error code {} is not in ErrorCode",
            code.slug()
        );
    }
    for request in [HELLO, SIGN_IN, SIGN_OUT, ASSERTION_REQUEST, EXTERNAL_ID] {
        assert!(
            message_interface(request).is_some(),
            "no interface for {request} in the typings"
        );
    }
}

#[test]
fn the_sdk_speaks_the_page_s_protocol() {
    assert!(
        SDK.contains(&format!("PROTOCOL_VERSION = \"{PROTOCOL_VERSION}\"")),
        "cloudlink-embed.js names another protocol version"
    );
    assert!(speaks("1.7"));
    assert!(!speaks("2.0"));
    assert!(!speaks(""));
}
