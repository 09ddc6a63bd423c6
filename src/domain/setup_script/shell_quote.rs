//! Bash literals for values typed into the form.
//!
//! Inside single quotes Bash expands nothing, so `'…'` with each `'` written
//! as `'\''` keeps any text literal. Some characters are refused rather than
//! quoted, because they would make the script read differently on screen from
//! what it runs: NUL cannot live in a Bash variable; a carriage return,
//! terminal escape or line separator (U+2028, U+2029) moves or hides text;
//! and a bidi override, zero-width space or other invisible character
//! reorders or hides it.

use crate::domain::text::is_invisible_character;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unquotable {
    /// A control character, or a line or paragraph separator.
    ControlCharacter,
    /// A format character or another invisible one (`is_invisible_character`).
    InvisibleCharacter,
}

/// `value` as one single-quoted Bash word.
pub fn single_quoted(value: &str) -> Result<String, Unquotable> {
    if value
        .chars()
        .any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
    {
        return Err(Unquotable::ControlCharacter);
    }
    if value.chars().any(is_invisible_character) {
        return Err(Unquotable::InvisibleCharacter);
    }
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        if c == '\'' {
            out.push_str("'\\''");
        } else {
            out.push(c);
        }
    }
    out.push('\'');
    Ok(out)
}

/// `NAME='value'` on its own line. ShellCheck warns that `$` and backticks do
/// not expand in single quotes; here that is the point, so the warning is
/// silenced for that one line.
pub fn assignment(name: &str, value: &str) -> Result<String, Unquotable> {
    let quoted = single_quoted(value)?;
    let silence = if value.contains(['$', '`']) {
        "# shellcheck disable=SC2016\n"
    } else {
        ""
    };
    Ok(format!("{silence}{name}={quoted}\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(s: &str) -> String {
        single_quoted(s).unwrap()
    }

    #[test]
    fn plain_text_is_wrapped_once() {
        assert_eq!(quoted("CloudLink Prod"), "'CloudLink Prod'");
        assert_eq!(quoted(""), "''");
    }

    #[test]
    fn single_quotes_close_escape_and_reopen() {
        assert_eq!(quoted("O'Brien"), r"'O'\''Brien'");
        assert_eq!(quoted("''"), r"''\'''\'''");
    }

    #[test]
    fn shell_syntax_and_non_ascii_stay_literal() {
        let hostile = "\"$HOME\" `id` ; rm -rf / $(x) \\ ! ü 日本";
        assert_eq!(quoted(hostile), format!("'{hostile}'"));
    }

    #[test]
    fn control_characters_are_refused() {
        for s in [
            "a\nb",
            "a\rb",
            "tab\there",
            "nul\0",
            "esc\u{1b}[31m",
            "c1\u{85}",
            "line\u{2028}separator",
            "paragraph\u{2029}separator",
        ] {
            assert_eq!(single_quoted(s), Err(Unquotable::ControlCharacter), "{s:?}");
        }
    }

    #[test]
    fn invisible_characters_are_refused() {
        for s in [
            "Contoso\u{202E}gpj.exe",
            "zero\u{200B}width",
            "isolate\u{2066}d\u{2069}",
            "mark\u{200F}",
            "\u{FEFF}bom",
            "tag\u{E0041}",
            "soft\u{AD}hyphen",
            "filler\u{3164}",
        ] {
            assert_eq!(
                single_quoted(s),
                Err(Unquotable::InvisibleCharacter),
                "{s:?}"
            );
            assert!(assignment("APP_NAME", s).is_err(), "{s:?}");
        }
    }

    #[test]
    fn assignment_is_one_line() {
        assert_eq!(
            assignment("APP_NAME", "it's").unwrap(),
            "APP_NAME='it'\\''s'\n"
        );
        assert!(assignment("APP_NAME", "a\nb").is_err());
        assert_eq!(
            assignment("APP_NAME", "$HOME").unwrap(),
            "# shellcheck disable=SC2016\nAPP_NAME='$HOME'\n"
        );
    }
}
