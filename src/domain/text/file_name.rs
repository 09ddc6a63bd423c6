//! File names for downloads (the certificate) derived from a person's account
//! name, which may contain anything a `DisplayName` allows.

const MAX_CHARS: usize = 64;
const FALLBACK: &str = "certificate";

/// A stem safe on every desktop file system and in a `download` attribute:
/// ASCII letters, digits, `-`, `_` and `.`, never starting with a dot (hidden
/// files) and with no runs of `-`.
pub fn safe_file_stem(name: &str) -> String {
    let mut out = String::with_capacity(name.len().min(MAX_CHARS));
    for c in name.chars() {
        let c = if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
            c
        } else {
            '-'
        };
        // Runs of '.' are collapsed too: ".." must not survive into a name.
        if matches!(c, '-' | '.') && out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    let trim = |s: &str| s.trim_matches(['-', '.']).to_string();
    let mut stem = trim(&out);
    if stem.len() > MAX_CHARS {
        // ASCII only by now, so a byte cut is a character cut.
        stem = trim(&stem[..MAX_CHARS]);
    }
    if stem.is_empty() {
        FALLBACK.to_string()
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_spaces_become_single_hyphens() {
        assert_eq!(
            safe_file_stem("Contoso Prod <script>"),
            "Contoso-Prod-script"
        );
        assert_eq!(safe_file_stem("a  /\\  b"), "a-b");
    }

    #[test]
    fn allowed_characters_are_kept() {
        assert_eq!(safe_file_stem("contoso_prod-2.eu"), "contoso_prod-2.eu");
    }

    #[test]
    fn no_leading_dot_or_traversal() {
        assert_eq!(safe_file_stem(".hidden"), "hidden");
        assert_eq!(safe_file_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(safe_file_stem("a..b"), "a.b");
        assert_eq!(safe_file_stem("-.-name-.-"), "name");
    }

    #[test]
    fn non_ascii_is_replaced() {
        assert_eq!(safe_file_stem("Zürich Büro"), "Z-rich-B-ro");
    }

    #[test]
    fn falls_back_when_nothing_is_left() {
        assert_eq!(safe_file_stem(""), "certificate");
        assert_eq!(safe_file_stem("   "), "certificate");
        assert_eq!(safe_file_stem("日本語"), "certificate");
        assert_eq!(safe_file_stem("..."), "certificate");
    }

    #[test]
    fn at_most_64_characters_without_a_dangling_hyphen() {
        assert_eq!(safe_file_stem(&"a".repeat(100)), "a".repeat(64));
        let cut_at_hyphen = format!("{} b", "a".repeat(63));
        assert_eq!(safe_file_stem(&cut_at_hyphen), "a".repeat(63));
    }
}
