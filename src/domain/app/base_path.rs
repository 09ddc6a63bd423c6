//! The sub-path the app is served under, so that one build works at `/` and at
//! `/tools/link/`.

/// The router base for a document whose `<base href>` resolved to `base_uri`.
///
/// Returns `""` at the root and `"/tools/link"` (no trailing slash) below it,
/// which is the form `leptos_router` expects.
pub fn router_base(base_uri: &str) -> String {
    let after_scheme = base_uri
        .split_once("://")
        .map_or(base_uri, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("/");
    // A base pointing at a file (index.html) means its folder.
    let dir = match path.rfind('/') {
        Some(i) => &path[..=i],
        None => "/",
    };
    dir.trim_end_matches('/').to_string()
}

/// Joins the base with a path such as `/logos/aws.svg` or `/integrations`.
///
/// An `href` or `src` is used as it is, so asset URLs and links to app pages
/// (through `AppPath::href`) both need the base.
pub fn href(base: &str, path: &str) -> String {
    format!("{base}{path}")
}

/// The app path for a browser pathname: `/tools/link/login` is `/login` under
/// the base `/tools/link`.
///
/// `use_location().pathname` still carries the base, while `routes::route`
/// reads app paths. The result is only read, never navigated to: moves go
/// through an `AppPath`, which a `Route` builds.
pub fn app_path(base: &str, pathname: &str) -> String {
    let base = base.trim_end_matches('/');
    match pathname.strip_prefix(base) {
        Some("") => "/".to_string(),
        Some(rest) if rest.starts_with('/') => rest.to_string(),
        // Not under the base (or only a name sharing its prefix): left alone.
        _ => pathname.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_has_an_empty_base() {
        assert_eq!(router_base("http://127.0.0.1:8080/"), "");
        assert_eq!(router_base("http://127.0.0.1:8080/index.html"), "");
    }

    #[test]
    fn sub_paths_lose_the_trailing_slash() {
        assert_eq!(
            router_base("https://cdn.example/tools/link/"),
            "/tools/link"
        );
        assert_eq!(
            router_base("https://cdn.example/tools/link/index.html?x=1"),
            "/tools/link"
        );
    }

    #[test]
    fn href_joins_base_and_path() {
        assert_eq!(
            href("/tools/link", "/logos/aws.svg"),
            "/tools/link/logos/aws.svg"
        );
        assert_eq!(href("", "/logos/aws.svg"), "/logos/aws.svg");
    }

    #[test]
    fn app_path_drops_the_base() {
        assert_eq!(app_path("/tools/link", "/tools/link/login"), "/login");
        assert_eq!(app_path("/tools/link", "/tools/link/"), "/");
        assert_eq!(app_path("/tools/link", "/tools/link"), "/");
        let new = crate::domain::app::routes::Route::New(crate::domain::links::Provider::Microsoft)
            .path();
        let pathname = new.href("/tools/link");
        assert_eq!(app_path("/tools/link", &pathname), new.as_str());
    }

    #[test]
    fn app_path_at_the_root_is_the_pathname() {
        assert_eq!(app_path("", "/login"), "/login");
        assert_eq!(app_path("", "/"), "/");
    }

    #[test]
    fn app_path_leaves_paths_outside_the_base_alone() {
        assert_eq!(
            app_path("/tools/link", "/tools/linker/x"),
            "/tools/linker/x"
        );
        assert_eq!(app_path("/tools/link", "/other"), "/other");
    }
}
