//! The set-up as a pure state machine: it names the next Graph request, and
//! reads the answer. The browser only sends what it is given and hands back
//! status and body, so every path, failure and Retry is tested natively.

use super::call::{Call, GraphRequest};
use super::graph_error::graph_problem;
use super::problem::Problem;
use super::requests as req;
use super::responses::{
    parse_list, parse_one, Application, FederatedCredential, ObjectId, Organization, Registered,
    ServicePrincipal,
};
use super::steps::{check_tenant, Fill, Produced, StepId, StepState};
use super::trust::{application_findings, has_only_certificate, service_principal_findings};
use crate::domain::entra::{Guid, TenantId};
use serde_json::Value;

mod answers;

/// What the set-up is given by the link form.
#[derive(Clone, Debug, PartialEq)]
pub struct SetupInput {
    /// Microsoft Account Name: the app registration's display name.
    pub account_name: String,
    pub tenant_typed: Option<TenantId>,
    pub organization_typed: Option<String>,
    /// `Certificate::key_credential` of this page's certificate.
    pub key_credential: Value,
    /// Its SHA-1 thumbprint.
    pub thumbprint: String,
    /// The account's other certificates (for a renewal), which an existing
    /// app may also carry.
    pub known_thumbprints: Vec<String>,
}

/// The request in flight, and what the machine has learnt inside a step.
#[derive(Clone, Debug, PartialEq)]
enum Phase {
    Idle,
    Organization,
    Me,
    FindApp,
    ReadApp(Guid),
    AppFederated(Box<Application>),
    AppOwners(Box<Application>, Vec<FederatedCredential>),
    ReplaceKey(Box<Application>),
    CreateApp,
    FindSp(Guid),
    ReadSp(Guid),
    SpOwners(Box<ServicePrincipal>),
    CreateSp(Guid),
    FindExchange,
    Grant(Guid, Guid),
    Assign(Guid),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Next {
    Send(GraphRequest),
    /// Every step is done; `Setup::fill` has what goes into the form.
    Finished,
    /// A step failed; `Setup::retry` starts again from it.
    Stopped,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Setup {
    input: SetupInput,
    steps: [StepState; 6],
    produced: Produced,
    phase: Phase,
}

/// What a phase's answer leads to.
enum Then {
    Ask(Phase),
    Done,
    Fail(Problem),
}

impl Setup {
    pub fn new(input: SetupInput) -> Setup {
        Setup {
            input,
            steps: Default::default(),
            produced: Produced::default(),
            phase: Phase::Idle,
        }
    }

    pub fn steps(&self) -> impl Iterator<Item = (StepId, &StepState)> {
        StepId::ALL.into_iter().zip(self.steps.iter())
    }

    pub fn state(&self, step: StepId) -> &StepState {
        &self.steps[step.index()]
    }

    pub fn produced(&self) -> &Produced {
        &self.produced
    }

    pub fn fill(&self) -> Fill {
        let empty = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
        Fill {
            tenant_id: self
                .produced
                .tenant_id
                .filter(|_| self.input.tenant_typed.is_none()),
            organization_name: self
                .produced
                .organization_name
                .clone()
                .filter(|_| empty(&self.input.organization_typed)),
            application_id: (self.state(StepId::ApplicationId) == &StepState::Done)
                .then_some(self.produced.application.map(|(_, app_id)| app_id))
                .flatten(),
        }
    }

    /// The request to send now. Asking again before `receive` gives the
    /// same request, so a re-render cannot skip a step.
    pub fn next_step(&mut self) -> Next {
        loop {
            if let Some(request) = self.request() {
                return Next::Send(request);
            }
            let Some(i) = self.steps.iter().position(|s| s != &StepState::Done) else {
                return Next::Finished;
            };
            if matches!(self.steps[i], StepState::Failed(_)) {
                return Next::Stopped;
            }
            self.steps[i] = StepState::Running;
            match self.start(StepId::ALL[i]) {
                Then::Ask(phase) => self.phase = phase,
                Then::Done => self.steps[i] = StepState::Done,
                Then::Fail(p) => self.steps[i] = StepState::Failed(p),
            }
        }
    }

    /// The answer to the request `next` gave.
    pub fn receive(&mut self, status: u16, body: &str) {
        let Some(request) = self.request() else {
            return;
        };
        let phase = std::mem::replace(&mut self.phase, Phase::Idle);
        let then = if (200..300).contains(&status) {
            self.advance(phase, request.call, status, body)
                .unwrap_or_else(Then::Fail)
        } else {
            Then::Fail(graph_problem(request.call, status, body))
        };
        let i = self.running();
        match then {
            Then::Ask(phase) => self.phase = phase,
            Then::Done => self.steps[i] = StepState::Done,
            Then::Fail(p) => self.steps[i] = StepState::Failed(p),
        }
    }

    /// The request never got an answer (offline, blocked by the browser).
    pub fn receive_nothing(&mut self, reason: &str) {
        self.stop(Problem::Unexpected {
            status: 0,
            code: String::new(),
            message: reason.to_string(),
        });
    }

    /// The request `next` gave is not sent after all: the running step
    /// fails with `problem`, and Retry starts it again.
    pub fn stop(&mut self, problem: Problem) {
        if self.request().is_none() {
            return;
        }
        self.phase = Phase::Idle;
        let i = self.running();
        self.steps[i] = StepState::Failed(problem);
    }

    /// Failed steps become pending; finished ones stay finished.
    pub fn retry(&mut self) {
        self.phase = Phase::Idle;
        for s in &mut self.steps {
            if !matches!(s, StepState::Done) {
                *s = StepState::Pending;
            }
        }
    }

    fn running(&self) -> usize {
        self.steps
            .iter()
            .position(|s| s == &StepState::Running)
            .unwrap_or(0)
    }

    fn own_thumbprints(&self) -> Vec<String> {
        let mut own = vec![self.input.thumbprint.clone()];
        own.extend(self.input.known_thumbprints.iter().cloned());
        own
    }

    fn start(&mut self, step: StepId) -> Then {
        let p = &self.produced;
        match step {
            StepId::Organization => Then::Ask(Phase::Organization),
            StepId::Application => Then::Ask(Phase::FindApp),
            StepId::ServicePrincipal => match p.application {
                Some((_, app_id)) => Then::Ask(Phase::FindSp(app_id)),
                None => Then::Fail(missing()),
            },
            StepId::ExchangePermission => Then::Ask(Phase::FindExchange),
            StepId::GlobalReader => match p.service_principal {
                Some(sp) => Then::Ask(Phase::Assign(sp)),
                None => Then::Fail(missing()),
            },
            StepId::ApplicationId => match p.application {
                Some(_) => Then::Done,
                None => Then::Fail(missing()),
            },
        }
    }
}

/// A step that runs before the one that makes what it needs: a bug, said
/// as one rather than sent to Graph.
fn missing() -> Problem {
    Problem::Unexpected {
        status: 0,
        code: String::new(),
        message: "an earlier step has not finished".into(),
    }
}
