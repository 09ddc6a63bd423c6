//! The builds and headers the hosting journeys need: the copy of the release
//! build made for a sub-path, and the Content-Security-Policy that
//! `scripts/csp.sh` prints for a build.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Where the sub-path build is served from, as a CDN prefix would be.
pub const SUBPATH_MOUNT: &str = "/tools/link/";

/// The release build made with `--public-url /tools/link/`; `scripts/test.sh`
/// makes it next to `dist/`.
pub fn dist_subpath_dir() -> PathBuf {
    let dir = std::env::var_os("DIST_SUBPATH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist-subpath"));
    assert!(
        dir.join("index.html").is_file(),
        "no sub-path release build at {}: run scripts/test.sh, or \
         `trunk build --release --public-url {SUBPATH_MOUNT} --dist dist-subpath` first \
         (or point DIST_SUBPATH_DIR at one)",
        dir.display()
    );
    dir
}

/// The header value `scripts/csp.sh` prints for `dist`, allowing `sign_in`
/// origins to be fetched.
pub fn csp_for(dist: &Path, sign_in: &[&str]) -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/csp.sh");
    let out = Command::new(&script)
        .arg(dist)
        .args(sign_in)
        .output()
        .unwrap_or_else(|e| panic!("run {}: {e}", script.display()));
    assert!(
        out.status.success(),
        "scripts/csp.sh failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let policy = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert!(!policy.is_empty() && !policy.contains('\n'), "{policy:?}");
    policy
}
