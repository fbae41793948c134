use std::sync::Arc;

use leptos::prelude::*;

use crate::chunk::chunk;
use crate::components::t;
use crate::i18n::Msg;
use crate::model::Issue;

/// Warnings from the validator: the data is drawn, but someone should fix these.
/// Folded by default, so they inform without getting in the visitor's way.
#[component]
pub fn DataWarnings(warnings: Arc<Vec<Issue>>) -> impl IntoView {
    (!warnings.is_empty()).then(|| {
        let count = warnings.len();
        let lang = crate::components::current_lang();
        let rows = warnings
            .iter()
            .map(|w| {
                let w = w.clone();
                view! { <li>{move || crate::i18n::issue_sentence(lang(), &w)}</li> }
            })
            .collect_view();
        view! {
            <details class="data-warnings" data-testid="data-warnings">
                <summary>{move || crate::i18n::fill(t(Msg::Warnings)(), &[&count.to_string()])}</summary>
                <ul>{rows}</ul>
            </details>
        }
    })
}

chunk!(
    /// The checker's warnings about a dataset that is drawn anyway.
    errors, preload_warnings, fn data_warnings_view(warnings: Arc<Vec<Issue>>) -> AnyView {
        view! { <DataWarnings warnings=warnings /> }.into_any()
    }
);
