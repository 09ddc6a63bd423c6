//! The shape of the code base, checked by reading `src/`: each layer imports
//! only layers below it, the pure layers stay free of Leptos and the browser,
//! and no file grows past what one person reads in one sitting.
//!
//! The layers, bottom to top: `domain`, `crypto`, `store` (pure, tested
//! natively) → `browser` → `state` → `hooks` → `components` → `pages` →
//! `routes`, `app`. A layer that reached up would tie the lower one to the
//! upper one's reasons to change, and a pure module that reached the browser
//! could no longer be tested natively.

use std::path::{Path, PathBuf};

/// Each top-level module of the crate with its height in the house; modules
/// of one height may use each other.
const LAYERS: &[(&str, u8)] = &[
    ("domain", 0),
    ("crypto", 0),
    ("store", 0),
    ("browser", 1),
    ("state", 2),
    ("hooks", 3),
    ("components", 4),
    ("pages", 5),
    ("routes", 6),
    ("app", 6),
    ("prerender", 7),
];

/// Names that only a module tied to Leptos or the browser would write.
const IMPURE: &[&str] = &["leptos", "web_sys", "js_sys", "wasm_bindgen"];

/// The most lines a file may hold before its `#[cfg(test)]`.
const MAX_LINES: usize = 250;

fn height(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, h)| *h)
}

/// Every `.rs` file under `src/`, as a path relative to it.
fn sources() -> Vec<PathBuf> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src/ is readable") {
            let path = entry.expect("src/ is readable").path();
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path.strip_prefix(root).expect("under src/").to_path_buf());
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    walk(&root, &root, &mut out);
    out.sort();
    out
}

fn read(relative: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    std::fs::read_to_string(root.join(relative)).expect("source is readable")
}

/// The top-level module a file belongs to: `state` for
/// `state/auth/sign_in.rs`, `routes` for `routes.rs`.
fn module_of(relative: &Path) -> String {
    let first = relative
        .components()
        .next()
        .expect("a file has a name")
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// The lines that are code, not comments: a doc link names a module without
/// depending on it.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line))
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
}

/// The top-level modules a line names through `crate::`, including each
/// name of a `crate::{a, b::c}` group.
fn crate_modules(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in line.match_indices("crate::") {
        let rest = &line[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = group.split('}').next().unwrap_or_default();
            out.extend(group.split(',').map(|item| first_ident(item.trim())));
        } else {
            out.push(first_ident(rest));
        }
    }
    out.retain(|m| !m.is_empty());
    out
}

fn first_ident(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// `file:line imports module` for each import that runs up the house.
fn imports_up() -> Vec<String> {
    let mut found = Vec::new();
    for file in sources() {
        let Some(own) = height(&module_of(&file)) else {
            continue;
        };
        let text = read(&file);
        for (number, line) in code_lines(&text) {
            for used in crate_modules(line) {
                if height(&used).is_some_and(|h| h > own) {
                    found.push(format!("{}:{number} imports {used}", file.display()));
                }
            }
        }
    }
    found
}

#[test]
fn no_import_runs_up_the_house() {
    let found = imports_up();
    assert!(
        found.is_empty(),
        "{} imports reach a higher layer:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_pure_layers_name_neither_leptos_nor_the_browser() {
    let mut found = Vec::new();
    for file in sources() {
        if height(&module_of(&file)) != Some(0) {
            continue;
        }
        let text = read(&file);
        for (number, line) in code_lines(&text) {
            let words = line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
            if let Some(name) = words.into_iter().find(|w| IMPURE.contains(w)) {
                found.push(format!("{}:{number} names {name}", file.display()));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The files a parent includes only for tests (`#[cfg(test)] mod tests;`).
fn test_only_files(files: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for file in files {
        let text = read(file);
        let dir = match file.file_name().and_then(|n| n.to_str()) {
            Some("mod.rs" | "lib.rs") => file.parent().unwrap_or(Path::new("")).to_path_buf(),
            _ => file.with_extension(""),
        };
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            if line != "#[cfg(test)]" {
                continue;
            }
            let child = lines.next().and_then(|l| l.strip_prefix("mod "));
            if let Some(name) = child.and_then(|c| c.strip_suffix(';')) {
                out.push(dir.join(format!("{name}.rs")));
                out.push(dir.join(name).join("mod.rs"));
            }
        }
    }
    out
}

#[test]
fn no_file_is_over_250_lines_before_its_tests() {
    let files = sources();
    let tests = test_only_files(&files);
    let mut found = Vec::new();
    for file in files.iter().filter(|f| !tests.contains(f)) {
        let text = read(file);
        let lines = text.lines().take_while(|l| *l != "#[cfg(test)]").count();
        let name = file.display().to_string().replace('\\', "/");
        if lines > MAX_LINES {
            found.push(format!("{name}: {lines} lines"));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_scan_reads_groups_and_paths() {
    assert_eq!(
        crate_modules("use crate::{routes::Route, domain::links};"),
        ["routes", "domain"]
    );
    assert_eq!(
        crate_modules("let r = crate::routes::route(p); crate::app::App"),
        ["routes", "app"]
    );
    assert_eq!(module_of(Path::new("state/auth/sign_in.rs")), "state");
    assert_eq!(module_of(Path::new("routes.rs")), "routes");
}
