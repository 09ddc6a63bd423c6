//! The account forms: each provider's fields, shared by the link and edit
//! forms, and the link page's parts around them (instructions, the AWS
//! External ID, the connect bar).

mod aws_fields;
mod connect_bar;
mod entra_fields;
mod entra_instructions;
mod external_id;
mod instructions_button;

pub use aws_fields::AwsFields;
pub use connect_bar::{Connect, ConnectBar, Connection, StepStatus};
pub use entra_fields::EntraFields;
pub use entra_instructions::EntraInstructions;
pub use external_id::ExternalIdField;
pub use instructions_button::InstructionsButton;
