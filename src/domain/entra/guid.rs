//! GUIDs as Microsoft shows them (Directory ID, Application ID, subscription ID).
//!
//! People copy these from the Entra admin center, PowerShell (`{…}` braces) or a
//! mail with stray spaces, so parsing forgives case, braces and outer whitespace,
//! but nothing that could turn a typo into a different ID.

use crate::domain::text::{field_error, text_value};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A sample shown in messages and placeholders (Microsoft's own tenant).
pub const EXAMPLE_GUID: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";

const LEN: usize = 36;
const HYPHENS: [usize; 4] = [8, 13, 18, 23];

/// Lowercase hyphenated 8-4-4-4-12 text, kept as bytes so the type is `Copy`
/// and still lends out `&str` for URLs.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Guid([u8; LEN]);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GuidError {
    Empty,
    WrongShape,
    UnbalancedBraces,
}

impl GuidError {
    pub fn message(&self) -> &'static str {
        match self {
            GuidError::Empty => "Enter an ID",
            GuidError::WrongShape => {
                "Enter 32 hexadecimal digits in groups of 8-4-4-4-12 separated by hyphens, \
                 such as 72f988bf-86f1-41af-91ab-2d7cd011db47"
            }
            GuidError::UnbalancedBraces => {
                "The ID has a brace on one side only: remove it, or wrap the whole ID in { }"
            }
        }
    }
}

/// Strips whitespace and one matched pair of braces, leaving the text that must
/// be the bare GUID. Shared with `tenant`, which needs the same view to decide
/// whether a string was meant as a GUID.
pub(crate) fn unwrap_braces(input: &str) -> Result<&str, GuidError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(GuidError::Empty);
    }
    match (s.strip_prefix('{'), s.ends_with('}')) {
        (Some(rest), true) => Ok(rest.strip_suffix('}').unwrap_or("")),
        (None, false) => Ok(s),
        _ => Err(GuidError::UnbalancedBraces),
    }
}

impl Guid {
    pub fn parse(input: &str) -> Result<Guid, GuidError> {
        let s = unwrap_braces(input)?;
        let bytes = s.as_bytes();
        if bytes.len() != LEN {
            return Err(GuidError::WrongShape);
        }
        let mut out = [0u8; LEN];
        for (i, &b) in bytes.iter().enumerate() {
            let ok = if HYPHENS.contains(&i) {
                b == b'-'
            } else {
                b.is_ascii_hexdigit()
            };
            if !ok {
                return Err(GuidError::WrongShape);
            }
            out[i] = b.to_ascii_lowercase();
        }
        Ok(Guid(out))
    }

    /// A fresh random (version 4) GUID, e.g. for a client assertion's `jti`.
    pub fn new_random() -> Guid {
        let text = uuid::Uuid::new_v4().hyphenated().to_string();
        Guid::parse(&text).expect("uuid renders the 8-4-4-4-12 form")
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("only ASCII is ever stored")
    }
}

impl fmt::Debug for Guid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Guid({})", self.as_str())
    }
}

text_value!(Guid, GuidError);
field_error!(GuidError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn braces_and_upper_case_become_lowercase_hyphenated() {
        let g = Guid::parse("{72F988BF-86F1-41AF-91AB-2D7CD011DB47}").unwrap();
        assert_eq!(g.as_str(), EXAMPLE_GUID);
        assert_eq!(g.to_string(), EXAMPLE_GUID);
    }

    #[test]
    fn surrounding_whitespace_is_ignored() {
        let g = Guid::parse("  72f988bf-86f1-41af-91ab-2d7cd011db47 \n").unwrap();
        assert_eq!(g.as_str(), EXAMPLE_GUID);
        let g = Guid::parse("\t{72f988bf-86f1-41af-91ab-2d7cd011db47}  ").unwrap();
        assert_eq!(g.as_str(), EXAMPLE_GUID);
    }

    #[test]
    fn empty_and_blank_are_empty() {
        assert_eq!(Guid::parse(""), Err(GuidError::Empty));
        assert_eq!(Guid::parse("   "), Err(GuidError::Empty));
    }

    #[test]
    fn one_sided_braces_are_unbalanced() {
        for s in [
            "{72f988bf-86f1-41af-91ab-2d7cd011db47",
            "72f988bf-86f1-41af-91ab-2d7cd011db47}",
            "{",
        ] {
            assert_eq!(Guid::parse(s), Err(GuidError::UnbalancedBraces), "{s}");
        }
    }

    #[test]
    fn anything_but_the_8_4_4_4_12_form_is_the_wrong_shape() {
        for s in [
            "72f988bf86f141af91ab2d7cd011db47",         // no hyphens
            "72f988bf-86f1-41af-91ab-2d7cd011db4",      // one digit short
            "72f988bf-86f1-41af-91ab-2d7cd011db477",    // one digit long
            "72f988bf-86f1-41af-91ab-2d7cd011db4g",     // not hex
            "72f988b-f86f1-41af-91ab-2d7cd011db47",     // hyphen moved
            "{ 72f988bf-86f1-41af-91ab-2d7cd011db47 }", // space inside braces
            "{}",
            "urn:uuid:72f988bf-86f1-41af-91ab-2d7cd011db47",
            "72f988bf-86f1-41af-91ab-2d7cd011dbé",
        ] {
            assert_eq!(Guid::parse(s), Err(GuidError::WrongShape), "{s}");
        }
    }

    #[test]
    fn wrong_shape_message_shows_an_example() {
        assert!(GuidError::WrongShape.message().contains(EXAMPLE_GUID));
        assert_eq!(
            GuidError::WrongShape.to_string(),
            GuidError::WrongShape.message()
        );
    }

    #[test]
    fn serde_uses_the_canonical_text_and_revalidates() {
        let g = Guid::parse(EXAMPLE_GUID).unwrap();
        let json = serde_json::to_string(&g).unwrap();
        assert_eq!(json, format!("\"{EXAMPLE_GUID}\""));
        let back: Guid =
            serde_json::from_str("\"{72F988BF-86F1-41AF-91AB-2D7CD011DB47}\"").unwrap();
        assert_eq!(back, g);
        assert!(serde_json::from_str::<Guid>("\"not-a-guid\"").is_err());
    }

    #[test]
    fn random_guids_are_version_4_and_distinct() {
        let a = Guid::new_random();
        let b = Guid::new_random();
        assert_ne!(a, b);
        assert_eq!(&a.as_str()[14..15], "4");
        assert_eq!(Guid::parse(a.as_str()), Ok(a));
    }
}
