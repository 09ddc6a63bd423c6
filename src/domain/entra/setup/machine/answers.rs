//! Each phase's request, and what its answer leads to.

use super::*;
use crate::domain::entra::setup::responses::unreadable;

impl Setup {
    pub(super) fn request(&self) -> Option<GraphRequest> {
        let own_key = || self.input.key_credential.clone();
        Some(match &self.phase {
            Phase::Idle => return None,
            Phase::Organization => req::read_organization(),
            Phase::Me => req::read_signed_in_user(),
            Phase::FindApp => req::find_applications(&self.input.account_name),
            Phase::ReadApp(id) => req::read_application(id),
            Phase::AppFederated(app) => req::read_federated_credentials(&app.id),
            Phase::AppOwners(app, _) => req::read_application_owners(&app.id),
            Phase::ReplaceKey(app) => req::replace_key(&app.id, own_key()),
            Phase::CreateApp => req::create_application(&self.input.account_name, own_key()),
            Phase::FindSp(app_id) => req::find_service_principal(app_id.as_str()),
            Phase::ReadSp(id) => req::read_service_principal(id),
            Phase::SpOwners(sp) => req::read_service_principal_owners(&sp.id),
            Phase::CreateSp(app_id) => req::create_service_principal(app_id),
            Phase::FindExchange => req::find_service_principal(req::EXCHANGE_ONLINE_APP_ID),
            Phase::Grant(exchange, sp) => req::grant_exchange_manage_as_app(exchange, sp),
            Phase::Assign(sp) => req::assign_global_reader(sp),
        })
    }

    /// A successful answer to `phase`.
    pub(super) fn advance(
        &mut self,
        phase: Phase,
        call: Call,
        status: u16,
        body: &str,
    ) -> Result<Then, Problem> {
        Ok(match phase {
            Phase::Idle => Then::Done,
            Phase::Organization => {
                let orgs: Vec<Organization> = parse_list(call, status, body)?;
                let [org] = orgs.as_slice() else {
                    return Err(unreadable(call, status));
                };
                check_tenant(self.input.tenant_typed.as_ref(), org)?;
                self.produced.tenant_id = Some(org.id);
                self.produced.organization_name = org.display_name.clone();
                Then::Ask(Phase::Me)
            }
            Phase::Me => {
                let me: ObjectId = parse_one(call, status, body)?;
                self.produced.admin = Some(me.id);
                Then::Done
            }
            Phase::FindApp => {
                let apps: Vec<Registered> = parse_list(call, status, body)?;
                match apps.as_slice() {
                    [] => Then::Ask(Phase::CreateApp),
                    [one] => Then::Ask(Phase::ReadApp(one.id)),
                    several => {
                        return Err(Problem::SeveralApps {
                            name: self.input.account_name.clone(),
                            count: several.len(),
                        })
                    }
                }
            }
            Phase::ReadApp(_) => Then::Ask(Phase::AppFederated(Box::new(parse_one(
                call, status, body,
            )?))),
            Phase::AppFederated(app) => {
                Then::Ask(Phase::AppOwners(app, parse_list(call, status, body)?))
            }
            Phase::AppOwners(app, federated) => {
                let owners: Vec<ObjectId> = parse_list(call, status, body)?;
                let own = self.own_thumbprints();
                let found =
                    application_findings(&app, &federated, &owners, &own, self.produced.admin);
                if !found.is_empty() {
                    return Err(Problem::NotOurApp {
                        name: self.input.account_name.clone(),
                        app_id: app.app_id.as_str().to_string(),
                        found,
                    });
                }
                if has_only_certificate(&app, &self.input.thumbprint) {
                    self.produced.application = Some((app.id, app.app_id));
                    Then::Done
                } else {
                    Then::Ask(Phase::ReplaceKey(app))
                }
            }
            Phase::ReplaceKey(app) => {
                self.produced.application = Some((app.id, app.app_id));
                Then::Done
            }
            Phase::CreateApp => {
                let app: Registered = parse_one(call, status, body)?;
                self.produced.application = Some((app.id, app.app_id));
                Then::Done
            }
            Phase::FindSp(app_id) => {
                let sps: Vec<Registered> = parse_list(call, status, body)?;
                match sps.as_slice() {
                    [] => Then::Ask(Phase::CreateSp(app_id)),
                    [one] if one.app_id == app_id => Then::Ask(Phase::ReadSp(one.id)),
                    _ => return Err(unreadable(call, status)),
                }
            }
            Phase::ReadSp(_) => {
                Then::Ask(Phase::SpOwners(Box::new(parse_one(call, status, body)?)))
            }
            Phase::SpOwners(sp) => {
                let owners: Vec<ObjectId> = parse_list(call, status, body)?;
                let own = self.own_thumbprints();
                let found = service_principal_findings(&sp, &owners, &own, self.produced.admin);
                if !found.is_empty() {
                    return Err(Problem::NotOurApp {
                        name: self.input.account_name.clone(),
                        app_id: sp.app_id.as_str().to_string(),
                        found,
                    });
                }
                self.produced.service_principal = Some(sp.id);
                Then::Done
            }
            Phase::CreateSp(_) => {
                let sp: Registered = parse_one(call, status, body)?;
                self.produced.service_principal = Some(sp.id);
                Then::Done
            }
            Phase::FindExchange => {
                let sps: Vec<Registered> = parse_list(call, status, body)?;
                let exchange = sps
                    .iter()
                    .find(|s| s.app_id.as_str() == req::EXCHANGE_ONLINE_APP_ID)
                    .ok_or(Problem::ExchangeMissing)?;
                let sp = self.produced.service_principal.ok_or_else(missing)?;
                self.produced.exchange_service_principal = Some(exchange.id);
                Then::Ask(Phase::Grant(exchange.id, sp))
            }
            Phase::Grant(..) | Phase::Assign(_) => Then::Done,
        })
    }
}
