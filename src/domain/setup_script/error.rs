//! Why a setup script could not be built. Each message is shown to the person
//! who pressed the download button, so it says what to change.

use crate::domain::text::field_error;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetupScriptError {
    /// AWS is linked with a CloudFormation template instead.
    UnsupportedProvider,
    MissingAzureScope,
    /// A value for the script holds a control character or a line or
    /// paragraph separator.
    ControlCharacter,
    /// A value for the script holds a format character or another invisible
    /// one.
    InvisibleCharacter,
    PrivateKey,
    NotOneCertificate,
    BadApplicationId,
    MissingThumbprint,
    BadThumbprint,
    ThumbprintMismatch,
}

impl SetupScriptError {
    pub fn message(&self) -> &'static str {
        match self {
            SetupScriptError::UnsupportedProvider => {
                "The setup script links Microsoft 365 and Azure; AWS is linked with the \
                 CloudFormation template"
            }
            SetupScriptError::MissingAzureScope => {
                "Enter a management group ID or a Subscription ID before downloading the \
                 setup script"
            }
            SetupScriptError::ControlCharacter => {
                "The setup script cannot hold line breaks, tabs or other control characters"
            }
            SetupScriptError::InvisibleCharacter => {
                "The setup script cannot hold invisible formatting characters, such as \
                 direction marks or zero-width spaces"
            }
            SetupScriptError::PrivateKey => {
                "The certificate text contains a private key. The setup script carries only \
                 the public certificate, from -----BEGIN CERTIFICATE----- to \
                 -----END CERTIFICATE-----"
            }
            SetupScriptError::NotOneCertificate => {
                "The certificate must be exactly one block that starts with \
                 -----BEGIN CERTIFICATE----- and ends with -----END CERTIFICATE-----"
            }
            SetupScriptError::BadApplicationId => {
                "The Application (client) ID of the app to renew is not a GUID such as \
                 72f988bf-86f1-41af-91ab-2d7cd011db47"
            }
            SetupScriptError::MissingThumbprint => {
                "A renewal script needs the new certificate's SHA-1 thumbprint"
            }
            SetupScriptError::BadThumbprint => "The SHA-1 thumbprint must be 40 hexadecimal digits",
            SetupScriptError::ThumbprintMismatch => {
                "The SHA-1 thumbprint is not the thumbprint of this certificate"
            }
        }
    }
}

field_error!(SetupScriptError);
