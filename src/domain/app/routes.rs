//! Every page of the app as one `Route`, and `AppPath`, the only form a path
//! inside the app takes.
//!
//! A route knows its path, its label, the page above it and the side-nav
//! section it belongs to, and `route` reads a path back into its page, so a
//! new page is one variant here plus its arm in `crate::routes`. Pure and
//! below every layer that links or redirects, so components, the browser
//! layer and the page rules all name pages the same way; tested natively.

use crate::domain::entra::setup::CALLBACK_PATH;
use crate::domain::links::Provider;

/// The query key that opens an account page with its renewal started.
pub const RENEW: &str = "renew";
/// The query key on Log in that names the page asked for before it.
pub const NEXT: &str = "next";

/// A path inside the app (no router base), such as `/integrations/aws`.
///
/// Only a `Route` or the builders here make one, so a link, a `navigate`, a
/// redirect and a `?next=` cannot hold a path the app does not know, nor one
/// that already carries the base.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppPath(String);

impl AppPath {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The path without its query, as `route` reads it.
    pub fn path(&self) -> &str {
        self.0.split('?').next().unwrap_or_default()
    }

    /// The `href` under the router `base` (`""` at the root, `/tools/link`
    /// below it).
    pub fn href(&self, base: &str) -> String {
        crate::domain::app::href(base, &self.0)
    }
}

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Login,
    Signup,
    Home,
    Welcome,
    Integrations,
    /// The Microsoft card's page, which offers its products.
    Microsoft,
    /// The linked accounts of a provider; Microsoft's are those of its M365
    /// product.
    List(Provider),
    New(Provider),
    /// An account's page, with the id as it appears in the path.
    Account(Provider, String),
    /// Where Microsoft's sign-in returns in the popup of Set up with
    /// Microsoft sign-in: the registered redirect URI.
    SignInCallback,
}

impl Route {
    pub fn path(&self) -> AppPath {
        AppPath(match self {
            Route::Login => "/login".into(),
            Route::Signup => "/signup".into(),
            Route::Home => "/".into(),
            Route::Welcome => "/welcome".into(),
            Route::Integrations => "/integrations".into(),
            Route::Microsoft => "/integrations/microsoft".into(),
            Route::List(p) => list_path(*p).into(),
            Route::New(p) => format!("{}/new", list_path(*p)),
            Route::Account(p, id) => format!("{}/{id}", list_path(*p)),
            Route::SignInCallback => format!("/{CALLBACK_PATH}"),
        })
    }

    /// The pages a signed-out person may see.
    pub fn is_public(&self) -> bool {
        matches!(self, Route::Login | Route::Signup)
    }

    /// The breadcrumb label; an account's page is named after the account.
    pub fn label(&self) -> Option<&'static str> {
        match self {
            Route::Integrations => Some("Integrations"),
            Route::Microsoft => Some("Microsoft"),
            Route::List(Provider::Microsoft) => Some("M365"),
            Route::List(p) => Some(p.label()),
            Route::New(_) => Some("New"),
            _ => None,
        }
    }

    /// The page above this one in the Integrations tree.
    pub fn parent(&self) -> Option<Route> {
        match self {
            Route::Microsoft | Route::List(Provider::Aws | Provider::Azure) => {
                Some(Route::Integrations)
            }
            Route::List(Provider::Microsoft) => Some(Route::Microsoft),
            Route::New(p) | Route::Account(p, _) => Some(Route::List(*p)),
            _ => None,
        }
    }

    /// The side-nav section the page belongs to: Home, or the top of the
    /// Integrations tree.
    pub fn section(&self) -> Option<Route> {
        match self.parent() {
            Some(above) => above.section(),
            None => matches!(self, Route::Home | Route::Integrations).then(|| self.clone()),
        }
    }

    /// The breadcrumbs above the page: (label, path) of each page above it,
    /// from Integrations down.
    pub fn trail(&self) -> Vec<(&'static str, AppPath)> {
        let mut trail = Vec::new();
        let mut above = self.parent();
        while let Some(r) = above {
            if let Some(label) = r.label() {
                trail.push((label, r.path()));
            }
            above = r.parent();
        }
        trail.reverse();
        trail
    }
}

fn list_path(p: Provider) -> &'static str {
    match p {
        Provider::Aws => "/integrations/aws",
        Provider::Azure => "/integrations/azure",
        Provider::Microsoft => "/integrations/microsoft/m365",
    }
}

