//! Web origins as `config.json` names them, compared with what the browser
//! reports (`MessageEvent.origin`, `location.ancestorOrigins`): lower-case
//! scheme and host, no default port, nothing after the port.

/// Hosts that `http://` may use: this machine only, for local testing.
const LOOPBACK: [&str; 3] = ["localhost", "127.0.0.1", "[::1]"];

/// Why a value is not an origin the app will talk to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OriginError {
    Scheme,
    NotLoopback,
    Host,
    Port,
    Path,
}

impl OriginError {
    pub fn message(&self) -> &'static str {
        match self {
            OriginError::Scheme => {
                "must be an origin that starts with https:// (http:// only on localhost)"
            }
            OriginError::NotLoopback => {
                "must be an https:// origin: http:// is allowed only for localhost, 127.0.0.1 or [::1]"
            }
            OriginError::Host => "must be an origin with a plain host name, such as https://portal.example.com",
            OriginError::Port => "must be an origin whose port is a number from 1 to 65535",
            OriginError::Path => {
                "must be an origin only (scheme, host and port), with no path, query, fragment or user name"
            }
        }
    }
}

fn is_label(label: &str) -> bool {
    !label.is_empty()
        && label.len() <= 63
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Splits `host[:port]`, keeping a bracketed IPv6 host whole.
fn split_port(authority: &str) -> Result<(&str, Option<&str>), OriginError> {
    let after_host = if authority.starts_with('[') {
        authority.find(']').map_or(authority.len(), |i| i + 1)
    } else {
        authority.find(':').unwrap_or(authority.len())
    };
    let (host, rest) = authority.split_at(after_host);
    if rest.is_empty() {
        return Ok((host, None));
    }
    // Anything after `]` but a port, as in `[::1].evil.example`.
    rest.strip_prefix(':')
        .map(|port| (host, Some(port)))
        .ok_or(OriginError::Host)
}

/// Whether a normalised origin (from `parse_origin`) is on this machine.
pub fn is_loopback_origin(origin: &str) -> bool {
    let Some((_, authority)) = origin.split_once("://") else {
        return false;
    };
    split_port(authority).is_ok_and(|(host, _)| LOOPBACK.contains(&host))
}

/// The normalised origin, as a browser would serialise it.
pub fn parse_origin(input: &str) -> Result<String, OriginError> {
    let lower = input.trim().to_ascii_lowercase();
    let (scheme, rest) = lower.split_once("://").ok_or(OriginError::Scheme)?;
    let default_port = match scheme {
        "https" => "443",
        "http" => "80",
        _ => return Err(OriginError::Scheme),
    };
    // One trailing slash is how people often write an origin; more is a path.
    let authority = rest.strip_suffix('/').unwrap_or(rest);
    if authority.contains(['/', '?', '#', '@', '\\']) {
        return Err(OriginError::Path);
    }
    let (host, port) = split_port(authority)?;
    let loopback = LOOPBACK.contains(&host);
    if !loopback && !host.split('.').all(is_label) {
        return Err(OriginError::Host);
    }
    if scheme == "http" && !loopback {
        return Err(OriginError::NotLoopback);
    }
    let port = match port {
        None => None,
        Some(p) => {
            let valid = !p.is_empty()
                && p.len() <= 5
                && p.bytes().all(|b| b.is_ascii_digit())
                && p.parse::<u32>().is_ok_and(|n| (1..=65535).contains(&n));
            if !valid {
                return Err(OriginError::Port);
            }
            let p = p.trim_start_matches('0');
            (p != default_port).then_some(p)
        }
    };
    Ok(match port {
        Some(p) => format!("{scheme}://{host}:{p}"),
        None => format!("{scheme}://{host}"),
    })
}
