//! The split points of code on demand: a [`chunk!`] function's body lives in a wasm chunk of
//! its own in a release build (the feature `split`: Leptos' `wasm_split`), fetched on its
//! first call; elsewhere it is an ordinary `async fn`. Kept apart from the components
//! (`crate::components::on_demand` draws what a chunk brings) so that plumbing outside them
//! (the presenter's channel, the embedding's messages) can be split too.

pub use leptos::wasm_split::SplitLoaderError as ChunkError;

/// Declares a function whose body lives in the wasm chunk `$chunk` (functions naming the same
/// chunk share it), and `$preload`, which fetches that chunk without calling anything.
macro_rules! chunk {
    ($(#[$meta:meta])* $chunk:ident, $preload:ident, fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $out:ty $body:block) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible, preload($preload))]
        $(#[$meta])*
        pub fn $name($($arg: $ty),*) -> Result<$out, $crate::chunk::ChunkError> {
            Ok($body)
        }
        #[cfg(not(feature = "split"))]
        $(#[$meta])*
        pub async fn $name($($arg: $ty),*) -> Result<$out, $crate::chunk::ChunkError> {
            Ok($body)
        }
        #[cfg(not(feature = "split"))]
        #[allow(dead_code)] // the split build's preload, here a no-op
        pub async fn $preload() -> Result<(), $crate::chunk::ChunkError> {
            Ok(())
        }
    };
}
pub(crate) use chunk;
