//! Failed-login throttling: five free tries per email, then each further try
//! waits twice as long as the one before.

use serde::{Deserialize, Serialize};

pub const FREE_ATTEMPTS: u32 = 5;
const FIRST_WAIT_MS: i64 = 5_000;
const LONGEST_WAIT_MS: i64 = 15 * 60 * 1_000;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Throttle {
    pub failures: u32,
    pub last_failure_ms: i64,
}

impl Throttle {
    /// How long the next try must wait after `failures` failures.
    pub fn wait_after(failures: u32) -> i64 {
        if failures < FREE_ATTEMPTS {
            return 0;
        }
        let doublings = (failures - FREE_ATTEMPTS).min(20);
        (FIRST_WAIT_MS << doublings).min(LONGEST_WAIT_MS)
    }

    /// Milliseconds left before another try is allowed; 0 when it is.
    pub fn remaining_ms(&self, now_ms: i64) -> i64 {
        (self.last_failure_ms + Self::wait_after(self.failures) - now_ms).max(0)
    }

    pub fn record_failure(&mut self, now_ms: i64) {
        self.failures = self.failures.saturating_add(1);
        self.last_failure_ms = now_ms;
    }
}

/// "Too many failed attempts. Try again in 5 seconds."
pub fn wait_message(remaining_ms: i64) -> String {
    let secs = (remaining_ms + 999) / 1000;
    let span = if secs >= 120 {
        format!("{} minutes", (secs + 59) / 60)
    } else if secs == 1 {
        "1 second".to_string()
    } else {
        format!("{secs} seconds")
    };
    format!("Too many failed attempts. Try again in {span}.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_are_free_then_waits_double() {
        assert_eq!(Throttle::wait_after(4), 0);
        assert_eq!(Throttle::wait_after(5), 5_000);
        assert_eq!(Throttle::wait_after(6), 10_000);
        assert_eq!(Throttle::wait_after(7), 20_000);
        assert_eq!(Throttle::wait_after(60), LONGEST_WAIT_MS);
    }

    #[test]
    fn remaining_time_counts_down_from_the_last_failure() {
        let mut t = Throttle::default();
        for i in 0..5 {
            t.record_failure(1_000 + i);
        }
        assert_eq!(t.remaining_ms(1_004), 5_000);
        assert_eq!(t.remaining_ms(4_004), 2_000);
        assert_eq!(t.remaining_ms(9_000), 0);
    }

    #[test]
    fn messages_say_how_long() {
        assert_eq!(
            wait_message(4_200),
            "Too many failed attempts. Try again in 5 seconds."
        );
        assert_eq!(
            wait_message(1_000),
            "Too many failed attempts. Try again in 1 second."
        );
        assert_eq!(
            wait_message(600_000),
            "Too many failed attempts. Try again in 10 minutes."
        );
    }
}
