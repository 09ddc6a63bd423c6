//! The Bash the setup script is made of lives in `.sh` files beside the
//! Rust that assembles it, so editors and shellcheck see it as Bash. Each
//! file is checked on its own here; the variables it reads are assigned by
//! the script's preamble, which is why "referenced but not assigned" and
//! "assigned but unused" are left to the check of the whole script.

use std::process::Command;

#[test]
fn every_bash_file_of_the_setup_script_passes_shellcheck() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/domain/setup_script/bash");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sh"))
        .collect();
    files.sort();
    assert!(files.len() >= 8, "the step files are missing: {files:?}");
    for file in files {
        let out = Command::new("shellcheck")
            .args(["--shell=bash", "--exclude=SC2154,SC2034"])
            .arg(&file)
            .output()
            .expect("shellcheck runs");
        assert!(
            out.status.success(),
            "{}:\n{}",
            file.display(),
            String::from_utf8_lossy(&out.stdout)
        );
    }
}
