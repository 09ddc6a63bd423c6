//! Errors show once a field was left or the form was submitted, not while
//! the person is still typing into an empty form.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Touched<F: Send + Sync + 'static> {
    fields: RwSignal<Vec<F>>,
}

pub fn use_touched<F: Copy + PartialEq + Send + Sync + 'static>() -> Touched<F> {
    Touched {
        fields: RwSignal::new(Vec::new()),
    }
}

impl<F: Copy + PartialEq + Send + Sync + 'static> Touched<F> {
    pub fn touch(&self, field: F) {
        self.fields.update(|t| {
            if !t.contains(&field) {
                t.push(field)
            }
        });
    }

    /// On submit: every field shows its error.
    pub fn touch_all(&self, fields: &[F]) {
        self.fields.set(fields.to_vec());
    }

    pub fn is(&self, field: F) -> bool {
        self.fields.with(|t| t.contains(&field))
    }

    pub fn reset(&self) {
        self.fields.set(Vec::new());
    }

    /// `error` of the field once it was touched.
    pub fn error(
        &self,
        field: F,
        error: impl Fn(F) -> Option<String> + Send + Sync + 'static,
    ) -> Signal<Option<String>> {
        let this = *self;
        Signal::derive(move || if this.is(field) { error(field) } else { None })
    }
}
