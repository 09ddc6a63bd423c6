//! Bash literals for values typed into the form.
//!
//! Inside single quotes Bash expands nothing, so `'…'` with each `'` written
//! as `'\''` keeps any text literal. Control characters are refused rather
//! than quoted: NUL cannot live in a Bash variable, and a carriage return or
//! terminal escape would make the script read differently on screen from what
//! it runs.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ControlCharacter;

/// `value` as one single-quoted Bash word.
pub fn single_quoted(value: &str) -> Result<String, ControlCharacter> {
    if value.chars().any(char::is_control) {
        return Err(ControlCharacter);
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
pub fn assignment(name: &str, value: &str) -> Result<String, ControlCharacter> {
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
        ] {
            assert_eq!(single_quoted(s), Err(ControlCharacter), "{s:?}");
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
