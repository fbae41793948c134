//! The browser entry point: install the panic hook and the trap listener, then mount the app.

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
