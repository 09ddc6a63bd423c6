//! Invisible characters that change how text around them is shown: Unicode
//! general category Cf (bidi overrides and isolates, direction marks, zero-width
//! characters, the byte-order mark, tags), and the few other characters that
//! are drawn as nothing. In a name they can make a setup script or a
//! certificate subject read differently from what it holds.

/// Every Cf range of Unicode 15.
const FORMAT_RANGES: [(char, char); 21] = [
    ('\u{00AD}', '\u{00AD}'),
    ('\u{0600}', '\u{0605}'),
    ('\u{061C}', '\u{061C}'),
    ('\u{06DD}', '\u{06DD}'),
    ('\u{070F}', '\u{070F}'),
    ('\u{0890}', '\u{0891}'),
    ('\u{08E2}', '\u{08E2}'),
    ('\u{180E}', '\u{180E}'),
    ('\u{200B}', '\u{200F}'),
    ('\u{202A}', '\u{202E}'),
    ('\u{2060}', '\u{2064}'),
    ('\u{2066}', '\u{206F}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFF9}', '\u{FFFB}'),
    ('\u{110BD}', '\u{110BD}'),
    ('\u{110CD}', '\u{110CD}'),
    ('\u{13430}', '\u{1343F}'),
    ('\u{1BCA0}', '\u{1BCA3}'),
    ('\u{1D173}', '\u{1D17A}'),
    ('\u{E0001}', '\u{E0001}'),
    ('\u{E0020}', '\u{E007F}'),
];

/// Characters outside Cf that Unicode marks default-ignorable (shown as
/// nothing) and that stand for nothing on their own: the combining grapheme
/// joiner, the Hangul fillers, Khmer's inherent vowels, Mongolian's free
/// variation selectors and the unassigned ignorable ranges. Variation
/// selectors, also default-ignorable, are left out: emoji need them, and
/// they only choose how the character before them is drawn.
const INVISIBLE_RANGES: [(char, char); 10] = [
    ('\u{034F}', '\u{034F}'),
    ('\u{115F}', '\u{1160}'),
    ('\u{17B4}', '\u{17B5}'),
    ('\u{180B}', '\u{180D}'),
    ('\u{180F}', '\u{180F}'),
    ('\u{3164}', '\u{3164}'),
    ('\u{FFA0}', '\u{FFA0}'),
    ('\u{FFF0}', '\u{FFF8}'),
    ('\u{E0000}', '\u{E0000}'),
    ('\u{E0002}', '\u{E001F}'),
];

fn within(ranges: &[(char, char)], c: char) -> bool {
    ranges
        .iter()
        .any(|&(first, last)| (first..=last).contains(&c))
}

/// Whether `c` is a format character (general category Cf).
pub fn is_format_character(c: char) -> bool {
    within(&FORMAT_RANGES, c)
}

/// Whether `c` is a format character or another character that is drawn as
/// nothing (see `INVISIBLE_RANGES`): text holding one reads differently from
/// what it holds.
pub fn is_invisible_character(c: char) -> bool {
    is_format_character(c) || within(&INVISIBLE_RANGES, c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_and_invisible_characters_are_format_characters() {
        for c in [
            '\u{202E}',
            '\u{202A}',
            '\u{2066}',
            '\u{2067}',
            '\u{2068}',
            '\u{2069}',
            '\u{200E}',
            '\u{200F}',
            '\u{061C}',
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{2060}',
            '\u{FEFF}',
            '\u{00AD}',
            '\u{E0001}',
            '\u{E007F}',
        ] {
            assert!(is_format_character(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn letters_digits_spaces_and_marks_are_not() {
        for c in "Contoso Prod 2 Zürich 東京 مرحبا עברית é\u{301}-_.()&".chars() {
            assert!(!is_format_character(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn fillers_and_joiners_are_invisible_but_emoji_selectors_are_not() {
        for c in [
            '\u{202E}', '\u{200B}', '\u{034F}', '\u{115F}', '\u{3164}', '\u{FFA0}',
        ] {
            assert!(is_invisible_character(c), "U+{:04X}", c as u32);
        }
        for c in "Prod ❤\u{FE0F} Zürich 東京 é\u{301}".chars() {
            assert!(!is_invisible_character(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn ranges_are_sorted_and_do_not_overlap() {
        for ranges in [&FORMAT_RANGES[..], &INVISIBLE_RANGES[..]] {
            for pair in ranges.windows(2) {
                assert!(pair[0].0 <= pair[0].1 && pair[0].1 < pair[1].0);
            }
        }
        for &(first, last) in &INVISIBLE_RANGES {
            assert!(!is_format_character(first) && !is_format_character(last));
        }
    }
}
