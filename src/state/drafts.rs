//! This tab's unfinished link forms. A form keeps what is typed in its own
//! signals; this handle only persists it, shortly after typing stops, into
//! the drafts document, and never into the linked accounts. The pending save
//! is written at once when the page goes away.

use std::time::Duration;

use leptos::prelude::*;

use crate::browser::{clock, tab};
use crate::domain::links::Provider;
use crate::state::persist::Persist;
use crate::store::drafts::{DraftBook, FormDraft};

/// The drafts document's key, this tab's id, and the forms to save.
type PendingSave = (String, String, Vec<(Provider, FormDraft)>);

/// How long typing must pause before the draft is saved.
const DEBOUNCE: Duration = Duration::from_millis(250);

#[derive(Clone, Copy)]
pub struct Drafts {
    persist: Persist,
    tab: StoredValue<String>,
    user: StoredValue<Option<String>>,
    pending: StoredValue<Vec<(Provider, FormDraft)>>,
    /// Bumped by every save request, so only the last timer writes.
    generation: StoredValue<u64>,
}

impl Drafts {
    pub fn new(persist: Persist, tab_id: String) -> Self {
        Drafts {
            persist,
            tab: StoredValue::new(tab_id),
            user: StoredValue::new(None),
            pending: StoredValue::new(Vec::new()),
            generation: StoredValue::new(0),
        }
    }

    pub fn expect() -> Self {
        expect_context::<Drafts>()
    }

    pub fn open(&self, user_id: &str) {
        self.user.set_value(Some(user_id.to_string()));
    }

    /// Saves what is pending, then forgets whose drafts these were.
    pub fn close(&self) {
        self.flush();
        self.user.set_value(None);
    }

    fn key(&self) -> Option<String> {
        let user = self.user.get_value()?;
        Some(self.persist.keys().drafts(&user))
    }

    /// This tab's saved draft of `provider`'s form.
    pub fn own(&self, provider: Provider) -> Option<FormDraft> {
        let key = self.key()?;
        let (book, _) = self.persist.load::<DraftBook>(&key);
        book.own(&self.tab.get_value(), provider)
            .map(|e| e.form.clone())
    }

    /// Takes over the most recent draft of `provider` that a closed tab left.
    pub async fn adopt(&self, provider: Provider) -> Option<FormDraft> {
        let key = self.key()?;
        let open = tab::open_tabs(&self.persist.keys()).await;
        let me = self.tab.get_value();
        let done = self
            .persist
            .commit::<DraftBook, _, ()>(&key, move |book| {
                let is_open =
                    |owner: &str| open.as_ref().is_some_and(|o| o.iter().any(|t| t == owner));
                Ok(book.adopt(&me, provider, is_open).map(|e| e.form.clone()))
            })
            .await
            .ok()?;
        done.result
    }

    /// Keeps `form` as this tab's draft, once typing pauses.
    pub fn save_soon(&self, provider: Provider, form: FormDraft) {
        self.pending.update_value(|p| {
            p.retain(|(q, _)| *q != provider);
            p.push((provider, form));
        });
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        let this = *self;
        set_timeout(
            move || {
                if this.generation.get_value() == generation {
                    if let Some(pending) = this.take_pending() {
                        this.save(pending);
                    }
                }
            },
            DEBOUNCE,
        );
    }

    /// Writes in the background: nothing reads how a save went, and every
    /// save must run, even while an earlier one is still writing.
    fn save(&self, (key, me, pending): PendingSave) {
        let persist = self.persist;
        let now = clock::now_ms();
        leptos::task::spawn_local(async move {
            let _ = persist
                .commit::<DraftBook, _, ()>(&key, move |book| {
                    put_all(book, &me, &pending, now);
                    Ok(())
                })
                .await;
        });
    }

    fn take_pending(&self) -> Option<PendingSave> {
        let pending = std::mem::take(&mut *self.pending.write_value());
        if pending.is_empty() {
            return None;
        }
        Some((self.key()?, self.tab.get_value(), pending))
    }

    /// Writes what is pending now, as the page goes away.
    pub fn flush(&self) {
        let Some((key, me, pending)) = self.take_pending() else {
            return;
        };
        let now = clock::now_ms();
        let _ = self.persist.commit_now::<DraftBook, _, ()>(&key, |book| {
            put_all(book, &me, &pending, now);
            Ok(())
        });
    }

    /// Deletes this tab's draft of `provider`, with its sealed key: Start over,
    /// or the account it became was linked.
    pub async fn discard(&self, provider: Provider) {
        self.pending
            .update_value(|p| p.retain(|(q, _)| *q != provider));
        self.generation.update_value(|g| *g += 1);
        let Some(key) = self.key() else {
            return;
        };
        let me = self.tab.get_value();
        let _ = self
            .persist
            .commit::<DraftBook, _, ()>(&key, move |book| {
                book.remove_own(&me, provider);
                Ok(())
            })
            .await;
    }
}

/// The change both the debounced save and the flush on leaving apply.
fn put_all(book: &mut DraftBook, me: &str, pending: &[(Provider, FormDraft)], now: i64) {
    for (provider, form) in pending {
        book.put(me, *provider, form.clone(), now);
    }
}
