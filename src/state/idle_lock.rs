//! The idle lock: after `idleMinutes` without input the page forgets the
//! unlocked keys, and the next use of a private key asks for the password.
//! In host identity mode the portal decides how long a session lasts.

use std::cell::Cell;
use std::rc::Rc;

use crate::browser::{clock, idle};
use crate::domain::app::Config;
use crate::domain::auth::{IdleCheck, IdleLimit};
use crate::state::auth::Auth;

/// Watches input for the life of the page.
pub fn start(auth: Auth, config: &Config) {
    if auth.host_identity() {
        return;
    }
    let limit = config.idle_limit;
    let last_input = Rc::new(Cell::new(clock::now_ms()));
    let seen = last_input.clone();
    idle::on_input(move || seen.set(clock::now_ms()));
    look_after(auth, limit, last_input, limit.ms());
}

/// One timer at a time: it fires when the limit could first have passed,
/// then sets the next one from the latest input.
fn look_after(auth: Auth, limit: IdleLimit, last_input: Rc<Cell<i64>>, ms: u64) {
    idle::after(ms, move || {
        let next = match limit.check(last_input.get(), clock::now_ms()) {
            IdleCheck::Lock => {
                auth.lock();
                limit.ms()
            }
            IdleCheck::CheckAgainIn(ms) => ms,
        };
        look_after(auth, limit, last_input, next);
    });
}
