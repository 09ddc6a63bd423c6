//! The AADSTS codes the page answers, with the name and description
//! Microsoft publishes for each (the Entra ID error code reference, or the
//! message itself where the reference gives no name). Any other code is only
//! listed, with its lookup page.

/// One error code the page knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Known {
    pub code: u32,
    /// Microsoft's name for the code, where its reference gives one.
    pub name: Option<&'static str>,
    /// Microsoft's description, quoted.
    pub description: &'static str,
}

pub const KNOWN: [Known; 7] = [
    Known {
        code: 700016,
        name: Some("UnauthorizedClient_DoesNotMatchRequest"),
        description: "The application wasn't found in the directory/tenant.",
    },
    Known {
        code: 700027,
        name: None,
        description: "Client assertion failed signature validation.",
    },
    Known {
        code: 700024,
        name: None,
        description: "Client assertion is not within its valid time range.",
    },
    Known {
        code: 90002,
        name: Some("InvalidTenantName"),
        description: "The tenant name wasn't found in the data store.",
    },
    Known {
        code: 7000215,
        name: None,
        description: "Invalid client secret is provided.",
    },
    Known {
        code: 7000229,
        name: None,
        description: "The client application is missing service principal in the tenant.",
    },
    Known {
        code: 500011,
        name: Some("InvalidResourceServicePrincipalNotFound"),
        description: "The resource principal was not found in the tenant.",
    },
];

impl Known {
    pub fn find(code: u32) -> Option<Known> {
        KNOWN.into_iter().find(|k| k.code == code)
    }

    /// `AADSTS700016 (UnauthorizedClient_DoesNotMatchRequest)`.
    pub fn title(&self) -> String {
        match self.name {
            Some(name) => format!("AADSTS{} ({name})", self.code),
            None => format!("AADSTS{}", self.code),
        }
    }
}

/// Microsoft's own page for a code it printed.
pub fn lookup_url(code: u32) -> String {
    format!("https://login.microsoftonline.com/error?code={code}")
}
