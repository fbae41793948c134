use leptos::prelude::*;

use crate::chunk::chunk;
use crate::components::t;
use crate::i18n::Msg;
use crate::model::LoadError;

/// Says why the dataset could not be loaded: which file, and every problem in it with
/// its record and field.
#[component]
pub fn LoadErrorPanel(error: LoadError) -> impl IntoView {
    let lang = crate::components::current_lang();
    let file = error.file().to_owned();
    let issues = error
        .issues()
        .iter()
        .map(|i| {
            let i = i.clone();
            view! { <li>{move || crate::i18n::issue_sentence(lang(), &i)}</li> }
        })
        .collect_view();
    let unlisted = match &error {
        LoadError::Invalid { unlisted, .. } if *unlisted > 0 => {
            let n = unlisted.to_string();
            Some(view! { <p>{move || crate::i18n::trf(lang(), Msg::ErrMore, &[&n])}</p> })
        }
        _ => None,
    };
    let listed = error.issues().len() > 1;
    let sentence = {
        let error = error.clone();
        move || crate::i18n::load_error_sentence(lang(), &error)
    };
    view! {
        <main class="workspace workspace--error" id="main">
            <section class="load-error" role="alert" data-testid="load-error">
                <h2>{t(Msg::LoadFailed)}</h2>
                <p class="load-error__message">{sentence}</p>
                {listed.then(|| view! { <ol class="load-error__issues">{issues}</ol> })}
                {unlisted}
                <p class="load-error__hint">
                    {move || t(Msg::NothingDrawn)().split("{}").next().unwrap_or("").to_owned()}
                    <code>{file}</code>
                    {move || t(Msg::NothingDrawn)().split("{}").nth(1).unwrap_or("").to_owned()}
                </p>
            </section>
        </main>
    }
}

chunk!(
    /// Why a dataset could not be loaded, with the checker's findings in the page's language.
    errors, preload_errors, fn load_error_view(error: LoadError) -> AnyView {
        view! { <LoadErrorPanel error=error /> }.into_any()
    }
);
