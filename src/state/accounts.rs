//! The signed-in person's linked accounts: typed queries for pages, and
//! `link`, `update` and `remove`, each a change applied to the latest stored
//! document. Another tab's changes arrive through [`Accounts::refresh`].

use leptos::prelude::*;

use crate::browser::home_copy;
use crate::domain::links::{Integration, Provider};
use crate::state::persist::{Change, Persist};
use crate::store::document;
use crate::store::schema::{Session, UserData};
use crate::store::session_check::{self, SessionCheck};
use crate::store::write::WriteError;
use crate::store::StoreError;

/// Why a change to the accounts did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AccountsError<E> {
    /// No one is signed in in this tab, or another tab signed someone else in.
    SignedOut,
    Store(StoreError),
    Rejected(E),
}

impl<E: std::fmt::Display> std::fmt::Display for AccountsError<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AccountsError::SignedOut => f.write_str(
                "You are no longer signed in here (another tab signed out or signed in as someone else). Nothing was saved.",
            ),
            AccountsError::Store(e) => e.fmt(f),
            AccountsError::Rejected(e) => e.fmt(f),
        }
    }
}

#[derive(Clone, Copy)]
pub struct Accounts {
    persist: Persist,
    /// Whose accounts these are; `None` while signed out.
    user: RwSignal<Option<String>>,
    list: RwSignal<Vec<Integration>>,
    /// The stored revision `list` reflects.
    revision: StoredValue<u64>,
    /// Local accounts store their session; a portal's do not.
    session_stored: bool,
}

impl Accounts {
    pub fn new(persist: Persist, session_stored: bool) -> Self {
        Accounts {
            persist,
            user: RwSignal::new(None),
            list: RwSignal::new(Vec::new()),
            revision: StoredValue::new(0),
            session_stored,
        }
    }

    pub fn expect() -> Self {
        expect_context::<Accounts>()
    }

    /// Loads `user_id`'s accounts, before the session shows them.
    pub fn open(&self, user_id: &str) {
        let (data, revision) = self
            .persist
            .load::<UserData>(&self.persist.keys().user(user_id));
        self.revision.set_value(revision);
        self.list.set(data.integrations);
        self.user.set(Some(user_id.to_string()));
    }

    pub fn close(&self) {
        self.user.set(None);
        self.list.set(Vec::new());
        self.revision.set_value(0);
    }

    /// Every linked account, in linking order.
    pub fn with<R>(&self, f: impl FnOnce(&[Integration]) -> R) -> R {
        self.list.with(|l| f(l))
    }

    pub fn count(&self, provider: Provider) -> usize {
        self.list
            .with(|l| l.iter().filter(|i| i.provider == provider).count())
    }

    pub fn has_connection(&self) -> bool {
        self.list.with(|l| !l.is_empty())
    }

    /// One provider's accounts, recomputed only when the list changes.
    pub fn of(&self, provider: Provider) -> Memo<Vec<Integration>> {
        let list = self.list;
        Memo::new(move |_| {
            list.with(|l| {
                l.iter()
                    .filter(|i| i.provider == provider)
                    .cloned()
                    .collect()
            })
        })
    }

    /// Keeps what Home shows now for the next load (`browser::home_copy`),
    /// with the stored revision the list reflects. Only where the session
    /// is kept in this browser: a portal signs its user in on every load.
    pub fn keep_home_copy(&self) {
        let Some(user) = self.user.get_untracked().filter(|_| self.session_stored) else {
            return;
        };
        let keys = self.persist.keys();
        let document = keys.user(&user);
        home_copy::keep_soon(keys, document, self.revision.get_value());
    }

    pub fn find(&self, id: &str) -> Option<Integration> {
        self.list.with(|l| l.iter().find(|i| i.id == id).cloned())
    }

    pub fn find_untracked(&self, id: &str) -> Option<Integration> {
        self.list
            .with_untracked(|l| l.iter().find(|i| i.id == id).cloned())
    }

