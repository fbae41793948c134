//! The browser entry point: install the panic hook and the trap listener, then mount the app.

// Faster than Rust's default for wasm (dlmalloc), for 0.7 kB gzip more; see Cargo.toml.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    passerelle::fatal::install_panic_hook();
    passerelle::fatal::install_trap_listener();
    leptos::mount::mount_to_body(passerelle::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("passerelle is a browser app: build it with trunk (see README.md).");
    std::process::exit(2);
}
