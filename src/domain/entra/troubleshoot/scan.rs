//! Finding the codes and values in an error as platforms print it: plain
//! text with line breaks, JSON with escaped `\r\n`, PowerShell transcripts.

use super::input::{bounded, InputError};
use super::time::parse_utc;

/// A value longer than this is not an ID, a thumbprint or a time.
const MAX_VALUE: usize = 200;

/// What a pasted error says, as far as the checks need it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErrorText {
    /// AADSTS codes in the order they first appear.
    pub codes: Vec<u32>,
    /// Exchange Online's `UnAuthorized` from Connect-ExchangeOnline.
    pub exchange_unauthorized: bool,
    /// Exchange Online's "The role assigned to application … isn't supported".
    pub exchange_role_unsupported: bool,
    pub application_id: Option<String>,
    /// The directory or tenant the message names: a GUID, domain or name.
    pub directory: Option<String>,
    /// "Thumbprint of key used by client", as printed.
    pub thumbprint: Option<String>,
    /// 500011's resource principal.
    pub resource: Option<String>,
    /// The message's `Timestamp:`.
    pub timestamp_unix: Option<i64>,
    /// 700024's "Current time" (Microsoft's clock) and the assertion's window.
    pub microsoft_time_unix: Option<i64>,
    pub assertion_from_unix: Option<i64>,
    pub assertion_until_unix: Option<i64>,
    pub trace_id: Option<String>,
    pub correlation_id: Option<String>,
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.to_ascii_lowercase().find(&needle.to_ascii_lowercase())
}

/// The text after `marker`, up to the first of `ends` (or the end), trimmed;
/// `None` if empty or too long to be a value.
fn after<'a>(text: &'a str, marker: &str, ends: &[char]) -> Option<&'a str> {
    let start = find_ci(text, marker)? + marker.len();
    let rest = text.get(start..)?;
    let end = rest.find(|c: char| ends.contains(&c)).unwrap_or(rest.len());
    let value = rest[..end].trim();
    (!value.is_empty() && value.len() <= MAX_VALUE).then_some(value)
}

/// A value quoted with `'` right after `marker`.
fn quoted<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    after(text, marker, &['\'', '\n', '\r', '"'])
}

/// A word right after `marker`: ends at white space, a quote, a comma, or a
/// full stop followed by a space or the end.
fn word<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    let value = after(text, marker, &[' ', '\n', '\r', '\t', '\'', '"', ',', '\\'])?;
    let value = value.strip_suffix('.').unwrap_or(value);
    (!value.is_empty()).then_some(value)
}

/// Every `AADSTS<digits>`, and the numbers of a JSON `error_codes` array.
fn codes(text: &str) -> Vec<u32> {
    let upper = text.to_ascii_uppercase();
    let mut found = Vec::new();
    let mut push = |digits: &str| {
        if (5..=8).contains(&digits.len()) {
            if let Ok(n) = digits.parse::<u32>() {
                if !found.contains(&n) {
                    found.push(n);
                }
            }
        }
    };
    for (i, _) in upper.match_indices("AADSTS") {
        let rest = &upper[i + 6..];
        let end = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        push(&rest[..end]);
    }
    if let Some(i) = upper.find("\"ERROR_CODES\"") {
        let rest = &upper[i..];
        if let (Some(open), Some(close)) = (rest.find('['), rest.find(']')) {
            if open < close {
                for n in rest[open + 1..close].split(',') {
                    push(n.trim());
                }
            }
        }
    }
    found
}

fn time_after(text: &str, marker: &str) -> Option<i64> {
    parse_utc(after(text, marker, &[',', '\n', '\r', '"', '\\', 'Z'])?)
}

/// Reads `text`; refuses it when empty or longer than `MAX_INPUT_CHARS`.
pub fn scan(text: &str) -> Result<ErrorText, InputError> {
    let text = bounded(text)?;
    let application_id = quoted(text, "Application with identifier '")
        .or_else(|| word(text, "The client application "))
        .or_else(|| word(text, "role assigned to application "))
        .or_else(|| quoted(text, "keys for app Id '"))
        .map(str::to_string);
    let directory = quoted(text, "was not found in the directory '")
        .or_else(|| quoted(text, "Tenant '"))
        .or_else(|| word(text, "missing service principal in the tenant "))
        .or_else(|| word(text, "was not found in the tenant named "))
        .map(str::to_string);
    Ok(ErrorText {
        codes: codes(text),
        exchange_unauthorized: text.contains("UnAuthorized"),
        exchange_role_unsupported: find_ci(text, "role assigned to application").is_some()
            && find_ci(text, "supported").is_some(),
        application_id,
        directory,
        thumbprint: quoted(text, "Thumbprint of key used by client: '").map(str::to_string),
        resource: word(text, "The resource principal named ").map(str::to_string),
        timestamp_unix: time_after(text, "Timestamp: ")
            .or_else(|| time_after(text, "\"timestamp\": \"")),
        microsoft_time_unix: time_after(text, "Current time: "),
        assertion_from_unix: time_after(text, "assertion valid from "),
        assertion_until_unix: time_after(text, "expiry time of assertion "),
        trace_id: word(text, "Trace ID: ").map(str::to_string),
        correlation_id: word(text, "Correlation ID: ").map(str::to_string),
    })
}
