//! The two encodings the sign-in needs: percent-encoding for URLs and form
//! bodies (RFC 3986 §2), and reading `a=b&c=d` back from a callback URL.

/// Everything but the unreserved set is escaped, so the same text is safe in
/// a query, a fragment and an `application/x-www-form-urlencoded` body.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `key=value&…`, in the order given.
pub fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Undoes `percent_encode` and the form encoding's `+` for a space. `None`
/// for a broken escape or bytes that are not UTF-8: such a callback did not
/// come from Microsoft.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hi = hex(*bytes.get(i + 1)?)?;
                let lo = hex(*bytes.get(i + 2)?)?;
                out.push(hi << 4 | lo);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The pairs of a query or fragment (a leading `?` or `#` is ignored).
pub fn parse_pairs(text: &str) -> Option<Vec<(String, String)>> {
    let text = text.trim_start_matches(['?', '#']);
    if text.is_empty() {
        return Some(Vec::new());
    }
    text.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Some((percent_decode(k)?, percent_decode(v)?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_unreserved_set_goes_through_unescaped() {
        assert_eq!(percent_encode("aZ09-._~"), "aZ09-._~");
        assert_eq!(
            percent_encode("https://a.example/x y?q=1&r"),
            "https%3A%2F%2Fa.example%2Fx%20y%3Fq%3D1%26r"
        );
        assert_eq!(percent_encode("é"), "%C3%A9");
        assert_eq!(form(&[("a b", "c&d"), ("e", "")]), "a%20b=c%26d&e=");
    }

    #[test]
    fn decoding_round_trips_and_refuses_broken_escapes() {
        let text = "openid https://graph.microsoft.com/User.Read é&=#";
        assert_eq!(percent_decode(&percent_encode(text)).as_deref(), Some(text));
        assert_eq!(percent_decode("a+b").as_deref(), Some("a b"));
        for bad in ["%", "%4", "%zz", "%C3"] {
            assert_eq!(percent_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn pairs_keep_order_and_repeated_keys() {
        let got = parse_pairs("#code=abc&state=x%2By&state=z&flag").unwrap();
        let want = [
            ("code", "abc"),
            ("state", "x+y"),
            ("state", "z"),
            ("flag", ""),
        ];
        assert_eq!(got.len(), want.len());
        for ((k, v), (wk, wv)) in got.iter().zip(want) {
            assert_eq!((k.as_str(), v.as_str()), (wk, wv));
        }
        assert_eq!(parse_pairs("").unwrap(), vec![]);
        assert_eq!(parse_pairs("?a=%"), None);
    }
}
