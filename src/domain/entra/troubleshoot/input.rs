//! The bound on pasted text: an error message or a token is a few thousand
//! characters at most, so anything far longer is refused rather than scanned.

/// Generous for a PowerShell transcript around an error, small enough that
/// scanning it never makes the page stall.
pub const MAX_INPUT_CHARS: usize = 20_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    Empty,
    TooLong { chars: usize },
}

impl InputError {
    pub fn message(&self) -> String {
        match self {
            InputError::Empty => "Paste the text first.".to_string(),
            InputError::TooLong { chars } => format!(
                "This text is {chars} characters long; the check reads at most 20,000. Paste only the error message."
            ),
        }
    }
}

/// The trimmed text, or why it is not read.
pub fn bounded(text: &str) -> Result<&str, InputError> {
    // Counting stops just past the limit, so a huge paste costs no more than a legal one.
    let chars = text.chars().take(MAX_INPUT_CHARS + 1).count();
    if chars > MAX_INPUT_CHARS {
        return Err(InputError::TooLong {
            chars: text.chars().count(),
        });
    }
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(InputError::Empty);
    }
    Ok(trimmed)
}
