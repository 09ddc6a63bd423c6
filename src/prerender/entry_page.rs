//! The entry page as the build finishes it, as plain text: trunk's
//! `index.html` in, the page served to a first visit out.

/// A `<link …>` or `<base …>` tag: where it sits in the page and its
/// attributes (names lower-cased, values unquoted).
struct Tag {
    start: usize,
    end: usize,
    attributes: Vec<(String, String)>,
}

impl Tag {
    fn get(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Every `<name …>` tag in `html`. Trunk's minifier leaves values unquoted
/// where it can (`<base href=/>`), so values end at a quote or at a space or
/// `>`, as the HTML parser reads them.
fn tags(html: &str, name: &str) -> Vec<Tag> {
    let lower = html.to_ascii_lowercase();
    let open = format!("<{name}");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find(&open).map(|i| i + from) {
        from = at + open.len();
        let bytes = html.as_bytes();
        if !bytes
            .get(from)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
        {
            continue;
        }
        let mut attributes = Vec::new();
        let mut i = from;
        let end = loop {
            while bytes
                .get(i)
                .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
            {
                i += 1;
            }
            match bytes.get(i) {
                None => break html.len(),
                Some(b'>') => break i + 1,
                Some(_) => {}
            }
            let name_start = i;
            while bytes
                .get(i)
                .is_some_and(|b| !b.is_ascii_whitespace() && !b"=>/".contains(b))
            {
                i += 1;
            }
            let attr = html[name_start..i].to_ascii_lowercase();
            let mut value = String::new();
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                match bytes.get(i) {
                    Some(q @ (b'"' | b'\'')) => {
                        let close = html[i + 1..]
                            .find(*q as char)
                            .map_or(html.len(), |c| c + i + 1);
                        value = html[i + 1..close].to_string();
                        i = (close + 1).min(html.len());
                    }
                    _ => {
                        let start = i;
                        while bytes
                            .get(i)
                            .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>')
                        {
                            i += 1;
                        }
                        value = html[start..i].to_string();
                    }
                }
            }
            attributes.push((attr, value));
        };
        out.push(Tag {
            start: at,
            end,
            attributes,
        });
        from = end;
    }
    out
}

/// The page's `<base href>`, with a trailing slash: `/` or `/tools/link/`.
pub fn base_href(html: &str) -> String {
    let href = tags(html, "base")
        .first()
        .and_then(|t| t.get("href").map(str::to_string))
        .unwrap_or_else(|| "/".into());
    if href.ends_with('/') {
        href
    } else {
        href + "/"
    }
}

/// Moves the requests for the wasm and its JavaScript loader to just after
/// `<base>`, wasm first and with a high priority. Trunk writes them last;
/// the wasm is nearly all of the bytes a first visit waits for, so the
/// browser asks for it from the first bytes of the page on, and the loader's
/// own fetch then takes the preloaded response.
pub fn requests_first(html: &str) -> Result<String, String> {
    let links = tags(html, "link");
    let rel = |t: &Tag| t.get("rel").unwrap_or_default().to_ascii_lowercase();
    let wasm: Vec<&Tag> = links
        .iter()
        .filter(|t| rel(t) == "preload" && t.get("href").is_some_and(|h| h.ends_with(".wasm")))
        .collect();
    let loader: Vec<&Tag> = links.iter().filter(|t| rel(t) == "modulepreload").collect();
    let ([wasm], [loader]) = (wasm.as_slice(), loader.as_slice()) else {
        return Err(format!(
            "expected one wasm preload and one modulepreload, found {} and {}",
            wasm.len(),
            loader.len()
        ));
    };
    let mut wasm_tag = html[wasm.start..wasm.end].to_string();
    if wasm.get("fetchpriority").is_none() {
        wasm_tag.replace_range(..5, "<link fetchpriority=high");
    }
    let loader_tag = &html[loader.start..loader.end];
    let mut rest = String::with_capacity(html.len());
    let mut at = 0;
    let mut moved = [wasm, loader];
    moved.sort_by_key(|t| t.start);
    for t in moved {
        rest.push_str(&html[at..t.start]);
        at = t.end;
    }
    rest.push_str(&html[at..]);
    let base = tags(&rest, "base")
        .into_iter()
        .next()
        .ok_or("no <base> in index.html")?;
    Ok(format!(
        "{}{wasm_tag}{loader_tag}{}",
        &rest[..base.end],
        &rest[base.end..]
    ))
}

/// Puts each page, by the id of its `<template>`, at the end of `<body>`,
/// for the start script to show until the app has mounted.
pub fn with_templates(html: &str, pages: &[(String, String)]) -> Result<String, String> {
    let at = html.rfind("</body>").ok_or("no </body> in index.html")?;
    let templates: String = pages
        .iter()
        .map(|(id, body)| format!(r#"<template id="{id}">{body}</template>"#))
        .collect();
    Ok(format!("{}{templates}{}", &html[..at], &html[at..]))
}

/// `html` without its comments: the marks a rendered view leaves for the
/// app's updates, of no use in a copy the app replaces when it mounts.
pub fn without_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<!") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let end = if after.starts_with("<!--") {
            after.find("-->").map_or(after.len(), |e| e + 3)
        } else {
            after.find('>').map_or(after.len(), |e| e + 1)
        };
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = "<!doctype html><html lang=en><title>CloudLink</title><base href=/tools/link/>\
        <script>a()</script><link href=/main.css rel=stylesheet>\
        <link crossorigin href=/cloudlink-1.js integrity=sha384-x rel=modulepreload>\
        <link as=fetch crossorigin href=/cloudlink-1_bg.wasm integrity=sha384-y rel=preload type=application/wasm>\
        <body><noscript>n</noscript></body></html>";

    #[test]
    fn the_wasm_and_its_loader_come_right_after_base_wasm_first() {
        let out = requests_first(TRUNK).unwrap();
        assert!(out.starts_with(
            "<!doctype html><html lang=en><title>CloudLink</title><base href=/tools/link/>\
             <link fetchpriority=high as=fetch crossorigin href=/cloudlink-1_bg.wasm integrity=sha384-y rel=preload type=application/wasm>\
             <link crossorigin href=/cloudlink-1.js integrity=sha384-x rel=modulepreload><script>a()</script><link href=/main.css rel=stylesheet><body>"
        ), "{out}");
        assert_eq!(out.len(), TRUNK.len() + "fetchpriority=high ".len());
        // Run again on its own output, it changes nothing more.
        assert_eq!(requests_first(&out).unwrap(), out);
    }

    #[test]
    fn quoted_attributes_read_the_same() {
        let html = r#"<base href="/"><link rel="modulepreload" href="/a.js"><link rel='preload' href='/a_bg.wasm'><body></body>"#;
        let out = requests_first(html).unwrap();
        assert_eq!(
            out,
            r#"<base href="/"><link fetchpriority=high rel='preload' href='/a_bg.wasm'><link rel="modulepreload" href="/a.js"><body></body>"#
        );
    }

    #[test]
    fn a_page_without_the_wasm_is_refused() {
        let err = requests_first("<base href=/><body></body>").unwrap_err();
        assert!(err.contains("found 0 and 0"), "{err}");
    }

    #[test]
    fn the_base_href_ends_with_a_slash() {
        assert_eq!(base_href(TRUNK), "/tools/link/");
        assert_eq!(base_href("<base href=/>"), "/");
        assert_eq!(base_href(r#"<base href="/a">"#), "/a/");
        assert_eq!(base_href("<p>"), "/");
    }

    #[test]
    fn templates_go_at_the_end_of_body() {
        let out = with_templates(
            TRUNK,
            &[("prerender-login".into(), "<h1>Log in</h1>".into())],
        )
        .unwrap();
        assert!(out.ends_with(
            r#"<noscript>n</noscript><template id="prerender-login"><h1>Log in</h1></template></body></html>"#
        ));
        assert!(with_templates("<p>", &[]).is_err());
    }

    #[test]
    fn comments_go_and_text_stays() {
        assert_eq!(
            without_comments("<p>a<!>b<!---->c<!--<() />--></p><!--x"),
            "<p>abc</p>"
        );
        assert_eq!(without_comments("a < b"), "a < b");
    }
}
