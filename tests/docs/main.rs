//! The docs point at what exists: every relative link between the README and
//! `docs/` reaches a file (and a heading, when it names one), and every
//! repository path they name in code spans is there.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Folders whose paths, named in a code span, must exist in the repository.
const TREES: [&str; 10] = [
    "src/",
    "tests/",
    "scripts/",
    "docs/",
    "examples/",
    "public/",
    "style/",
    "benches/",
    ".cargo/",
    ".ci/",
];

/// The README and every Markdown file under `docs/`.
fn documents() -> Vec<PathBuf> {
    let mut found = vec![PathBuf::from(ROOT).join("README.md")];
    let mut dirs = vec![PathBuf::from(ROOT).join("docs")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// Text outside fenced code blocks, where links mean links.
fn prose(text: &str) -> String {
    let mut fenced = false;
    let mut out = String::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The targets of `[text](target)` and `![alt](target)` links.
fn links(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("](") {
        let after = &rest[at + 2..];
        let Some(end) = after.find(')') else { break };
        found.push(after[..end].trim().to_string());
        rest = &after[end..];
    }
    found
}

/// GitHub's anchor for a heading: lower case, spaces to `-`, punctuation dropped.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

fn anchors(text: &str) -> BTreeSet<String> {
    prose(text)
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| anchor(l.trim_start_matches('#')))
        .collect()
}

/// Code spans that name a path in one of [`TREES`] or a file at the top.
fn named_paths(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| !s.contains(char::is_whitespace) && !s.contains(['*', '{', '…', '<']))
        .filter(|s| TREES.iter().any(|t| s.starts_with(t)))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_link_between_the_docs_reaches_a_file_and_its_heading() {
    let mut broken = Vec::new();
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).unwrap();
        let here = doc.parent().unwrap();
        for target in links(&prose(&text)) {
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let (file, fragment) = match target.split_once('#') {
                Some((f, a)) => (f, Some(a)),
                None => (target.as_str(), None),
            };
            let path = if file.is_empty() {
                doc.clone()
            } else {
                here.join(file)
            };
            if !path.exists() {
                broken.push(format!("{}: {target}", doc.display()));
                continue;
            }
            if let Some(fragment) = fragment {
                let linked = std::fs::read_to_string(&path).unwrap_or_default();
                if !anchors(&linked).contains(fragment) {
                    broken.push(format!("{}: {target} (no such heading)", doc.display()));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn every_repository_path_the_docs_name_exists() {
    let mut missing = Vec::new();
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).unwrap();
        for path in named_paths(&text) {
            if !Path::new(ROOT).join(&path).exists() {
                missing.push(format!("{}: {path}", doc.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "named but missing:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_checks_see_links_headings_and_paths() {
    let text = "# Hosting the app\nSee [a](docs/x.md#the-csp) and `src/app.rs`, not `a b`.\n```\n[no](fenced.md)\n```\n";
    assert_eq!(links(&prose(text)), ["docs/x.md#the-csp"]);
    assert!(anchors(text).contains("hosting-the-app"));
    assert_eq!(named_paths(text), ["src/app.rs"]);
    assert_eq!(
        anchor("The first page before the wasm"),
        "the-first-page-before-the-wasm"
    );
    assert_eq!(anchor("`Route` and `AppPath`"), "route-and-apppath");
}
