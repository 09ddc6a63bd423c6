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

/// Joins the base with an app path such as `/integrations`.
pub fn href(base: &str, path: &str) -> String {
    format!("{base}{path}")
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
}
