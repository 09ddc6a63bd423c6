//! Every path of the app, and where each page under Integrations sits.
//!
//! Links, redirects and breadcrumbs are built here, and `route` reads a path
//! back into the page it names, so that a path is spelled once. Pure, so it is
//! tested natively.

use crate::domain::links::Provider;

// Constants rather than functions where the route rules match on them.
pub const LOGIN: &str = "/login";
pub const SIGNUP: &str = "/signup";
pub const HOME: &str = "/";
pub const WELCOME: &str = "/welcome";
const INTEGRATIONS: &str = "/integrations";
const MICROSOFT: &str = "/integrations/microsoft";
/// The query key that opens an account page with its renewal started.
pub const RENEW: &str = "renew";

pub fn login() -> &'static str {
    LOGIN
}

pub fn signup() -> &'static str {
    SIGNUP
}

pub fn home() -> &'static str {
    HOME
}

pub fn integrations() -> &'static str {
    INTEGRATIONS
}

/// The Microsoft card's page, which offers its products.
pub fn microsoft() -> &'static str {
    MICROSOFT
}

/// Where a provider's card on Integrations leads.
pub fn provider(p: Provider) -> &'static str {
    match p {
        Provider::Aws | Provider::Azure => list(p),
        Provider::Microsoft => microsoft(),
    }
}

/// The linked accounts of a provider; Microsoft's are those of its M365 product.
pub fn list(p: Provider) -> &'static str {
    match p {
        Provider::Aws => "/integrations/aws",
        Provider::Azure => "/integrations/azure",
        Provider::Microsoft => "/integrations/microsoft/m365",
    }
}

pub fn new_account(p: Provider) -> String {
    format!("{}/new", list(p))
}

pub fn account(p: Provider, id: &str) -> String {
    format!("{}/{id}", list(p))
}

/// An account's page with the certificate renewal already open.
pub fn renew(p: Provider, id: &str) -> String {
    format!("{}?{RENEW}=1", account(p, id))
}

/// The page an app path names, as `app.rs` draws it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Login,
    Signup,
    Home,
    Welcome,
    Integrations,
    Microsoft,
    List(Provider),
    New(Provider),
    /// An account's page, with the id as it appears in the path.
    Account(Provider, String),
    NotFound,
}

/// Reads an app path (no base, no query) back into its page. One trailing
/// slash is ignored, so `/integrations/aws/` is the AWS list.
pub fn route(app_path: &str) -> Route {
    let path = match app_path.strip_suffix('/') {
        Some(p) if !p.is_empty() && !p.ends_with('/') => p,
        _ => app_path,
    };
    match path {
        LOGIN => return Route::Login,
        SIGNUP => return Route::Signup,
        HOME => return Route::Home,
        WELCOME => return Route::Welcome,
        INTEGRATIONS => return Route::Integrations,
        MICROSOFT => return Route::Microsoft,
        _ => {}
    }
    for p in Provider::ALL {
        let Some(rest) = path.strip_prefix(list(p)) else {
            continue;
        };
        return match rest.strip_prefix('/') {
            None if rest.is_empty() => Route::List(p),
            Some("new") => Route::New(p),
            Some(id) if !id.is_empty() && !id.contains('/') => Route::Account(p, id.to_string()),
            _ => continue,
        };
    }
    Route::NotFound
}

/// The side navigation's sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Home,
    Integrations,
}

/// The section an app path belongs to, judged by the path without the router
/// base so that `/tools/link` and `/tools/link/` are both Home.
pub fn section(app_path: &str) -> Option<Section> {
    if app_path == HOME {
        Some(Section::Home)
    } else if app_path == INTEGRATIONS || app_path.starts_with("/integrations/") {
        Some(Section::Integrations)
    } else {
        None
    }
}

/// The pages under Integrations, each with its place in the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Integrations,
    Microsoft,
    List(Provider),
    New(Provider),
    Account(Provider),
}

impl Page {
    /// The breadcrumb label; an account's page is named after the account.
    pub fn label(self) -> Option<&'static str> {
        match self {
            Page::Integrations => Some("Integrations"),
            Page::Microsoft => Some("Microsoft"),
            Page::List(Provider::Microsoft) => Some("M365"),
            Page::List(p @ (Provider::Aws | Provider::Azure)) => Some(p.label()),
            Page::New(_) => Some("New"),
            Page::Account(_) => None,
        }
    }

    pub fn parent(self) -> Option<Page> {
        match self {
            Page::Integrations => None,
            Page::Microsoft => Some(Page::Integrations),
            Page::List(Provider::Microsoft) => Some(Page::Microsoft),
            Page::List(Provider::Aws | Provider::Azure) => Some(Page::Integrations),
            Page::New(p) | Page::Account(p) => Some(Page::List(p)),
        }
    }

    /// `None` for an account's page, whose path needs the account's id.
    pub fn path(self) -> Option<String> {
        match self {
            Page::Integrations => Some(integrations().to_string()),
            Page::Microsoft => Some(microsoft().to_string()),
            Page::List(p) => Some(list(p).to_string()),
            Page::New(p) => Some(new_account(p)),
            Page::Account(_) => None,
        }
    }
}

