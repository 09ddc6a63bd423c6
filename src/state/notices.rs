//! Messages shown above the page until dismissed.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Success,
    Warning,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub id: u32,
    pub kind: NoticeKind,
    pub text: String,
}

#[derive(Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<Notice>>,
    next: StoredValue<u32>,
}

impl Notices {
    pub fn new() -> Self {
        Notices {
            list: RwSignal::new(Vec::new()),
            next: StoredValue::new(1),
        }
    }

    pub fn expect() -> Self {
        expect_context::<Notices>()
    }

    pub fn push(&self, kind: NoticeKind, text: impl Into<String>) {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        let text = text.into();
        self.list.update(|l| {
            // The same message twice in a row says nothing new.
            if !l.iter().any(|n| n.text == text) {
                l.push(Notice { id, kind, text });
            }
        });
    }

    pub fn dismiss(&self, id: u32) {
        self.list.update(|l| l.retain(|n| n.id != id));
    }

    /// Drops every notice: on sign-out they speak of the last person's data.
    pub fn clear(&self) {
        self.list.set(Vec::new());
    }

    pub fn list(&self) -> Signal<Vec<Notice>> {
        self.list.into()
    }
}

impl Default for Notices {
    fn default() -> Self {
        Self::new()
    }
}
