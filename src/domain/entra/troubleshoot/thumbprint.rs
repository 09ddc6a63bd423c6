//! SHA-1 thumbprints as people and platforms print them: any case, with
//! colons, spaces or hyphens between the bytes.

/// 40 uppercase hex digits, or `None` when `text` is not a SHA-1 thumbprint.
pub fn normalize(text: &str) -> Option<String> {
    let hex: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ':' | ' ' | '-'))
        .collect();
    (hex.len() == 40 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| hex.to_ascii_uppercase())
}
