//! How close a certificate is to its NotAfter, from times passed in as unix
//! seconds (the browser has no usable system clock in WebAssembly).

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