/// The breadcrumbs above `page`: (label, path) of each page above it, from
/// Integrations down. An account's page is never above another page.
pub fn trail(page: Page) -> Vec<(&'static str, String)> {
    let mut trail = Vec::new();
    let mut above = page.parent();
    while let Some(p) = above {
        if let (Some(label), Some(path)) = (p.label(), p.path()) {
            trail.push((label, path));
        }
        above = p.parent();
    }
    trail.reverse();
    trail
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
        pairs.iter().map(|(l, p)| (*l, p.to_string())).collect()
    }

    #[test]
    fn account_paths_sit_under_their_list() {
        assert_eq!(list(Provider::Aws), "/integrations/aws");
        assert_eq!(list(Provider::Azure), "/integrations/azure");
        assert_eq!(list(Provider::Microsoft), "/integrations/microsoft/m365");
        assert_eq!(
            new_account(Provider::Microsoft),
            "/integrations/microsoft/m365/new"
        );
        assert_eq!(new_account(Provider::Aws), "/integrations/aws/new");
        assert_eq!(account(Provider::Azure, "a1"), "/integrations/azure/a1");
        assert_eq!(
            renew(Provider::Microsoft, "m1"),
            "/integrations/microsoft/m365/m1?renew=1"
        );
    }

    #[test]
    fn the_fixed_pages() {
        assert_eq!(
            [login(), signup(), home(), WELCOME],
            ["/login", "/signup", "/", "/welcome"]
        );
        assert_eq!(integrations(), "/integrations");
        assert_eq!(microsoft(), "/integrations/microsoft");
    }

    #[test]
    fn each_card_leads_to_the_provider_slug() {
        for p in Provider::ALL {
            assert_eq!(provider(p), format!("/integrations/{}", p.slug()));
        }
    }

    #[test]
    fn sections_include_their_sub_pages() {
        assert_eq!(section("/"), Some(Section::Home));
        assert_eq!(section("/integrations"), Some(Section::Integrations));
        assert_eq!(
            section("/integrations/microsoft/m365/new"),
            Some(Section::Integrations)
        );
        assert_eq!(section("/integrationsx"), None);
        assert_eq!(section("/welcome"), None);
        assert_eq!(section("/login"), None);
    }

    #[test]
    fn trails_lead_back_up_to_integrations() {
        let integrations = ("Integrations", "/integrations");
        let microsoft = ("Microsoft", "/integrations/microsoft");
        assert_eq!(trail(Page::Integrations), owned(&[]));
        assert_eq!(trail(Page::Microsoft), owned(&[integrations]));
        assert_eq!(
            trail(Page::List(Provider::Microsoft)),
            owned(&[integrations, microsoft])
        );
        assert_eq!(
            trail(Page::New(Provider::Microsoft)),
            owned(&[
                integrations,
                microsoft,
                ("M365", "/integrations/microsoft/m365")
            ])
        );
        assert_eq!(trail(Page::List(Provider::Azure)), owned(&[integrations]));
        assert_eq!(
            trail(Page::Account(Provider::Azure)),
            owned(&[integrations, ("Azure", "/integrations/azure")])
        );
        assert_eq!(
            trail(Page::New(Provider::Aws)),
            owned(&[integrations, ("AWS", "/integrations/aws")])
        );
    }

    #[test]
    fn every_built_path_reads_back_as_its_page() {
        use Route::*;
        assert_eq!(route(login()), Login);
        assert_eq!(route(signup()), Signup);
        assert_eq!(route(home()), Home);
        assert_eq!(route(WELCOME), Welcome);
        assert_eq!(route(integrations()), Integrations);
        assert_eq!(route(microsoft()), Microsoft);
        for p in Provider::ALL {
            assert_eq!(route(list(p)), List(p));
            assert_eq!(route(&new_account(p)), New(p));
            assert_eq!(route(&account(p, "a1")), Account(p, "a1".into()));
        }
    }

    #[test]
    fn a_trailing_slash_names_the_same_page() {
        assert_eq!(route("/login/"), Route::Login);
        assert_eq!(route("/integrations/aws/"), Route::List(Provider::Aws));
        assert_eq!(
            route("/integrations/azure/a1/"),
            Route::Account(Provider::Azure, "a1".into())
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
        ] {
            assert_eq!(route(path), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn labels_match_the_pages() {
        assert_eq!(Page::List(Provider::Aws).label(), Some("AWS"));
        assert_eq!(Page::List(Provider::Azure).label(), Some("Azure"));
        assert_eq!(Page::List(Provider::Microsoft).label(), Some("M365"));
        assert_eq!(Page::New(Provider::Azure).label(), Some("New"));
        assert_eq!(Page::Account(Provider::Aws).label(), None);
    }
}
