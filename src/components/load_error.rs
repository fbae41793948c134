use leptos::prelude::*;

use crate::model::LoadError;

/// Says why the dataset could not be loaded: which file, and every problem in it with
/// its record and field.
#[component]
pub fn LoadErrorPanel(error: LoadError) -> impl IntoView {
    let file = error.file().to_owned();
    let issues = error.issues().iter().map(|i| view! { <li>{format!("{i}.")}</li> }).collect_view();
    let unlisted = match &error {
        LoadError::Invalid { unlisted, .. } if *unlisted > 0 => Some(view! { <p>{format!("… and {unlisted} more.")}</p> }),
        _ => None,
    };
    let listed = error.issues().len() > 1;
    view! {
        <main class="workspace workspace--error" id="main">
            <section class="load-error" role="alert" data-testid="load-error">
                <h2>"The cooperation data could not be loaded"</h2>
                <p class="load-error__message">{if listed { error.summary() } else { error.to_string() }}</p>
                {listed.then(|| view! { <ol class="load-error__issues">{issues}</ol> })}
                {unlisted}
                <p class="load-error__hint">
                    "Nothing is drawn until " <code>{file}</code>
                    " loads without errors. Reload the page to try again."
                </p>
            </section>
        </main>
    }
}
