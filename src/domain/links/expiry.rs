//! How close a certificate is to its NotAfter, from times passed in as unix
//! seconds (the browser has no usable system clock in WebAssembly).

use super::integration::Integration;
use super::provider::Provider;

const DAY: i64 = 86_400;
/// Warn a month ahead: enough time to get a new certificate through a change
/// process and uploaded before sign-ins start failing.
pub const WARNING_DAYS: i64 = 30;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExpiryStatus {
    Valid,
    ExpiringSoon { days_left: i64 },
    Expired,
}

impl ExpiryStatus {
    pub fn at(not_after_unix: i64, now_unix: i64) -> ExpiryStatus {
        let left = not_after_unix.saturating_sub(now_unix);
        if left <= 0 {
            ExpiryStatus::Expired
        } else if left <= WARNING_DAYS * DAY {
            // Rounded up so that the last hours still read "1 day", not "0 days".
            ExpiryStatus::ExpiringSoon {
                days_left: (left + DAY - 1) / DAY,
            }
        } else {
            ExpiryStatus::Valid
        }
    }

    pub fn label(&self) -> String {
        match self {
            ExpiryStatus::Valid => "Valid".to_string(),
            ExpiryStatus::ExpiringSoon { days_left: 1 } => "Expires in 1 day".to_string(),
            ExpiryStatus::ExpiringSoon { days_left } => format!("Expires in {days_left} days"),
            ExpiryStatus::Expired => "Expired".to_string(),
        }
    }

    /// Whether the UI should draw attention to it.
    pub fn needs_action(&self) -> bool {
        !matches!(self, ExpiryStatus::Valid)
    }
}

/// A linked account whose certificate needs renewing soon, or now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    pub id: String,
    pub provider: Provider,
    pub name: String,
    pub not_after_unix: i64,
    pub status: ExpiryStatus,
}

/// What Home says about certificates at `now_unix`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExpiryReport {
    /// Expired or within the warning window, soonest first.
    pub due: Vec<Due>,
    /// The nearest expiry of all, when nothing is due.
    pub next_expiry_unix: Option<i64>,
}

pub fn report(integrations: &[Integration], now_unix: i64) -> ExpiryReport {
    let mut due: Vec<Due> = integrations
        .iter()
        .filter_map(|i| {
            let not_after_unix = i.expires_unix()?;
            let status = ExpiryStatus::at(not_after_unix, now_unix);
            status.needs_action().then(|| Due {
                id: i.id.clone(),
                provider: i.provider,
                name: i.name.as_str().to_string(),
                not_after_unix,
                status,
            })
        })
        .collect();
    due.sort_by_key(|d| d.not_after_unix);
    let next_expiry_unix = integrations.iter().filter_map(|i| i.expires_unix()).min();
    ExpiryReport {
        due,
        next_expiry_unix,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_750_000_000;

    #[test]
    fn far_from_expiry_is_valid() {
        let s = ExpiryStatus::at(NOW + 30 * DAY + 1, NOW);
        assert_eq!(s, ExpiryStatus::Valid);
        assert_eq!(s.label(), "Valid");
        assert!(!s.needs_action());
    }

    #[test]
    fn warning_starts_thirty_days_before() {
        assert_eq!(
            ExpiryStatus::at(NOW + 30 * DAY, NOW),
            ExpiryStatus::ExpiringSoon { days_left: 30 }
        );
        assert_eq!(
            ExpiryStatus::at(NOW + 12 * DAY, NOW).label(),
            "Expires in 12 days"
        );
    }

    #[test]
    fn days_left_rounds_up() {
        assert_eq!(
            ExpiryStatus::at(NOW + 11 * DAY + 1, NOW),
            ExpiryStatus::ExpiringSoon { days_left: 12 }
        );
        let last_second = ExpiryStatus::at(NOW + 1, NOW);
        assert_eq!(last_second, ExpiryStatus::ExpiringSoon { days_left: 1 });
        assert_eq!(last_second.label(), "Expires in 1 day");
        assert!(last_second.needs_action());
    }

    #[test]
    fn expired_at_and_after_not_after() {
        assert_eq!(ExpiryStatus::at(NOW, NOW), ExpiryStatus::Expired);
        assert_eq!(ExpiryStatus::at(NOW - DAY, NOW).label(), "Expired");
    }

    #[test]
    fn extreme_times_do_not_overflow() {
        assert_eq!(ExpiryStatus::at(i64::MAX, i64::MIN), ExpiryStatus::Valid);
        assert_eq!(ExpiryStatus::at(i64::MIN, i64::MAX), ExpiryStatus::Expired);
    }
}
