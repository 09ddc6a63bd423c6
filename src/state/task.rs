//! The one way async work runs: a [`Task`], whose `pending()` says it is under
//! way and whose `value()` holds the result of the latest run.
//!
//! It does what the few parts of Leptos's `Action` that pages use do (pending,
//! latest value, dispatch), built from a signal, a memo and `spawn_local`;
//! `Action`'s own machinery (abort handles, input and version signals) is left
//! out because nothing here uses it (see docs/size-ledger.md).

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

/// A job's future, boxed so that every task with the same output shares one
/// copy of the polling code in the bundle instead of one per async block.
pub type Job<O> = Pin<Box<dyn Future<Output = O>>>;

type Work<I, O> = Box<dyn Fn(&I) -> Job<O>>;

/// Async work run on this thread for each `dispatch`. Its signals belong to
/// the component that made it; a run that ends after the component is gone
/// changes nothing.
pub struct Task<I: 'static, O: 'static> {
    work: StoredValue<Work<I, O>, LocalStorage>,
    in_flight: RwSignal<usize>,
    pending: Memo<bool>,
    /// Numbers the runs, so only the latest one sets the value.
    dispatched: StoredValue<u64>,
    value: RwSignal<Option<O>, LocalStorage>,
    /// Inputs of `dispatch_in_order`; the front one is running.
    in_order: StoredValue<VecDeque<I>, LocalStorage>,
}

impl<I, O> Clone for Task<I, O> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I, O> Copy for Task<I, O> {}

impl<I: 'static, O: 'static> Task<I, O> {
    /// A task running `work` for each `dispatch`.
    pub fn new<Fu>(work: impl Fn(&I) -> Fu + 'static) -> Self
    where
        Fu: Future<Output = O> + 'static,
    {
        let in_flight = RwSignal::new(0usize);
        Task {
            work: StoredValue::new_local(Box::new(move |input: &I| -> Job<O> {
                Box::pin(work(input))
            })),
            in_flight,
            pending: Memo::new(move |_| in_flight.get() > 0),
            dispatched: StoredValue::new(0),
            value: RwSignal::new_local(None),
            in_order: StoredValue::new_local(VecDeque::new()),
        }
    }

    /// Runs the work with `input` unless a run is still under way, so a
    /// second click or submit while the first one's work is in flight does
    /// nothing.
    pub fn dispatch(&self, input: I) {
        if self.in_flight.try_get_untracked() == Some(0) {
            self.dispatch_always(input);
        }
    }

    /// Runs the work with `input` even while earlier runs are under way: for
    /// requests that must each be answered, such as the portal's. The latest
    /// dispatched run still sets the value.
    pub fn dispatch_always(&self, input: I) {
        let Some(job) = self.work.try_with_value(|work| work(&input)) else {
            return;
        };
        let Some(run) = self.dispatched.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        self.in_flight.update(|n| *n += 1);
        let this = *self;
        leptos::task::spawn_local(async move {
            let out = job.await;
            if this.dispatched.try_get_value() == Some(run) {
                this.value.try_set(Some(out));
            }
            this.in_flight.try_update(|n| *n = n.saturating_sub(1));
        });
    }

    /// Runs the work with `input` once every earlier `dispatch_in_order`
    /// run has ended: for requests whose effects must land in the order
    /// they arrived, such as a portal's sign-in followed by its sign-out.
    pub fn dispatch_in_order(&self, input: I) {
        let Some(first) = self.in_order.try_update_value(|q| {
            q.push_back(input);
            q.len() == 1
        }) else {
            return;
        };
        if !first {
            return;
        }
        self.in_flight.update(|n| *n += 1);
        let this = *self;
        leptos::task::spawn_local(async move {
            while let Some(Some(job)) = this.in_order.try_with_value(|q| {
                q.front()
                    .and_then(|input| this.work.try_with_value(|work| work(input)))
            }) {
                let out = job.await;
                this.value.try_set(Some(out));
                let more = this.in_order.try_update_value(|q| {
                    q.pop_front();
                    !q.is_empty()
                });
                if more != Some(true) {
                    break;
                }
            }
            this.in_flight.try_update(|n| *n = n.saturating_sub(1));
        });
    }

    /// True while a run is under way.
    pub fn pending(&self) -> Memo<bool> {
        self.pending
    }

    /// The result of the latest run; `None` until it ends.
    pub fn value(&self) -> RwSignal<Option<O>, LocalStorage> {
        self.value
    }
}
