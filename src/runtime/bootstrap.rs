//! Start-up: build `process` with the facts only Rust knows, hand JS the
//! `internalBinding` door and the primordials, run lib/internal/bootstrap/realm.js (the built-in module
//! loader) and lib/internal/bootstrap/node.js (globals, process), then the main
//! script through lib/internal/main/run.js.
use super::Runtime;
use crate::cli::Mode;
use crate::v8::{Function, Local, Object, Scope, Value, ValueKind};

impl Runtime {
    pub(super) fn bootstrap(&'static self, s: &Scope) {
        let process = self.make_process(s);
        let binding = s
            .function(
                crate::native_fn!(crate::binding::internal_binding),
                "internalBinding",
            )
            .unwrap();
        let Some(primordials) = self.make_primordials(s, binding) else {
            return;
        };
        let realm = crate::binding::builtins::compile(
            s,
            "internal/bootstrap/realm",
            &["process", "internalBinding", "primordials"],
        )
        .expect("lib/internal/bootstrap/realm.js must compile");
        let Some(require) = self
            .call_catching(
                s,
                realm,
                s.undefined(),
                &[process.value(), binding.value(), primordials.value()],
            )
            .and_then(|v| v.to::<Function>(ValueKind::Function))
        else {
            return;
        };
        self.call_catching(
            s,
            require,
            s.undefined(),
            &[s.string("internal/bootstrap/node").value()],
        );
        let Some(main) = self
            .call_catching(
                s,
                require,
                s.undefined(),
                &[s.string("internal/main/run").value()],
            )
            .and_then(|m| m.to::<Object>(ValueKind::Object))
        else {
            return;
        };
        let Some(run) = main
            .get_str(s, "runMain")
            .and_then(|f| f.to::<Function>(ValueKind::Function))
        else {
            return;
        };
        let (kind, arg) = match &self.options.mode {
            Mode::File(f) => ("file", f.clone()),
            Mode::Eval(c) => ("eval", c.clone()),
            Mode::Print(c) => ("print", c.clone()),
            Mode::Stdin { print, .. } => ("stdin", if *print { "print" } else { "" }.to_string()),
            Mode::Repl => ("repl", String::new()),
        };
        self.make_callback(
            s,
            run,
            s.undefined(),
            &[s.string(kind).value(), s.string(&arg).value()],
        );
    }

    /// The frozen primordials object (lib/internal/per_context/primordials.js), made
    /// before any other JS runs so it holds the built-ins untouched. The ES2023 methods
    /// V8 10.2 lacks (lib/internal/per_context/es2023.js) and JSON.parse with Node 20's
    /// messages (json_errors.js) are installed first, so they are built-ins like the
    /// others, primordials included.
    fn make_primordials<'s>(
        &'static self,
        s: &Scope<'s>,
        binding: Local<'s, Function>,
    ) -> Option<Local<'s, Object>> {
        let es2023 = crate::binding::builtins::compile(
            s,
            "internal/per_context/es2023",
            &["internalBinding"],
        )
        .expect("lib/internal/per_context/es2023.js must compile");
        self.call_catching(s, es2023, s.undefined(), &[binding.value()])?;
        let json_errors =
            crate::binding::builtins::compile(s, "internal/per_context/json_errors", &[])
                .expect("lib/internal/per_context/json_errors.js must compile");
        self.call_catching(s, json_errors, s.undefined(), &[])?;
        let fill = crate::binding::builtins::compile(
            s,
            "internal/per_context/primordials",
            &["primordials"],
        )
        .expect("lib/internal/per_context/primordials.js must compile");
        let primordials = s.object();
        self.call_catching(s, fill, s.undefined(), &[primordials.value()])?;
        Some(primordials)
    }

    /// `process` with what JS cannot find out itself; lib/ adds the rest.
    fn make_process<'s>(&self, s: &Scope<'s>) -> Local<'s, Object> {
        let p = s.object();
        let strings = |list: &[String]| -> Local<'s, Value> {
            let items: Vec<Local<Value>> = list.iter().map(|a| s.string(a).value()).collect();
            s.array(&items).value()
        };
        let exec_path = std::env::current_exe()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| "coil".into());
        let mut argv = vec![exec_path.clone()];
        match &self.options.mode {
            // lib/internal/main/run.js makes it absolute, as node does.
            Mode::File(f) => argv.push(f.clone()),
            Mode::Stdin { dash: true, .. } => argv.push("-".into()),
            // node's eval worker has a script name there too.
            Mode::Eval(_) if self.worker.is_some() => argv.push("[worker eval]".into()),
            _ => {}
        }
        argv.extend(self.options.script_args.iter().cloned());
        p.set_str(s, "argv", strings(&argv));
        p.set_str(s, "execArgv", strings(&self.options.exec_args));
        p.set_str(s, "execPath", s.string(&exec_path).value());
        let argv0 = std::env::args().next().unwrap_or_else(|| "coil".into());
        p.set_str(s, "argv0", s.string(&argv0).value());
        p.set_str(s, "pid", s.number(std::process::id() as f64));
        // SAFETY: getppid has no preconditions.
        p.set_str(s, "ppid", s.number(unsafe { libc::getppid() } as f64));
        let versions = s.object();
        versions.set_str(s, "coil", s.string(env!("CARGO_PKG_VERSION")).value());
        versions.set_str(s, "v8", s.string(crate::v8::version()).value());
        // The system OpenSSL crypto runs on, as Node reports its own ("3.0.13"):
        // programs (and Node's test/common) read crypto's presence from it.
        let n = openssl::version::number() as u64;
        let openssl = format!("{}.{}.{}", n >> 28, (n >> 20) & 0xff, (n >> 4) & 0xff);
        versions.set_str(s, "openssl", s.string(&openssl).value());
        p.set_str(s, "versions", versions.value());
        // process.features.coil_backend: the driver the loop runs on ('io_uring' or
        // 'epoll'); lib/internal/bootstrap/node.js keeps it when it fills the rest.
        let features = s.object();
        let backend = s.string(self.lp.backend_name()).value();
        features.set_str(s, "coil_backend", backend);
        p.set_str(s, "features", features.value());
        p.set_str(s, "arch", s.string(node_arch()).value());
        p.set_str(s, "platform", s.string("linux").value());
        p
    }
}

/// Node's names for CPU architectures.
fn node_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "x64",
        "aarch64" => "arm64",
        "x86" => "ia32",
        other => other,
    }
}
