//! Trunk's `post_build` step (Trunk.toml), run natively on the staging folder:
//!
//! 1. moves the requests for the wasm and its loader to the start of
//!    `<head>`, so the download starts with the first bytes of the page;
//! 2. in a release build, renders Log in and Create account with the app's
//!    own components into `<template id="prerender-PAGE">`s, which the start
//!    script shows to a signed-out visitor until the app has mounted;
//! 3. writes `404.html`, a byte-for-byte copy of `index.html`, which static
//!    hosts answer an unknown path (a deep link) with.
//!
//! usage: prerender STAGING_DIR (with TRUNK_PROFILE set by trunk)

use std::path::Path;
use std::process::ExitCode;

use cloudlink::domain::app::routes::route;
use cloudlink::domain::app::start_page::{template_id, COPIED_PAGES};
use cloudlink::prerender::{entry_page, page};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [staging] = args.as_slice() else {
        eprintln!("usage: prerender STAGING_DIR");
        return ExitCode::from(2);
    };
    let release = std::env::var("TRUNK_PROFILE").is_ok_and(|p| p == "release");
    match finish(Path::new(staging), release) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}

fn finish(staging: &Path, release: bool) -> Result<(), String> {
    let index = staging.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let mut html = entry_page::requests_first(&html)?;
    if release {
        let base = entry_page::base_href(&html);
        let pages = COPIED_PAGES
            .into_iter()
            .map(|name| {
                let drawn = route(&format!("/{name}")).ok_or(format!("no page at /{name}"))?;
                let body = page(drawn, &base);
                // The field the hand-over reads first says the form was drawn.
                let field = r#"id="email""#;
                if body.contains(field) {
                    Ok((template_id(name), body))
                } else {
                    Err(format!("{name} has no {field}: {body}"))
                }
            })
            .collect::<Result<Vec<_>, String>>()?;
        html = entry_page::with_templates(&html, &pages)?;
    }
    for file in [index, staging.join("404.html")] {
        std::fs::write(&file, &html).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    Ok(())
}
