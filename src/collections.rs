//! The app's hash maps and sets: std's, hashed with rustc-hash's Fx hasher, not SipHash.
//!
//! Their keys are the dataset's own ids and small integers, not an attacker's choice, so
//! SipHash's resistance to collision floods buys nothing here, and it is several times
//! slower and larger in the wasm; Leptos itself already hashes with Fx.

pub type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;
pub type HashSet<T> = rustc_hash::FxHashSet<T>;
