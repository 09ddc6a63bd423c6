//! Reading back what the setup script printed, pasted from Cloud Shell.
//!
//! A paste from a terminal carries whatever else was on screen: prompts, az
//! warnings, Windows line endings, and often the script itself when it was
//! pasted rather than uploaded. Only lines that start with a known
//! `CLOUDLINK_` key count, which the script's own source never does.

use crate::domain::entra::{ApplicationId, TenantId};
use crate::domain::text::field_error;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScriptOutput {
    pub tenant: TenantId,
    pub application_id: ApplicationId,
    /// Uppercase hex; printed by renewal scripts.
    pub thumbprint_sha1: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputField {
    TenantId,
    ApplicationId,
    ThumbprintSha1,
}

impl OutputField {
    pub fn key(self) -> &'static str {
        match self {
            OutputField::TenantId => "CLOUDLINK_TENANT_ID",
            OutputField::ApplicationId => "CLOUDLINK_APPLICATION_ID",
            OutputField::ThumbprintSha1 => "CLOUDLINK_THUMBPRINT_SHA1",
        }
    }

    const ALL: [OutputField; 3] = [
        OutputField::TenantId,
        OutputField::ApplicationId,
        OutputField::ThumbprintSha1,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputError {
    Empty,
    /// The script printed its stop message and no result.
    ScriptStopped,
    Missing(OutputField),
    Invalid(OutputField),
    /// The same key twice with different values: two runs pasted together.
    Conflicting(OutputField),
}

impl OutputError {
    pub fn message(&self) -> &'static str {
        use OutputField::*;
        match self {
            OutputError::Empty => "Paste everything the setup script printed.",
            OutputError::ScriptStopped => {
                "The setup script stopped before it finished. Read the message under \
                 \"CloudLink setup stopped\", fix what it names, run the script again and \
                 paste its new output."
            }
            OutputError::Missing(TenantId) => {
                "The pasted text has no CLOUDLINK_TENANT_ID line. Paste everything the script \
                 printed."
            }
            OutputError::Missing(ApplicationId) => {
                "The pasted text has no CLOUDLINK_APPLICATION_ID line. Paste everything the \
                 script printed."
            }
            OutputError::Missing(ThumbprintSha1) => {
                "The pasted text has no CLOUDLINK_THUMBPRINT_SHA1 line. Paste everything the \
                 renewal script printed."
            }
            OutputError::Invalid(TenantId) => {
                "The CLOUDLINK_TENANT_ID line does not hold a Directory (tenant) ID. Copy the \
                 line again, exactly as the script printed it."
            }
            OutputError::Invalid(ApplicationId) => {
                "The CLOUDLINK_APPLICATION_ID line does not hold an Application (client) ID. \
                 Copy the line again, exactly as the script printed it."
            }
            OutputError::Invalid(ThumbprintSha1) => {
                "The CLOUDLINK_THUMBPRINT_SHA1 line does not hold a SHA-1 thumbprint (40 \
                 hexadecimal digits). Copy the line again, exactly as the script printed it."
            }
            OutputError::Conflicting(TenantId) => {
                "The pasted text has two different CLOUDLINK_TENANT_ID lines. Paste the output \
                 of one run of the script only."
            }
            OutputError::Conflicting(ApplicationId) => {
                "The pasted text has two different CLOUDLINK_APPLICATION_ID lines. Paste the \
                 output of one run of the script only."
            }
            OutputError::Conflicting(ThumbprintSha1) => {
                "The pasted text has two different CLOUDLINK_THUMBPRINT_SHA1 lines. Paste the \
                 output of one run of the script only."
            }
        }
    }
}

field_error!(OutputError);

/// The value of `field` on `line`, if the line is that field's.
fn value_of(line: &str, field: OutputField) -> Option<&str> {
    line.strip_prefix(field.key())?
        .trim_start()
        .strip_prefix('=')
        .map(str::trim)
}

/// Each field's value, once; a repeat must agree.
fn collect(text: &str) -> Result<[Option<&str>; 3], OutputError> {
    let mut found: [Option<&str>; 3] = [None; 3];
    for line in text.lines().map(str::trim) {
        for (slot, field) in found.iter_mut().zip(OutputField::ALL) {
            if let Some(value) = value_of(line, field) {
                match slot {
                    Some(earlier) if *earlier != value => {
                        return Err(OutputError::Conflicting(field))
                    }
                    _ => *slot = Some(value),
                }
            }
        }
    }
    Ok(found)
}

fn parse_thumbprint(value: &str) -> Result<String, OutputError> {
    if value.len() == 40 && value.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(value.to_ascii_uppercase())
    } else {
        Err(OutputError::Invalid(OutputField::ThumbprintSha1))
    }
}

