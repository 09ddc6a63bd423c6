//! Who may see which page, as the help page states it:
//! every page but Log in and Create account needs a session; before the first
//! connection Home leads to the first-time selection; after it, the selection
//! is gone for good.
//!
//! Log in returns to the page asked for only when `next` names one of the
//! app's own pages; anything else a link could put there is ignored.

use super::routes::{self, AppPath, Route};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    Show,
    /// The embedding portal has not signed anyone in yet.
    WaitForPortal,
    /// Go elsewhere, replacing the history entry so Back does not bounce.
    Redirect(AppPath),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Visitor {
    pub signed_in: bool,
    /// At least one account is connected for this user.
    pub has_connection: bool,
    /// The portal supplies the user; there are no local login pages.
    pub host_identity: bool,
}

/// Where a signed-in person lands when nothing more specific was asked for.
pub fn landing(v: Visitor) -> Route {
    if v.has_connection {
        Route::Home
    } else {
        Route::Welcome
    }
}

/// The decision for the page `here` (`None` when the path names no page);
/// `next` is the page a signed-out person asked for before being sent to
/// Log in.
pub fn decide(here: Option<&Route>, next: Option<&str>, v: Visitor) -> Decision {
    let public = here.is_some_and(Route::is_public);
    if v.host_identity {
        if !v.signed_in {
            return Decision::WaitForPortal;
        }
        if public {
            return Decision::Redirect(landing(v).path());
        }
    }
    if public {
        return if v.signed_in {
            Decision::Redirect(after_login(next, v))
        } else {
            Decision::Show
        };
    }
    if !v.signed_in {
        return Decision::Redirect(login_for(here));
    }
    match here {
        Some(Route::Home) if !v.has_connection => Decision::Redirect(Route::Welcome.path()),
        Some(Route::Welcome) if v.has_connection => Decision::Redirect(Route::Home.path()),
        _ => Decision::Show,
    }
}

/// Log in, carrying the requested page along when it is worth returning to.
pub fn login_for(here: Option<&Route>) -> AppPath {
    match here {
        None | Some(Route::Home) => Route::Login.path(),
        Some(r) => routes::login_then(r),
    }
}

/// Where to go after logging in: the page `next` names, if it is one.
pub fn after_login(next: Option<&str>, v: Visitor) -> AppPath {
    next.and_then(next_route)
        .unwrap_or_else(|| landing(v))
        .path()
}