    /// Applies `change` to the latest stored accounts and shows the result.
    pub async fn change<R, E>(
        &self,
        change: impl FnMut(&mut Vec<Integration>) -> Result<R, E> + 'static,
    ) -> Result<R, AccountsError<E>>
    where
        R: 'static,
        E: 'static,
    {
        self.change_dyn(Box::new(change)).await
    }

    /// The body of [`Accounts::change`], with the change boxed, so its future
    /// is compiled once per result type rather than once per caller
    /// (a size trick: docs/size-ledger.md).
    async fn change_dyn<R: 'static, E: 'static>(
        &self,
        mut change: Change<Vec<Integration>, R, E>,
    ) -> Result<R, AccountsError<E>> {
        let user = self.writable_user()?;
        let done = self
            .persist
            .commit::<UserData, R, E>(&self.persist.keys().user(&user), move |d| {
                change(&mut d.integrations)
            })
            .await
            .map_err(|e| match e {
                WriteError::Store(e) => AccountsError::Store(e),
                WriteError::Rejected(e) => AccountsError::Rejected(e),
            })?;
        // The person may have signed out while the lock was awaited.
        if self.user.get_untracked().as_deref() == Some(&user) {
            self.revision.set_value(done.revision);
            self.list.set(done.value.integrations);
        }
        Ok(done.result)
    }

