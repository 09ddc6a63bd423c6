//! The Directory (tenant) ID field: Entra ID names a tenant either by its GUID or
//! by one of its verified domains, and both work in sign-in URLs.

use super::guid::{unwrap_braces, Guid, GuidError};
use crate::domain::text::{field_error, text_value};
use serde::{Deserialize, Serialize};

const MAX_DOMAIN_LEN: usize = 253;
const MAX_LABEL_LEN: usize = 63;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum TenantId {
    Guid(Guid),
    /// Lowercase, as DNS compares names case-insensitively.
    Domain(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TenantIdError {
    Empty,
    /// Meant as a GUID (only hex digits and hyphens, or braces) but malformed.
    GuidWrongShape,
    UnbalancedBraces,
    NotGuidOrDomain,
    DomainTooLong,
    LabelTooLong,
}

impl TenantIdError {
    pub fn message(&self) -> &'static str {
        match self {
            TenantIdError::Empty => "Enter the Directory (tenant) ID",
            TenantIdError::GuidWrongShape => {
                "A Directory (tenant) ID is 32 hexadecimal digits in groups of 8-4-4-4-12, \
                 such as 72f988bf-86f1-41af-91ab-2d7cd011db47"
            }
            TenantIdError::UnbalancedBraces => {
                "The Directory (tenant) ID has a brace on one side only: remove it"
            }
            TenantIdError::NotGuidOrDomain => {
                "Enter the Directory (tenant) ID as a GUID such as \
                 72f988bf-86f1-41af-91ab-2d7cd011db47, or a verified domain such as \
                 contoso.onmicrosoft.com"
            }
            TenantIdError::DomainTooLong => "A domain name can be at most 253 characters",
            TenantIdError::LabelTooLong => {
                "Each part of a domain name between dots can be at most 63 characters"
            }
        }
    }
}

impl From<GuidError> for TenantIdError {
    fn from(e: GuidError) -> Self {
        match e {
            GuidError::Empty => TenantIdError::Empty,
            GuidError::WrongShape => TenantIdError::GuidWrongShape,
            GuidError::UnbalancedBraces => TenantIdError::UnbalancedBraces,
        }
    }
}

fn valid_label(label: &str) -> bool {
    !label.is_empty()
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn parse_domain(s: &str) -> Result<String, TenantIdError> {
    let domain = s.to_ascii_lowercase();
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 || !labels.iter().all(|l| valid_label(l)) {
        return Err(TenantIdError::NotGuidOrDomain);
    }
    if domain.len() > MAX_DOMAIN_LEN {
        return Err(TenantIdError::DomainTooLong);
    }
    if labels.iter().any(|l| l.len() > MAX_LABEL_LEN) {
        return Err(TenantIdError::LabelTooLong);
    }
    let tld = labels[labels.len() - 1];
    if tld.len() < 2 || !tld.bytes().all(|b| b.is_ascii_lowercase()) {
        return Err(TenantIdError::NotGuidOrDomain);
    }
    Ok(domain)
}

impl TenantId {
    pub fn parse(input: &str) -> Result<TenantId, TenantIdError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(TenantIdError::Empty);
        }
        let core = unwrap_braces(trimmed)?;
        // A domain always has a dot, so text made only of hex digits and hyphens
        // (or wrapped in braces) can only have been meant as a GUID, and the
        // person needs to hear what a GUID looks like.
        let guid_like =
            core.len() < trimmed.len() || core.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-');
        if guid_like {
            return Ok(TenantId::Guid(Guid::parse(trimmed)?));
        }
        parse_domain(trimmed).map(TenantId::Domain)
    }

    /// The segment that goes into `login.microsoftonline.com/{tenant}/…`.
    pub fn as_str(&self) -> &str {
        match self {
            TenantId::Guid(g) => g.as_str(),
            TenantId::Domain(d) => d,
        }
    }

    pub fn is_guid(&self) -> bool {
        matches!(self, TenantId::Guid(_))
    }

    pub fn guid(&self) -> Option<Guid> {
        match self {
            TenantId::Guid(g) => Some(*g),
            TenantId::Domain(_) => None,
        }
    }
}