/// The page `next` names, as the router hands the query value over.
///
/// `login_for` writes it as a bare app path, so only the characters such a
/// path is made of are read at all: that refuses control characters,
/// back-slashes, schemes, `%` (anything still encoded, once or twice) and
/// dots before any parsing. What is left must be a page of the app other than
/// Log in and Create account, which rules out `//` and unknown paths; the
/// result is the page's own path, never the text that came in.
fn next_route(next: &str) -> Option<Route> {
    let plain = next
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_'));
    if !plain || !next.starts_with('/') || next.contains("//") {
        return None;
    }
    routes::route(next).filter(|r| !r.is_public())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::links::Provider;

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
    const LOGIN: Option<&Route> = Some(&Route::Login);
    const SIGNUP: Option<&Route> = Some(&Route::Signup);
    const HOME: Option<&Route> = Some(&Route::Home);
    const WELCOME: Option<&Route> = Some(&Route::Welcome);
    const INTEGRATIONS: Option<&Route> = Some(&Route::Integrations);

    fn redirect(to: Route) -> Decision {
        Decision::Redirect(to.path())
    }

    #[test]
    fn in_host_identity_mode_the_portal_signs_people_in() {
        let waiting = Visitor {
            host_identity: true,
            ..OUT
        };
        assert_eq!(decide(LOGIN, None, waiting), Decision::WaitForPortal);
        assert_eq!(decide(INTEGRATIONS, None, waiting), Decision::WaitForPortal);
        let hosted = Visitor {
            host_identity: true,
            ..NEW
        };
        assert_eq!(decide(SIGNUP, None, hosted), redirect(Route::Welcome));
        assert_eq!(decide(INTEGRATIONS, None, hosted), Decision::Show);
    }

    #[test]
    fn signed_out_people_see_only_log_in_and_create_account() {
        assert_eq!(decide(LOGIN, None, OUT), Decision::Show);
        assert_eq!(decide(SIGNUP, None, OUT), Decision::Show);
        assert_eq!(decide(HOME, None, OUT), redirect(Route::Login));
        assert_eq!(decide(None, None, OUT), redirect(Route::Login));
        assert_eq!(
            decide(Some(&Route::Microsoft), None, OUT),
            Decision::Redirect(routes::login_then(&Route::Microsoft))
        );
    }

    #[test]
    fn before_the_first_connection_home_leads_to_the_selection() {
        assert_eq!(decide(HOME, None, NEW), redirect(Route::Welcome));
        assert_eq!(decide(WELCOME, None, NEW), Decision::Show);
        assert_eq!(decide(INTEGRATIONS, None, NEW), Decision::Show);
        assert_eq!(decide(LOGIN, None, NEW), redirect(Route::Welcome));
        assert_eq!(decide(None, None, NEW), Decision::Show);
    }

    #[test]
    fn after_a_connection_the_selection_is_gone() {
        assert_eq!(decide(WELCOME, None, LINKED), redirect(Route::Home));
        assert_eq!(decide(HOME, None, LINKED), Decision::Show);
        assert_eq!(decide(LOGIN, None, LINKED), redirect(Route::Home));
    }

    #[test]
    fn logging_in_returns_to_the_requested_page() {
        let asked = Route::Account(Provider::Microsoft, "m1".into());
        let login = login_for(Some(&asked));
        let query = login.as_str().split_once("?next=").unwrap().1;
        assert_eq!(decide(LOGIN, Some(query), NEW), redirect(asked));
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
            assert_eq!(
                after_login(Some(evil), LINKED),
                Route::Home.path(),
                "{evil}"
            );
        }
        assert_eq!(
            after_login(Some("%2F%2Fevil.example"), NEW),
            Route::Welcome.path()
        );
    }

    /// Each of these, as the router hands over the query value and as it
    /// appears still encoded, once or twice.
    const HOSTILE_NEXT: &[&str] = &[
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r/evil.example",
        "/\0/evil.example",
        "/\u{1b}/evil.example",
        "/\u{7f}/evil.example",
        "/\u{85}/evil.example",
        "\t//evil.example",
        " //evil.example",
        "/ /evil.example",
        "/%09/evil.example",
        "/%0A/evil.example",
        "/%0d/evil.example",
        "/%00/evil.example",
        "/%2509/evil.example",
        "/%252509/evil.example",
        "%2F%2Fevil.example",
        "%252F%252Fevil.example",
        "/%2F/evil.example",
        "/%2f%2fevil.example",
        "//evil.example",
        "///evil.example",
        "/integrations//evil.example",
        "\\evil.example",
        "/\\evil.example",
        "\\/evil.example",
        "/%5Cevil.example",
        "/%5C%5Cevil.example",
        "/%255Cevil.example",
        "https://evil.example",
        "HTTPS://evil.example",
        "https:evil.example",
        "http:/evil.example",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "/integrations/aws:1",
        "%68ttps://evil.example",
        "https%3A%2F%2Fevil.example",
        "https%253A%252F%252Fevil.example",
        "evil.example",
        "integrations",
        "",
        "/..",
        "/../evil.example",
        "/integrations/..",
        "/integrations/aws/..",
        "/integrations/aws/.",
        "/integrations/aws/%2e%2e",
        "/integrations/aws/%2E%2E",
        "/integrations/aws/%252e%252e",
        "/integrations/%2e%2e/%2e%2e//evil.example",
        "/integrations/aws/a1/..%2F..%2F..%2F%2Fevil.example",
        "/integrations/aws/a1#//evil.example",
        "/integrations/aws/a1@evil.example",
        "/integrations/aws/\u{202e}lave",
        "/integrations/aws/\u{ff0f}\u{ff0f}evil.example",
        "/no/such/page",
        "/login",
        "/login/",
        "/signup",
        "/signup/",
        "/login?next=//evil.example",
        "/%6Cogin",
    ];

    #[test]
    fn next_is_ignored_unless_it_names_a_page_of_the_app() {
        for evil in HOSTILE_NEXT {
            let home = Route::Home.path();
            assert_eq!(after_login(Some(evil), LINKED), home, "{evil:?}");
            assert_eq!(
                after_login(Some(evil), NEW),
                Route::Welcome.path(),
                "{evil:?}"
            );
            assert_eq!(
                decide(LOGIN, Some(evil), LINKED),
                redirect(Route::Home),
                "{evil:?}"
            );
        }
    }

    #[test]
    fn next_may_name_any_page_behind_log_in() {
        let id = "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b";
        for page in [
            Route::Home,
            Route::Welcome,
            Route::Integrations,
            Route::Microsoft,
            Route::List(Provider::Azure),
            Route::New(Provider::Aws),
            Route::Account(Provider::Microsoft, id.into()),
        ] {
            let path = page.path();
            assert_eq!(after_login(Some(path.as_str()), LINKED), path);
            // One trailing slash names the same page.
            let slash = format!("{}/", path.as_str());
            if page != Route::Home {
                assert_eq!(after_login(Some(&slash), LINKED), path);
            }
        }
    }
}
