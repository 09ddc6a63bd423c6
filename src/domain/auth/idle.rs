//! The idle lock: after a stretch without input the page forgets the unlocked
//! keys, so an unattended screen cannot sign or remove anything.

/// How long the page may go without input before it forgets the keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IdleLimit {
    ms: u64,
}

/// What the idle timer does when it fires.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdleCheck {
    /// The limit has passed since the last input: forget the keys.
    Lock,
    /// Input came since; look again after this many milliseconds.
    CheckAgainIn(u64),
}

impl IdleLimit {
    pub const DEFAULT_MINUTES: u32 = 15;
    pub const MAX_MINUTES: u32 = 24 * 60;
    /// A shorter limit could lock while someone is reading.
    const MIN_MS: u64 = 1_000;

    pub const DEFAULT: IdleLimit = IdleLimit {
        ms: Self::DEFAULT_MINUTES as u64 * 60_000,
    };

    /// A limit in minutes; fractions are allowed (0.5 is 30 seconds). `None`
    /// unless above 0 and at most a day.
    pub fn from_minutes(minutes: f64) -> Option<IdleLimit> {
        if !(minutes > 0.0 && minutes <= f64::from(Self::MAX_MINUTES)) {
            return None;
        }
        let ms = (minutes * 60_000.0).round() as u64;
        Some(IdleLimit {
            ms: ms.max(Self::MIN_MS),
        })
    }

    pub fn ms(&self) -> u64 {
        self.ms
    }

    /// Decides, at `now_ms`, whether the keys go: a clock that went back
    /// counts as fresh input rather than as a long pause.
    pub fn check(&self, last_input_ms: i64, now_ms: i64) -> IdleCheck {
        let idle = now_ms.saturating_sub(last_input_ms).max(0) as u64;
        if idle >= self.ms {
            IdleCheck::Lock
        } else {
            IdleCheck::CheckAgainIn(self.ms - idle)
        }
    }
}

impl Default for IdleLimit {
    fn default() -> Self {
        IdleLimit::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifteen_minutes_by_default() {
        assert_eq!(IdleLimit::default().ms(), 15 * 60_000);
        assert_eq!(IdleLimit::from_minutes(15.0), Some(IdleLimit::default()));
    }

    #[test]
    fn minutes_may_be_fractions_between_nothing_and_a_day() {
        assert_eq!(IdleLimit::from_minutes(0.5).unwrap().ms(), 30_000);
        assert_eq!(IdleLimit::from_minutes(1440.0).unwrap().ms(), 86_400_000);
        // Never shorter than a second.
        assert_eq!(IdleLimit::from_minutes(0.000_1).unwrap().ms(), 1_000);
        for bad in [0.0, -1.0, 1440.5, f64::NAN, f64::INFINITY] {
            assert_eq!(IdleLimit::from_minutes(bad), None, "{bad}");
        }
    }

    #[test]
    fn locks_once_the_limit_passes_without_input() {
        let limit = IdleLimit::from_minutes(1.0).unwrap();
        assert_eq!(limit.check(1_000, 61_000), IdleCheck::Lock);
        assert_eq!(limit.check(1_000, 500_000), IdleCheck::Lock);
    }

    #[test]
    fn input_pushes_the_next_look_back() {
        let limit = IdleLimit::from_minutes(1.0).unwrap();
        assert_eq!(limit.check(1_000, 1_000), IdleCheck::CheckAgainIn(60_000));
        assert_eq!(limit.check(1_000, 41_000), IdleCheck::CheckAgainIn(20_000));
        assert_eq!(limit.check(1_000, 60_999), IdleCheck::CheckAgainIn(1));
    }

    #[test]
    fn a_clock_that_went_back_does_not_lock() {
        let limit = IdleLimit::from_minutes(1.0).unwrap();
        assert_eq!(
            limit.check(100_000, 40_000),
            IdleCheck::CheckAgainIn(60_000)
        );
    }
}
