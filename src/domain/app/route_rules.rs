//! Who may see which page, as the help page states it:
//! every page but Log in and Create account needs a session; before the first
//! connection Home leads to the first-time selection; after it, the selection
//! is gone for good.

pub use crate::routes::{HOME, LOGIN, SIGNUP, WELCOME};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    Show,
    /// The embedding portal has not signed anyone in yet.
    WaitForPortal,
    /// Go elsewhere, replacing the history entry so Back does not bounce.
    Redirect(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Visitor {
    pub signed_in: bool,
    /// At least one account is connected for this user.
    pub has_connection: bool,
    /// The portal supplies the user; there are no local login pages.
    pub host_identity: bool,
}

fn is_public(path: &str) -> bool {
    path == LOGIN || path == SIGNUP
}

/// Where a signed-in person lands when nothing more specific was asked for.
pub fn landing(v: Visitor) -> &'static str {
    if v.has_connection {
        HOME
    } else {
        WELCOME
    }
}

/// The decision for `path` (without query); `next` is the page a signed-out
/// person asked for before being sent to Log in.
pub fn decide(path: &str, next: Option<&str>, v: Visitor) -> Decision {
    if v.host_identity {
        if !v.signed_in {
            return Decision::WaitForPortal;
        }
        if is_public(path) {
            return Decision::Redirect(landing(v).to_string());
        }
    }
    if is_public(path) {
        return if v.signed_in {
            Decision::Redirect(after_login(next, v))
        } else {
            Decision::Show
        };
    }
    if !v.signed_in {
        return Decision::Redirect(login_for(path));
    }
    match path {
        HOME if !v.has_connection => Decision::Redirect(WELCOME.into()),
        WELCOME if v.has_connection => Decision::Redirect(HOME.into()),
        _ => Decision::Show,
    }
}

/// `/login`, carrying the requested page along when it is worth returning to.
pub fn login_for(path: &str) -> String {
    if path == HOME || path.is_empty() {
        LOGIN.to_string()
    } else {
        format!("{LOGIN}?next={}", encode(path))
    }
}

/// Where to go after logging in: the requested page if it is a safe app path.
pub fn after_login(next: Option<&str>, v: Visitor) -> String {
    match next.map(decode) {
        Some(p) if is_safe_next(&p) => p,
        _ => landing(v).to_string(),
    }
}

/// Only same-app paths: no scheme, no `//host`, no back-slashes, not a login page.
fn is_safe_next(p: &str) -> bool {
    p.starts_with('/')
        && !p.starts_with("//")
        && !p.contains('\\')
        && !p.contains(':')
        && !is_public(p)
}

fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
            if let Ok(b) = u8::from_str_radix(hex, 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::links::Provider;
    use crate::routes;

    const OUT: Visitor = Visitor {
        signed_in: false,
        has_connection: false,
        host_identity: false,
    };
    const NEW: Visitor = Visitor {
        signed_in: true,
        has_connection: false,
        host_identity: false,
    };
    const LINKED: Visitor = Visitor {
        signed_in: true,
        has_connection: true,
        host_identity: false,
    };

    #[test]
    fn in_host_identity_mode_the_portal_signs_people_in() {
        let waiting = Visitor {
            host_identity: true,
            ..OUT
        };
        assert_eq!(decide(LOGIN, None, waiting), Decision::WaitForPortal);
        assert_eq!(
            decide(routes::integrations(), None, waiting),
            Decision::WaitForPortal
        );
        let hosted = Visitor {
            host_identity: true,
            ..NEW
        };
        assert_eq!(decide(SIGNUP, None, hosted), redirect(WELCOME));
        assert_eq!(decide(routes::integrations(), None, hosted), Decision::Show);
    }

    fn redirect(to: &str) -> Decision {
        Decision::Redirect(to.to_string())
    }

    #[test]
    fn signed_out_people_see_only_log_in_and_create_account() {
        assert_eq!(decide(LOGIN, None, OUT), Decision::Show);
        assert_eq!(decide(SIGNUP, None, OUT), Decision::Show);
        assert_eq!(decide(HOME, None, OUT), redirect("/login"));
        assert_eq!(
            decide(routes::microsoft(), None, OUT),
            redirect(&format!("/login?next={}", routes::microsoft()))
        );
    }

    #[test]
    fn before_the_first_connection_home_leads_to_the_selection() {
        assert_eq!(decide(HOME, None, NEW), redirect(WELCOME));
        assert_eq!(decide(WELCOME, None, NEW), Decision::Show);
        assert_eq!(decide(routes::integrations(), None, NEW), Decision::Show);
        assert_eq!(decide(LOGIN, None, NEW), redirect(WELCOME));
    }

    #[test]
    fn after_a_connection_the_selection_is_gone() {
        assert_eq!(decide(WELCOME, None, LINKED), redirect(HOME));
        assert_eq!(decide(HOME, None, LINKED), Decision::Show);
        assert_eq!(decide(LOGIN, None, LINKED), redirect(HOME));
    }

    #[test]
    fn logging_in_returns_to_the_requested_page() {
        let next = format!("{}?x=1", routes::list(Provider::Microsoft));
        let login = login_for(&next);
        let query = login.split_once("?next=").unwrap().1;
        assert_eq!(decide(LOGIN, Some(query), NEW), redirect(&next));
    }

    #[test]
    fn next_cannot_leave_the_app() {
        for evil in [
            "//evil.example/",
            "https://evil.example",
            "/\\evil",
            "/login",
            "javascript:alert(1)",
        ] {
            assert_eq!(after_login(Some(evil), LINKED), HOME, "{evil}");
        }
        assert_eq!(after_login(Some("%2F%2Fevil.example"), NEW), WELCOME);
    }
}
