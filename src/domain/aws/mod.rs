//! AWS: the Role ARN and external ID a link needs, the partitions and account
//! types, the CloudFormation template that creates the role, and the link form.

mod account_type;
mod cloudformation;
mod external_id;
mod form;
mod partition;
mod role_arn;

pub use account_type::AwsAccountType;
pub use cloudformation::{read_only_role_template, ROLE_NAME};
pub use external_id::{choose_external_id, ExternalId, ExternalIdError, ExternalIdSource};
pub use form::{field_error, validate, AwsField, AwsValues};
pub use partition::AwsPartition;
pub use role_arn::{RoleArn, RoleArnError};
