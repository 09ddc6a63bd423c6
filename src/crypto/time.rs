//! Calendar arithmetic on unix seconds. Hand-written because the browser has
//! no usable clock API in Rust and the formats needed here are tiny.

const SECS_PER_DAY: i64 = 86_400;

/// A proleptic Gregorian UTC date and the seconds elapsed since its midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CivilTime {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub secs_of_day: i64,
}

impl CivilTime {
    pub(crate) fn from_unix(unix: i64) -> Self {
        let days = unix.div_euclid(SECS_PER_DAY);
        let (year, month, day) = civil_from_days(days);
        CivilTime {
            year,
            month,
            day,
            secs_of_day: unix.rem_euclid(SECS_PER_DAY),
        }
    }

    pub(crate) fn to_unix(self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * SECS_PER_DAY + self.secs_of_day
    }
}

/// Howard Hinnant's `civil_from_days`: exact for every day, negative included.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub(crate) fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Adds calendar months keeping the time of day; a day that does not exist in
/// the target month becomes that month's last day (Aug 31 + 6 → Feb 28/29),
/// so a credential never outlives the chosen lifetime.
pub(crate) fn add_months(unix: i64, months: u32) -> i64 {
    let t = CivilTime::from_unix(unix);
    let index = t.year * 12 + i64::from(t.month - 1) + i64::from(months);
    let year = index.div_euclid(12);
    let month = index.rem_euclid(12) as u32 + 1;
    let day = t.day.min(days_in_month(year, month));
    CivilTime {
        year,
        month,
        day,
        ..t
    }
    .to_unix()
}

/// `YYYY-MM-DDTHH:MM:SSZ`, the form Microsoft Graph expects for credential dates.
pub fn utc_iso8601(unix: i64) -> String {
    let t = CivilTime::from_unix(unix);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        utc_date(unix),
        t.secs_of_day / 3600,
        t.secs_of_day / 60 % 60,
        t.secs_of_day % 60
    )
}

/// `YYYY-MM-DD` in UTC.
pub fn utc_date(unix: i64) -> String {
    let t = CivilTime::from_unix(unix);
    format!("{:04}-{:02}-{:02}", t.year, t.month, t.day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_epoch_and_known_instants() {
        assert_eq!(utc_iso8601(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc_iso8601(1_700_000_000), "2023-11-14T22:13:20Z");
        assert_eq!(utc_iso8601(1_827_213_000), "2027-11-26T07:10:00Z");
        assert_eq!(utc_date(1_827_213_000), "2027-11-26");
        assert_eq!(utc_iso8601(-1), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn formats_leap_days() {
        // 2024-02-29T12:00:00Z and 2000-02-29 (divisible by 400).
        assert_eq!(utc_iso8601(1_709_208_000), "2024-02-29T12:00:00Z");
        assert_eq!(utc_date(951_782_400), "2000-02-29");
        // 2100 is not a leap year: the day after Feb 28 is Mar 1.
        let feb28_2100 = CivilTime::from_unix(4_107_456_000);
        assert_eq!((feb28_2100.month, feb28_2100.day), (2, 28));
        assert_eq!(utc_date(4_107_456_000 + SECS_PER_DAY), "2100-03-01");
    }

    #[test]
    fn formats_years_past_2049() {
        assert_eq!(utc_iso8601(2_524_608_000), "2050-01-01T00:00:00Z");
        assert_eq!(utc_iso8601(2_524_607_999), "2049-12-31T23:59:59Z");
        assert_eq!(utc_iso8601(253_402_300_799), "9999-12-31T23:59:59Z");
    }

    #[test]
    fn civil_round_trips_across_four_centuries() {
        let mut day = -800_000;
        while day < 800_000 {
            let unix = day * SECS_PER_DAY + 12_345;
            assert_eq!(CivilTime::from_unix(unix).to_unix(), unix);
            day += 97;
        }
    }

    #[test]
    fn add_months_clamps_to_month_end() {
        let aug31_2025 = CivilTime {
            year: 2025,
            month: 8,
            day: 31,
            secs_of_day: 3_661,
        }
        .to_unix();
        assert_eq!(
            utc_iso8601(add_months(aug31_2025, 6)),
            "2026-02-28T01:01:01Z"
        );
        let aug31_2027 = add_months(aug31_2025, 24);
        assert_eq!(utc_iso8601(aug31_2027), "2027-08-31T01:01:01Z");
        assert_eq!(utc_date(add_months(aug31_2027, 6)), "2028-02-29");
        // Jan 31 + 1 in a plain year would otherwise spill into March.
        assert_eq!(utc_date(add_months(1_738_281_600, 1)), "2025-02-28");
        assert_eq!(utc_date(add_months(1_738_281_600, 12)), "2026-01-31");
        assert_eq!(add_months(1_738_281_600, 0), 1_738_281_600);
    }
}