    /// Adds an account unless `duplicate` finds one it clashes with, judged on
    /// the latest stored list; the error is what `duplicate` returned.
    pub async fn link<E: 'static>(
        &self,
        integration: Integration,
        duplicate: impl Fn(&[Integration]) -> Option<E> + 'static,
    ) -> Result<(), AccountsError<E>> {
        self.change(move |list| match duplicate(list) {
            Some(e) => Err(e),
            None => {
                list.push(integration.clone());
                Ok(())
            }
        })
        .await
    }

    /// Changes one account in place; `Ok(false)` when it no longer exists.
    pub async fn update(
        &self,
        id: &str,
        change: impl Fn(&mut Integration) + 'static,
    ) -> Result<bool, AccountsError<std::convert::Infallible>> {
        let id = id.to_string();
        self.change(move |list| {
            Ok(match list.iter_mut().find(|i| i.id == id) {
                Some(i) => {
                    change(i);
                    true
                }
                None => false,
            })
        })
        .await
    }

    /// Removes an account with its certificate and sealed key; the removed
    /// account, or `None` when another tab removed it first.
    pub async fn remove(
        &self,
        id: &str,
    ) -> Result<Option<Integration>, AccountsError<std::convert::Infallible>> {
        let id = id.to_string();
        self.change(move |list| {
            let at = list.iter().position(|i| i.id == id);
            Ok(at.map(|at| list.remove(at)))
        })
        .await
    }

    /// Another tab wrote this person's document: show what it wrote.
    pub fn refresh(&self, raw: Option<&str>) {
        if self.user.get_untracked().is_none() {
            return;
        }
        let (data, revision) = match raw {
            Some(raw) => match document::decode::<UserData>(raw) {
                Some(decoded) => decoded,
                // Unreadable: the next load or write sets it aside with a notice.
                None => return,
            },
            None => (UserData::default(), 0),
        };
        if revision != self.revision.get_value() || raw.is_none() {
            self.revision.set_value(revision);
            self.list.set(data.integrations);
        }
    }

    /// The user this tab may write for: signed in here, and still the one
    /// the stored session names.
    fn writable_user<E>(&self) -> Result<String, AccountsError<E>> {
        let user = self.user.get_untracked().ok_or(AccountsError::SignedOut)?;
        if self.session_stored {
            let (stored, _) = self.persist.load::<Session>(&self.persist.keys().session());
            if session_check::check(Some(&stored), &user) != SessionCheck::Same {
                return Err(AccountsError::SignedOut);
            }
        }
        Ok(user)
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use futures::executor::block_on;

    use super::*;
    use crate::domain::fixtures::aws;
    use crate::domain::links::LinkStatus;
    use crate::state::notices::Notices;
    use crate::store::keys::Keys;
    use crate::store::memory::MemoryStore;
    use crate::store::KeyValue;

    fn sign_in(kv: &MemoryStore, user: &str) {
        let session = format!(
            r#"{{"version":1,"revision":1,"data":{{"user_id":"{user}","email":"{user}@x.io"}}}}"#
        );
        kv.set(&Keys::new("p.").session(), &session).unwrap();
    }

    /// Two tabs: two sets of handles over one shared store.
    fn two_tabs(kv: &Rc<MemoryStore>) -> (Accounts, Accounts) {
        let tab = || {
            let persist = Persist::new(kv.clone(), Keys::new("p."), Notices::new());
            let accounts = Accounts::new(persist, true);
            accounts.open("u1");
            accounts
        };
        (tab(), tab())
    }

    /// u1 signed in, with two tabs open on one store.
    fn setup() -> (Owner, Rc<MemoryStore>, Accounts, Accounts) {
        let owner = Owner::new();
        owner.set();
        let kv = Rc::new(MemoryStore::default());
        sign_in(&kv, "u1");
        let (one, two) = two_tabs(&kv);
        (owner, kv, one, two)
    }

    fn never_duplicate(_: &[Integration]) -> Option<&'static str> {
        None
    }

    #[test]
    fn two_tabs_holding_stale_lists_both_link() {
        let (_owner, kv, one, two) = setup();
        block_on(one.link(aws("first", "111111111111"), never_duplicate)).unwrap();
        assert_eq!(two.count(Provider::Aws), 0, "tab two has not heard yet");
        block_on(two.link(aws("second", "222222222222"), never_duplicate)).unwrap();
        assert_eq!(
            two.count(Provider::Aws),
            2,
            "tab two wrote onto the latest list"
        );
        one.refresh(kv.get(&Keys::new("p.").user("u1")).as_deref());
        assert_eq!(
            one.count(Provider::Aws),
            2,
            "tab one follows the storage event"
        );
        assert!(one.find_untracked("first").is_some() && one.find_untracked("second").is_some());
    }

    #[test]
    fn duplicates_are_judged_on_the_latest_list_not_the_tabs_copy() {
        let (_owner, kv, one, two) = setup();
        let same_role = |list: &[Integration]| {
            list.iter()
                .any(|i| i.id == "first")
                .then_some("already linked")
        };
        block_on(one.link(aws("first", "111111111111"), never_duplicate)).unwrap();
        let refused = block_on(two.link(aws("again", "111111111111"), same_role));
        assert_eq!(refused, Err(AccountsError::Rejected("already linked")));
        let stored = kv.get(&Keys::new("p.").user("u1")).unwrap();
        assert!(!stored.contains("again"), "{stored}");
    }

    #[test]
    fn a_tab_whose_person_was_replaced_elsewhere_writes_nothing() {
        let (_owner, kv, one, _) = setup();
        sign_in(&kv, "u2");
        let refused = block_on(one.link(aws("sneaky", "333333333333"), never_duplicate));
        assert_eq!(refused, Err(AccountsError::SignedOut));
        assert!(kv.get(&Keys::new("p.").user("u1")).is_none());
    }

    #[test]
    fn updates_and_removals_apply_to_the_latest_list() {
        let (_owner, kv, one, two) = setup();
        block_on(one.link(aws("first", "111111111111"), never_duplicate)).unwrap();
        block_on(one.link(aws("second", "222222222222"), never_duplicate)).unwrap();
        // Tab two never saw either, yet removes one and keeps the other.
        let gone = block_on(two.remove("first")).unwrap();
        assert_eq!(gone.map(|g| g.id), Some("first".to_string()));
        assert!(
            block_on(two.update("second", |i| i.status = LinkStatus::TenantNotVerified)).unwrap()
        );
        assert!(
            !block_on(two.update("first", |_| {})).unwrap(),
            "already gone"
        );
        let stored = kv.get(&Keys::new("p.").user("u1")).unwrap();
        assert!(
            stored.contains("second") && !stored.contains("\"first\""),
            "{stored}"
        );
    }
}
