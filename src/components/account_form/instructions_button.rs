//! The link pages' way into their step-by-step instructions.

use leptos::html;
use leptos::prelude::*;

use crate::components::form::Dialog;

/// "Click here for detailed instructions…", opening `children` in a dialog titled `title`.
#[component]
pub fn InstructionsButton(title: String, children: ChildrenFn) -> impl IntoView {
    let open = RwSignal::new(false);
    let button = NodeRef::<html::Button>::new();
    view! {
        <p>
            <button type="button" class="button" node_ref=button on:click=move |_| open.set(true)>
                "Click here for detailed instructions on how to connect"
            </button>
        </p>
        <Dialog open title_id="instructions-title" title return_focus=button>
            {children()}
        </Dialog>
    }
}
