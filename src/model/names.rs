//! The dataset's enums, each declared once with every name its values go by: the name in
//! the JSON (serde's, the hand-written reader's and the checker's), the slug in URLs and CSS
//! classes (`ski_resort` → `ski-resort`), the order the interface lists them in and, where
//! the interface shows them, their labels in French, English and Chinese.

/// Declares a dataset enum from one table. With labels, each variant reads
/// `Variant = "json_name" => ("French", "English", "中文")`; without, `Variant = "json_name"`.
macro_rules! named_enum {
    (
        $(#[$meta:meta])* $vis:vis enum $ty:ident {
            $($(#[$vmeta:meta])* $variant:ident = $json:literal => ($fr:literal, $en:literal, $zh:literal)),+ $(,)?
        }
    ) => {
        $crate::model::names::named_enum!(@enum $(#[$meta])* $vis enum $ty { $($(#[$vmeta])* $variant = $json),+ });
        impl $ty {
            /// The value's name in `lang`.
            pub fn label(self, lang: $crate::model::Lang) -> &'static str {
                match (self, lang) {
                    $(($ty::$variant, $crate::model::Lang::Fr) => $fr,
                      ($ty::$variant, $crate::model::Lang::En) => $en,
                      ($ty::$variant, $crate::model::Lang::Zh) => $zh,)+
                }
            }
        }
    };
    (
        $(#[$meta:meta])* $vis:vis enum $ty:ident {
            $($(#[$vmeta:meta])* $variant:ident = $json:literal),+ $(,)?
        }
    ) => {
        $crate::model::names::named_enum!(@enum $(#[$meta])* $vis enum $ty { $($(#[$vmeta])* $variant = $json),+ });
    };
    (@enum $(#[$meta:meta])* $vis:vis enum $ty:ident { $($(#[$vmeta:meta])* $variant:ident = $json:literal),+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        $vis enum $ty {
            $($(#[$vmeta])* #[serde(rename = $json)] $variant),+
        }

        impl $crate::model::enum_set::Enumerated for $ty {
            const ALL: &'static [$ty] = $ty::ALL;
            fn index(self) -> usize {
                self as usize
            }
        }

        impl $ty {
            /// Every value, in declaration order (the order the interface lists them in).
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];
            /// Their names in the JSON, in the same order.
            pub const NAMES: &'static [&'static str] = &[$($json),+];

            /// The value's name in the JSON (`ski_resort`).
            pub fn json_name(self) -> &'static str {
                match self {
                    $($ty::$variant => $json),+
                }
            }

            pub fn from_json_name(name: &str) -> Option<Self> {
                Self::NAMES.iter().position(|n| *n == name).map(|i| Self::ALL[i])
            }

            /// The value's name in URLs and CSS classes (`ski-resort`).
            pub fn slug(self) -> String {
                self.json_name().replace('_', "-")
            }

            pub fn from_slug(slug: &str) -> Option<Self> {
                Self::from_json_name(&slug.replace('-', "_"))
            }
        }
    };
}

pub(crate) use named_enum;

#[cfg(test)]
mod tests {
    use crate::model::{Domain, ItemKind, Lang, SiteKind, Status};

    /// serde reads and writes exactly the names of the table.
    #[test]
    fn serde_and_the_table_agree() {
        for k in ItemKind::ALL {
            assert_eq!(serde_json::to_value(k).unwrap(), serde_json::Value::String(k.json_name().into()));
            assert_eq!(serde_json::from_value::<ItemKind>(k.json_name().into()).unwrap(), *k);
            assert_eq!(ItemKind::from_slug(&k.slug()), Some(*k));
        }
        assert_eq!(SiteKind::SkiResort.slug(), "ski-resort");
        assert_eq!(Status::from_json_name("under_study"), Some(Status::UnderStudy));
        assert_eq!(Domain::from_slug("smart_city"), Some(Domain::SmartCity), "a slug reads with either separator");
        assert_eq!(ItemKind::from_json_name("treaty"), None);
    }

    /// Every label exists, differs between languages where it should, and the Chinese one
    /// is written in Chinese.
    #[test]
    fn every_label_is_written_in_its_language() {
        let has_cjk = |s: &str| s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
        let labels: Vec<[&str; 3]> = ItemKind::ALL
            .iter()
            .map(|v| [v.label(Lang::Fr), v.label(Lang::En), v.label(Lang::Zh)])
            .chain(Status::ALL.iter().map(|v| [v.label(Lang::Fr), v.label(Lang::En), v.label(Lang::Zh)]))
            .chain(Domain::ALL.iter().map(|v| [v.label(Lang::Fr), v.label(Lang::En), v.label(Lang::Zh)]))
            .chain(SiteKind::ALL.iter().map(|v| [v.label(Lang::Fr), v.label(Lang::En), v.label(Lang::Zh)]))
            .collect();
        assert_eq!(labels.len(), 8 + 6 + 7 + 9);
        for [fr, en, zh] in labels {
            assert!(!fr.trim().is_empty() && !en.trim().is_empty(), "{fr} / {en}");
            assert!(has_cjk(zh), "not Chinese: {zh} ({en})");
        }
        // Names that differ in French and English are translated, not copied.
        assert_ne!(ItemKind::LetterOfIntent.label(Lang::Fr), ItemKind::LetterOfIntent.label(Lang::En));
    }
}
