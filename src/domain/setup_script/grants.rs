//! The steps that grant the app what it needs: Exchange.ManageAsApp, Global
//! Reader, and for Azure, Reader at the chosen scope. Each reads first
//! whether the grant is already in place, so a second run picks up where an
//! earlier one stopped.

use super::steps::{step, Step};

/// Exchange.ManageAsApp is granted as one app role assignment: this role,
/// for the app's service principal, on Office 365 Exchange Online's. Admin
/// consent (`az ad app permission admin-consent`, or the button in the admin
/// center) would grant every permission the app asks for, so it is never
/// used. The body names only GUIDs the script checked, so it is valid JSON.
pub fn grant_exchange() -> Step {
    step(
        "Grant Exchange.ManageAsApp",
        include_str!("bash/grant_exchange.sh"),
    )
}

/// The body names only the service principal's id (checked to be a GUID)
/// and fixed text, so it is valid JSON whatever the app is called.
pub fn assign_global_reader() -> Step {
    step(
        "Assign the Global Reader role",
        include_str!("bash/assign_global_reader.sh"),
    )
}

pub fn assign_reader() -> Step {
    step(
        "Assign the Reader role in Azure",
        include_str!("bash/assign_reader.sh"),
    )
}