pub fn parse_output(text: &str) -> Result<ScriptOutput, OutputError> {
    if text.trim().is_empty() {
        return Err(OutputError::Empty);
    }
    let [tenant, application_id, thumbprint] = collect(text)?;
    // Matched at the start of a line, as the script's own `fail` source
    // holds the same words after `printf`.
    let stopped = text
        .lines()
        .any(|l| l.trim().starts_with("CloudLink setup stopped at step"));
    if tenant.is_none() && application_id.is_none() && stopped {
        return Err(OutputError::ScriptStopped);
    }
    let tenant = tenant.ok_or(OutputError::Missing(OutputField::TenantId))?;
    let application_id = application_id.ok_or(OutputError::Missing(OutputField::ApplicationId))?;
    Ok(ScriptOutput {
        tenant: TenantId::parse(tenant).map_err(|_| OutputError::Invalid(OutputField::TenantId))?,
        application_id: ApplicationId::parse(application_id)
            .map_err(|_| OutputError::Invalid(OutputField::ApplicationId))?,
        thumbprint_sha1: thumbprint.map(parse_thumbprint).transpose()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    const APP: &str = "6731de76-14a6-49ae-97bc-6eba6914391e";
    const SHA1: &str = "A9993E364706816ABA3E25717850C26C9CD0D89D";

    fn lines() -> String {
        format!("CLOUDLINK_TENANT_ID={TENANT}\nCLOUDLINK_APPLICATION_ID={APP}\n")
    }

    #[test]
    fn reads_the_two_ids() {
        let out = parse_output(&lines()).unwrap();
        assert_eq!(out.tenant.as_str(), TENANT);
        assert_eq!(out.application_id.as_str(), APP);
        assert_eq!(out.thumbprint_sha1, None);
    }

    #[test]
    fn tolerates_a_whole_terminal_session() {
        let pasted = format!(
            "user@Azure:~$ bash setup-contoso.sh\r\n\
             \r\n=== Step 7/7 Copy the result into CloudLink ===\r\n\
             WARNING: something az says\r\n\
             printf 'CLOUDLINK_TENANT_ID=%s\\n' \"$TENANT_ID\"\r\n\
             \t  CLOUDLINK_TENANT_ID = {}  \r\n\
             CLOUDLINK_APPLICATION_ID={{{APP}}}\r\n\
             CLOUDLINK_SUMMARY=app registration created; Global Reader assigned\r\n\
             CLOUDLINK_THUMBPRINT_SHA1={}\r\n\
             user@Azure:~$ ",
            TENANT.to_uppercase(),
            SHA1.to_lowercase()
        );
        let out = parse_output(&pasted).unwrap();
        assert_eq!(out.tenant.as_str(), TENANT);
        assert_eq!(out.application_id.as_str(), APP);
        assert_eq!(out.thumbprint_sha1.as_deref(), Some(SHA1));
    }

    #[test]
    fn a_repeated_line_is_fine_if_it_agrees() {
        let twice = format!("{}{}", lines(), lines());
        assert!(parse_output(&twice).is_ok());
        let other = lines().replace(APP, "00000000-0000-0000-0000-000000000001");
        assert_eq!(
            parse_output(&format!("{}{other}", lines())),
            Err(OutputError::Conflicting(OutputField::ApplicationId))
        );
    }

    #[test]
    fn missing_lines_are_named() {
        let no_tenant = format!("CLOUDLINK_APPLICATION_ID={APP}\n");
        let err = parse_output(&no_tenant).unwrap_err();
        assert_eq!(err, OutputError::Missing(OutputField::TenantId));
        assert_eq!(
            err.message(),
            "The pasted text has no CLOUDLINK_TENANT_ID line. Paste everything the script printed."
        );
        assert_eq!(
            parse_output(&format!("CLOUDLINK_TENANT_ID={TENANT}")),
            Err(OutputError::Missing(OutputField::ApplicationId))
        );
        assert_eq!(parse_output(" \r\n "), Err(OutputError::Empty));
        assert_eq!(
            parse_output("hello"),
            Err(OutputError::Missing(OutputField::TenantId))
        );
    }

    #[test]
    fn a_stopped_run_is_recognised() {
        let stopped = "=== Step 5/7 Grant ===\n\
                       CloudLink setup stopped at step 5/7 Grant.\nThe signed-in admin needs…\n";
        assert_eq!(parse_output(stopped), Err(OutputError::ScriptStopped));
        assert!(OutputError::ScriptStopped
            .message()
            .contains("run the script again"));
    }

    #[test]
    fn bad_values_are_named() {
        use OutputField::*;
        for (text, field) in [
            (lines().replace(TENANT, "not a tenant"), TenantId),
            (lines().replace(APP, "6731de76-14a6"), ApplicationId),
            (lines().replace(APP, ""), ApplicationId),
            (
                format!("{}CLOUDLINK_THUMBPRINT_SHA1=ABC\n", lines()),
                ThumbprintSha1,
            ),
        ] {
            let err = parse_output(&text).unwrap_err();
            assert_eq!(err, OutputError::Invalid(field), "{text}");
            assert!(err.message().contains(field.key()));
            assert_eq!(err.to_string(), err.message());
        }
    }

    #[test]
    fn keys_must_start_the_line_and_be_whole() {
        let shifted = format!("echo CLOUDLINK_TENANT_ID={TENANT}\nCLOUDLINK_APPLICATION_ID={APP}");
        assert_eq!(
            parse_output(&shifted),
            Err(OutputError::Missing(OutputField::TenantId))
        );
        let longer = lines().replace("CLOUDLINK_TENANT_ID=", "CLOUDLINK_TENANT_IDS=");
        assert_eq!(
            parse_output(&longer),
            Err(OutputError::Missing(OutputField::TenantId))
        );
    }
}
