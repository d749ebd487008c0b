//! coil: a JavaScript runtime for Linux. V8 (from the system's libnode) runs on one
//! thread; the event loop is a completion-based Proactor over io_uring.
#![deny(clippy::undocumented_unsafe_blocks)]

mod backend;
mod binding;
mod cli;
mod env_file;
#[path = "loop/mod.rs"]
mod event_loop;
mod fd_limit;
mod runtime;
mod signal_mask;
mod v8;

use std::io::Write;

fn main() {
    signal_mask::reset_inherited();
    let options = match cli::from_process() {
        cli::Parsed::Run(o) => o,
        cli::Parsed::Print(text) => {
            print!("{text}");
            return;
        }
        cli::Parsed::Fail(msg, code) => {
            eprint!("{msg}");
            std::process::exit(code);
        }
    };
    binding::tls::warn_extra_ca_certs();
    fd_limit::raise();
    // Ours first, so that a user's flag wins (see src/v8/flags.rs).
    let mut flags: Vec<String> = v8::DEFAULT_V8_FLAGS.iter().map(|f| f.to_string()).collect();
    flags.extend(options.v8_flags.iter().cloned());
    // V8's platform threads are made here and inherit this mask: they never take a
    // signal meant for the loop thread (src/signal_mask.rs).
    let mask = signal_mask::block_async_signals();
    let unknown = v8::init(&flags);
    signal_mask::restore(&mask);
    if let Some(flag) = unknown.first() {
        eprintln!("coil: bad option: {flag}");
        std::process::exit(9);
    }
    let rt = match runtime::Runtime::create(options) {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("coil: {e}");
            std::process::exit(70);
        }
    };
    let code = rt.run();
    binding::napi::teardown(rt);
    if rt.options.stats {
        rt.print_stats();
    }
    let _ = std::io::stdout().flush();
    // The backend is torn down (ops still in flight cancelled, drained, freed after
    // the ring is closed); V8 is not: the process is ending and the OS frees it.
    rt.lp.shutdown();
    runtime::exit_process(code);
}