/// Where a provider's card on Integrations leads.
pub fn provider(p: Provider) -> Route {
    match p {
        Provider::Aws | Provider::Azure => Route::List(p),
        Provider::Microsoft => Route::Microsoft,
    }
}

/// An account's page with the certificate renewal already open.
pub fn renew(p: Provider, id: &str) -> AppPath {
    let AppPath(path) = Route::Account(p, id.to_string()).path();
    AppPath(format!("{path}?{RENEW}=1"))
}

/// Log in, then `next`.
pub fn login_then(next: &Route) -> AppPath {
    let AppPath(login) = Route::Login.path();
    let AppPath(next) = next.path();
    // An app path is made of characters a query value may hold as they are.
    AppPath(format!("{login}?{NEXT}={next}"))
}

/// A path segment the app itself could have written: an account id is a
/// UUID, so nothing outside ASCII letters, digits, `-` and `_` is needed.
fn is_segment(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Reads an app path (no base, no query) back into its page; `None` for a
/// path that names no page. One trailing slash is ignored, so
/// `/integrations/aws/` is the AWS list.
pub fn route(app_path: &str) -> Option<Route> {
    let path = match app_path.strip_suffix('/') {
        Some(p) if !p.is_empty() && !p.ends_with('/') => p,
        _ => app_path,
    };
    let fixed = [
        Route::Login,
        Route::Signup,
        Route::Home,
        Route::Welcome,
        Route::Integrations,
        Route::Microsoft,
        Route::SignInCallback,
    ];
    if let Some(r) = fixed.into_iter().find(|r| r.path().0 == path) {
        return Some(r);
    }
    Provider::ALL.into_iter().find_map(|p| {
        let rest = path.strip_prefix(list_path(p))?;
        match rest.strip_prefix('/') {
            None if rest.is_empty() => Some(Route::List(p)),
            Some("new") => Some(Route::New(p)),
            Some(id) if is_segment(id) => Some(Route::Account(p, id.to_string())),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(r: Route) -> String {
        r.path().0
    }

    fn owned(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, AppPath)> {
        pairs
            .iter()
            .map(|(l, p)| (*l, AppPath(p.to_string())))
            .collect()
    }

    fn account(p: Provider, id: &str) -> Route {
        Route::Account(p, id.to_string())
    }

    #[test]
    fn account_paths_sit_under_their_list() {
        use Provider::*;
        assert_eq!(path(Route::List(Aws)), "/integrations/aws");
        assert_eq!(path(Route::List(Azure)), "/integrations/azure");
        assert_eq!(path(Route::List(Microsoft)), "/integrations/microsoft/m365");
        assert_eq!(
            path(Route::New(Microsoft)),
            "/integrations/microsoft/m365/new"
        );
        assert_eq!(path(Route::New(Aws)), "/integrations/aws/new");
        assert_eq!(path(account(Azure, "a1")), "/integrations/azure/a1");
        assert_eq!(
            renew(Microsoft, "m1").as_str(),
            "/integrations/microsoft/m365/m1?renew=1"
        );
        assert_eq!(
            renew(Microsoft, "m1").path(),
            "/integrations/microsoft/m365/m1"
        );
    }

    #[test]
    fn the_sign_in_callback_is_the_redirect_uri_s_path() {
        assert_eq!(path(Route::SignInCallback), "/auth/microsoft");
        assert_eq!(route("/auth/microsoft"), Some(Route::SignInCallback));
        assert_eq!(
            crate::domain::entra::setup::redirect_uri("https://example.com/tools/link/"),
            format!(
                "https://example.com/tools/link{}",
                path(Route::SignInCallback)
            )
        );
    }

    #[test]
    fn the_fixed_pages() {
        assert_eq!(
            [Route::Login, Route::Signup, Route::Home, Route::Welcome].map(path),
            ["/login", "/signup", "/", "/welcome"]
        );
        assert_eq!(path(Route::Integrations), "/integrations");
        assert_eq!(path(Route::Microsoft), "/integrations/microsoft");
    }

    #[test]
    fn each_card_leads_to_the_provider_slug() {
        for p in Provider::ALL {
            assert_eq!(path(provider(p)), format!("/integrations/{}", p.slug()));
        }
    }

    #[test]
    fn log_in_carries_the_page_asked_for() {
        assert_eq!(
            login_then(&Route::List(Provider::Aws)).as_str(),
            "/login?next=/integrations/aws"
        );
    }

    #[test]
    fn hrefs_stay_under_the_base() {
        let p = Route::Integrations.path();
        assert_eq!(p.href(""), "/integrations");
        assert_eq!(p.href("/tools/link"), "/tools/link/integrations");
        assert_eq!(Route::Home.path().href("/tools/link"), "/tools/link/");
    }

    #[test]
    fn sections_include_their_sub_pages() {
        use Route::*;
        assert_eq!(Home.section(), Some(Home));
        assert_eq!(Integrations.section(), Some(Integrations));
        for r in [
            Microsoft,
            List(Provider::Aws),
            New(Provider::Microsoft),
            account(Provider::Azure, "a1"),
        ] {
            assert_eq!(r.section(), Some(Integrations), "{r:?}");
        }
        for r in [Welcome, Login, Signup] {
            assert_eq!(r.section(), None, "{r:?}");
        }
    }

    #[test]
    fn trails_lead_back_up_to_integrations() {
        use Route::*;
        let integrations = ("Integrations", "/integrations");
        let microsoft = ("Microsoft", "/integrations/microsoft");
        assert_eq!(Integrations.trail(), owned(&[]));
        assert_eq!(Microsoft.trail(), owned(&[integrations]));
        assert_eq!(
            List(Provider::Microsoft).trail(),
            owned(&[integrations, microsoft])
        );
        assert_eq!(
            New(Provider::Microsoft).trail(),
            owned(&[
                integrations,
                microsoft,
                ("M365", "/integrations/microsoft/m365")
            ])
        );
        assert_eq!(List(Provider::Azure).trail(), owned(&[integrations]));
        assert_eq!(
            account(Provider::Azure, "a1").trail(),
            owned(&[integrations, ("Azure", "/integrations/azure")])
        );
        assert_eq!(
            New(Provider::Aws).trail(),
            owned(&[integrations, ("AWS", "/integrations/aws")])
        );
        assert_eq!(Home.trail(), owned(&[]));
    }

    #[test]
    fn every_built_path_reads_back_as_its_page() {
        use Route::*;
        let mut all = vec![Login, Signup, Home, Welcome, Integrations, Microsoft];
        for p in Provider::ALL {
            all.extend([
                List(p),
                New(p),
                account(p, "a1"),
                account(p, "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b"),
            ]);
        }
        for r in all {
            assert_eq!(route(r.path().as_str()), Some(r.clone()), "{r:?}");
        }
    }

    #[test]
    fn a_trailing_slash_names_the_same_page() {
        assert_eq!(route("/login/"), Some(Route::Login));
        assert_eq!(
            route("/integrations/aws/"),
            Some(Route::List(Provider::Aws))
        );
        assert_eq!(
            route("/integrations/azure/a1/"),
            Some(account(Provider::Azure, "a1"))
        );
    }

    #[test]
    fn other_paths_are_not_found() {
        for path in [
            "",
            "//",
            "/loginx",
            "/integrations/gcp",
            "/integrations/microsoft/m365x",
            "/integrations/microsoft/other",
            "/integrations/aws//",
            "/integrations/aws/a1/edit",
            "/integrations/awsx/a1",
            "/integrations/aws/..",
            "/integrations/aws/.",
            "/integrations/aws/a%2F1",
            "/integrations/aws/a\\1",
            "/integrations/aws/a:1",
            "/integrations/aws/\t",
            "/integrations/aws/\u{e9}",
        ] {
            assert_eq!(route(path), None, "{path:?}");
        }
    }

    #[test]
    fn labels_match_the_pages() {
        assert_eq!(Route::List(Provider::Aws).label(), Some("AWS"));
        assert_eq!(Route::List(Provider::Azure).label(), Some("Azure"));
        assert_eq!(Route::List(Provider::Microsoft).label(), Some("M365"));
        assert_eq!(Route::New(Provider::Azure).label(), Some("New"));
        assert_eq!(account(Provider::Aws, "a1").label(), None);
    }

    #[test]
    fn only_log_in_and_create_account_are_public() {
        assert!(Route::Login.is_public() && Route::Signup.is_public());
        assert!(!Route::Home.is_public() && !Route::Welcome.is_public());
    }
}
