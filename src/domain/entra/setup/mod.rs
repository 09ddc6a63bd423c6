//! Set up with Microsoft sign-in: the pure half. The browser signs an admin in
//! with the authorization-code flow and PKCE, then calls Microsoft Graph to
//! register CloudLink's app; everything here decides what to send and reads
//! what comes back, so the browser glue only moves bytes.

mod authorize;
mod call;
mod encode;
mod graph_error;
mod machine;
mod permissions;
mod pkce;
mod problem;
mod requests;
mod responses;
mod steps;
mod token;
mod trust;

pub use authorize::{
    aadsts_code, parse_callback, redirect_uri, AuthCode, Authority, AuthorizeRequest,
    CallbackError, CALLBACK_PATH,
};
pub use call::{Call, GraphRequest, Method};
pub use encode::{form, parse_pairs, percent_decode, percent_encode};
pub use graph_error::{graph_problem, parse_graph_error, GraphError, InnerError};
pub use machine::{Next, Setup, SetupInput};
pub use permissions::{least_permissions, setup_permissions, setup_scope, INCLUDES};
pub use pkce::{CodeVerifier, SignInSecrets, RANDOM_BYTES};
pub use problem::Problem;
pub use requests::*;
pub use responses::*;
pub use steps::{check_tenant, Fill, Produced, StepId, StepState};
pub use token::{identity_problem, parse_token_response, AccessToken, SignedIn, TokenRequest};
pub use trust::{
    application_findings, has_only_certificate, service_principal_findings, thumbprint_of,
};

#[cfg(test)]
mod authorize_tests;
#[cfg(test)]
mod graph_tests;
#[cfg(test)]
mod machine_existing_tests;
#[cfg(test)]
mod machine_tests;
#[cfg(test)]
mod schema_check;
#[cfg(test)]
mod token_tests;
#[cfg(test)]
mod trust_tests;