text_value!(TenantId, TenantIdError);
field_error!(TenantIdError);

#[cfg(test)]
mod tests {
    use super::*;

    const G: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    #[test]
    fn guids_are_normalised_like_any_guid() {
        let t = TenantId::parse(" {72F988BF-86F1-41AF-91AB-2D7CD011DB47} ").unwrap();
        assert!(t.is_guid());
        assert_eq!(t.as_str(), G);
        assert_eq!(t.guid().map(|g| g.to_string()), Some(G.to_string()));
    }

    #[test]
    fn domains_are_trimmed_and_lowercased() {
        let t = TenantId::parse("  Contoso.OnMicrosoft.com ").unwrap();
        assert_eq!(t, TenantId::Domain("contoso.onmicrosoft.com".into()));
        assert!(!t.is_guid());
        assert_eq!(t.guid(), None);
        for ok in [
            "contoso.com",
            "a-b.co",
            "xn--bcher-kva.example",
            "1.example.de",
        ] {
            assert_eq!(TenantId::parse(ok).unwrap().as_str(), ok);
        }
    }

    #[test]
    fn broken_guids_get_the_guid_message() {
        for s in [
            "72f988bf-86f1",
            "72f988bf86f141af91ab2d7cd011db47",
            "deadbeef",
            "{contoso.com}",
        ] {
            assert_eq!(
                TenantId::parse(s),
                Err(TenantIdError::GuidWrongShape),
                "{s}"
            );
        }
        assert!(TenantIdError::GuidWrongShape.message().contains(G));
    }

    #[test]
    fn one_sided_brace_is_reported() {
        assert_eq!(
            TenantId::parse("{72f988bf-86f1-41af-91ab-2d7cd011db47"),
            Err(TenantIdError::UnbalancedBraces)
        );
    }

    #[test]
    fn empty_input() {
        assert_eq!(TenantId::parse(""), Err(TenantIdError::Empty));
        assert_eq!(TenantId::parse(" \t"), Err(TenantIdError::Empty));
    }

    #[test]
    fn malformed_domains_name_both_forms() {
        for s in [
            "contoso",
            "contoso.",
            ".contoso.com",
            "contoso..com",
            "-contoso.com",
            "contoso-.com",
            "contoso.c",
            "contoso.c0m",
            "con_toso.com",
            "contoso com.net",
            "https://login.microsoftonline.com/contoso.com",
            "admin@contoso.com",
            "contosö.com",
            "common",
        ] {
            assert_eq!(
                TenantId::parse(s),
                Err(TenantIdError::NotGuidOrDomain),
                "{s}"
            );
        }
        let m = TenantIdError::NotGuidOrDomain.message();
        assert!(m.contains("GUID") && m.contains("contoso.onmicrosoft.com"));
    }

    #[test]
    fn length_limits() {
        let label63 = "a".repeat(63);
        assert!(TenantId::parse(&format!("{label63}.com")).is_ok());
        assert_eq!(
            TenantId::parse(&format!("a{label63}.com")),
            Err(TenantIdError::LabelTooLong)
        );
        // 4 × 63 + 3 dots = 255 characters.
        let long = [label63.as_str(); 4].join(".");
        assert_eq!(TenantId::parse(&long), Err(TenantIdError::DomainTooLong));
        let just_fits = format!("{}.{}.{}.{}.com", label63, label63, label63, "a".repeat(57));
        assert_eq!(just_fits.len(), 253);
        assert!(TenantId::parse(&just_fits).is_ok());
    }

    #[test]
    fn serde_round_trips_and_revalidates() {
        let t = TenantId::parse("Contoso.com").unwrap();
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"contoso.com\"");
        let back: TenantId = serde_json::from_str(&format!("\"{G}\"")).unwrap();
        assert!(back.is_guid());
        assert!(serde_json::from_str::<TenantId>("\"contoso\"").is_err());
    }
}
