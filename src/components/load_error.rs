use leptos::prelude::*;

use crate::model::LoadError;

/// Says why the dataset could not be loaded: which file, and what is wrong where.
#[component]
pub fn LoadErrorPanel(error: LoadError) -> impl IntoView {
    let file = error.file().to_owned();
    view! {
        <main class="workspace workspace--error" id="main">
            <section class="load-error" role="alert" data-testid="load-error">
                <h2>"The cooperation data could not be loaded"</h2>
                <p class="load-error__message">{error.to_string()}</p>
                <p class="load-error__hint">
                    "Nothing is drawn until " <code>{file}</code>
                    " loads without errors. Reload the page to try again."
                </p>
            </section>
        </main>
    }
}
