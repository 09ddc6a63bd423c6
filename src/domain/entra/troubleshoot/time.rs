//! The UTC times inside Microsoft's error messages, and how far apart two
//! times are, in words.

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn number(s: &str, range: std::ops::RangeInclusive<i64>) -> Option<i64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|n| range.contains(n))
}

/// `2016-01-09 02:02:12Z` or `2021-10-13T14:20:41.9358213Z` (fractions and a
/// missing `Z` allowed) as Unix seconds; anything else is `None`.
pub fn parse_utc(text: &str) -> Option<i64> {
    let text = text.trim();
    let text = text.strip_suffix('Z').unwrap_or(text);
    if text.len() < 19 || !text.is_char_boundary(19) {
        return None;
    }
    let (main, rest) = text.split_at(19);
    if !(rest.is_empty() || rest.starts_with('.') && rest[1..].bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let b = main.as_bytes();
    if b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b' ' | b'T')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let year = number(&main[0..4], 1970..=9999)?;
    let month = number(&main[5..7], 1..=12)?;
    let day = number(&main[8..10], 1..=31)?;
    let hour = number(&main[11..13], 0..=23)?;
    let minute = number(&main[14..16], 0..=59)?;
    let second = number(&main[17..19], 0..=60)?;
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second)
}

/// `3 minutes 12 seconds`, `2 hours 5 minutes`, `4 days 1 hour`: the two
/// largest units, enough to tell a clock that drifted from a stale message.
pub fn duration_text(seconds: i64) -> String {
    let s = seconds.unsigned_abs();
    let units = [
        (86_400, "day"),
        (3600, "hour"),
        (60, "minute"),
        (1, "second"),
    ];
    let parts: Vec<String> = units
        .iter()
        .scan(s, |left, &(size, name)| {
            let n = *left / size;
            *left %= size;
            Some((n, name))
        })
        .skip_while(|(n, _)| *n == 0)
        .take(2)
        .filter(|(n, _)| *n > 0)
        .map(|(n, name)| format!("{n} {name}{}", if n == 1 { "" } else { "s" }))
        .collect();
    if parts.is_empty() {
        "0 seconds".to_string()
    } else {
        parts.join(" ")
    }
}
