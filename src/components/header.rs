use leptos::prelude::*;

use crate::components::t;
use crate::i18n::Msg;
use crate::model::Lang;
use crate::state::AppState;

/// The page header: the title and what it is about, then sharing, presenting and the
/// language.
#[component]
pub fn Header(
    /// Whether the dataset could not be loaded (the error page has nothing to present).
    #[prop(into)]
    failed: Signal<bool>,
    /// Whether it is still on its way.
    #[prop(into)]
    pending: Signal<bool>,
    /// The first authored tour of the dataset, which the Present button presents.
    #[prop(optional, into)]
    first_tour: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <header class="app-header">
            <div class="brand">
                <h1>"Passerelle"</h1>
                <p class="tagline">{t(Msg::Tagline)}</p>
            </div>
            <div class="controls" id="controls">
                <crate::components::ShareButton />
                // Nothing to present without a dataset (not on the error page); while it
                // loads, the button keeps its place, unseen, so nothing moves when it comes.
                {move || (!failed.get()).then(|| view! { <crate::components::PresentButton pending=pending first_tour=first_tour /> })}
                <LanguageSwitcher />
            </div>
        </header>
    }
}

/// Français · English · 中文: each name in its own language, so anyone finds theirs.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let state = expect_context::<AppState>();
    // On a phone the buttons show a short form.
    let button = move |lang: Lang, name: &'static str, short: &'static str| {
        let code = crate::i18n::html_lang(lang);
        view! {
            // The name is whichever form is shown (the other is not displayed), so what a
            // reader sees is what a screen reader says and what voice control answers to.
            <button type="button" lang=code data-lang=code aria-pressed=move || (state.lang.get() == lang).to_string()>
                <span class="lang-switcher__long">{name}</span>
                <span class="lang-switcher__short">{short}</span>
            </button>
        }
    };
    // One listener for the three (issue 25), by the language each button names.
    let switcher = NodeRef::<leptos::html::Div>::new();
    crate::dom::use_event(switcher, "click", false, move |e: web_sys::MouseEvent| {
        let Some(button) = crate::dom::event_closest(&e, "[data-lang]") else { return };
        let code = crate::dom::attr(&button, "data-lang");
        if let Some(lang) = Lang::ALL.into_iter().find(|&l| crate::i18n::html_lang(l) == code) {
            state.set_lang(lang);
        }
    });
    view! {
        <div class="lang-switcher" node_ref=switcher role="group" aria-label=t(Msg::Language)>
            {button(Lang::Fr, "Français", "FR")}
            {button(Lang::En, "English", "EN")}
            {button(Lang::Zh, "中文", "中文")}
        </div>
    }
}
