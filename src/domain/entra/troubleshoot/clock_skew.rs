//! AADSTS700024, an assertion outside its time: its window against
//! Microsoft's clock, and Microsoft's clock against this browser's.

use super::scan::ErrorText;
use super::time::duration_text;
use crate::crypto::utc_iso8601;

/// What the message's times say about the clocks; `now_unix` is this
/// browser's.
pub(super) fn time_range(e: &ErrorText, now_unix: i64) -> Vec<String> {
    let mut lines = Vec::new();
    if let (Some(ms), Some(from), Some(until)) = (
        e.microsoft_time_unix,
        e.assertion_from_unix,
        e.assertion_until_unix,
    ) {
        let side = if ms < from {
            format!(
                "starts {} after Microsoft's clock",
                duration_text(from - ms)
            )
        } else if ms > until {
            format!(
                "ended {} before Microsoft's clock",
                duration_text(ms - until)
            )
        } else {
            "covers Microsoft's clock".to_string()
        };
        lines.push(format!(
            "The assertion was valid from {} to {}; Microsoft's clock read {}: the window {side}. The clock of the machine that signs is off by that much, or an old assertion was sent again.",
            utc_iso8601(from), utc_iso8601(until), utc_iso8601(ms)
        ));
    }
    if let Some(at) = e.timestamp_unix.or(e.microsoft_time_unix) {
        let gap = now_unix - at;
        lines.push(if gap >= 0 {
            format!(
                "Microsoft stamped the error {}; this browser's clock reads {}, {} later.",
                utc_iso8601(at),
                utc_iso8601(now_unix),
                duration_text(gap)
            )
        } else {
            format!(
                "Microsoft stamped the error {}, {} ahead of this browser's clock ({}): this computer's clock is behind.",
                utc_iso8601(at),
                duration_text(-gap),
                utc_iso8601(now_unix)
            )
        });
    }
    if lines.is_empty() {
        lines.push("The message carries no time to compare with: check that the clock of the machine that signs is set automatically.".into());
    }
    lines
}
