//! Command-line parsing, as node does it: options first, then the script (or -e/-p
//! code, or - for stdin), then the script's own arguments. NODE_OPTIONS is parsed
//! the same way, with node's refusals (no -e, no script, only some V8 flags), and
//! comes before the command line, which wins. Options coil does not know are
//! offered to V8; what V8 does not know either is a "bad option" (exit 9). The
//! values lib/ needs reach it through internalBinding('options').
use std::collections::BTreeMap;

mod usage;
mod worker_options;
pub use usage::USAGE;
pub use worker_options::worker_option_values;

#[derive(Clone)]
pub enum Mode {
    File(String),
    Eval(String),
    Print(String),
    /// The script comes from stdin; `dash` when `-` was typed (it stays in argv);
    /// `print` with -p and no code (`echo 1+1 | coil -p`).
    Stdin {
        dash: bool,
        print: bool,
    },
    /// No script and stdin a terminal, or -i: the REPL (lib/internal/main/repl.js).
    Repl,
    /// A Worker's entry point given as a data: URL (run as an ES module).
    Url(String),
}

/// The value of an option, as lib/ reads it with getOptionValue.
#[derive(Clone, Debug, PartialEq)]
pub enum OptionValue {
    Bool(bool),
    Text(String),
    List(Vec<String>),
}

#[derive(Clone)]
pub struct Options {
    pub mode: Mode,
    /// Arguments after the script (process.argv from index 2).
    pub script_args: Vec<String>,
    /// Options before the script, as typed (process.execArgv).
    pub exec_args: Vec<String>,
    /// Candidate V8 flags, handed to V8 at start-up.
    pub v8_flags: Vec<String>,
    /// --stats: print the backend's counters to stderr at exit.
    pub stats: bool,
    /// --trace-uring: print every SQE, CQE and kernel entry to stderr as it happens.
    pub trace_uring: bool,
    /// --trace-epoll: the epoll driver's events (wait, readiness, syscalls, epoll_ctl).
    pub trace_epoll: bool,
    /// --backend=uring|epoll (else $COIL_BACKEND, else uring).
    pub backend: crate::backend::Kind,
    /// -c: compile the script and stop.
    pub check: bool,
    /// Every option coil itself acts on, by its long name ('--require' for -r).
    pub values: BTreeMap<String, OptionValue>,
}

impl Options {
    pub fn text(&self, name: &str) -> Option<&str> {
        match self.values.get(name) {
            Some(OptionValue::Text(t)) => Some(t),
            _ => None,
        }
    }

    #[cfg(test)]
    pub fn list(&self, name: &str) -> &[String] {
        match self.values.get(name) {
            Some(OptionValue::List(l)) => l,
            _ => &[],
        }
    }

    pub fn flag(&self, name: &str) -> bool {
        matches!(self.values.get(name), Some(OptionValue::Bool(true)))
    }
}

pub enum Parsed {
    Run(Options),
    /// Print this text to stdout and exit 0 (--version, --help).
    Print(String),
    /// Print this to stderr and exit with the code.
    Fail(String, i32),
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Bool,
    Text,
    List,
}

/// (long name, short name, kind, allowed in NODE_OPTIONS).
const KNOWN: &[(&str, &str, Kind, bool)] = &[
    ("--check", "-c", Kind::Bool, false),
    ("--interactive", "-i", Kind::Bool, false),
    ("--require", "-r", Kind::List, true),
    ("--import", "", Kind::List, true),
    ("--conditions", "-C", Kind::List, true),
    ("--env-file", "", Kind::List, false),
    ("--title", "", Kind::Text, true),
    ("--input-type", "", Kind::Text, true),
    ("--unhandled-rejections", "", Kind::Text, true),
    ("--warnings", "", Kind::Bool, true),
    ("--trace-warnings", "", Kind::Bool, true),
    ("--no-deprecation", "", Kind::Bool, true),
    ("--throw-deprecation", "", Kind::Bool, true),
    ("--trace-deprecation", "", Kind::Bool, true),
    ("--pending-deprecation", "", Kind::Bool, true),
    ("--trace-uncaught", "", Kind::Bool, true),
    ("--enable-source-maps", "", Kind::Bool, true),
    ("--preserve-symlinks", "", Kind::Bool, true),
    ("--preserve-symlinks-main", "", Kind::Bool, true),
    ("--stats", "", Kind::Bool, true),
    ("--trace-uring", "", Kind::Bool, true),
    ("--trace-epoll", "", Kind::Bool, true),
    ("--backend", "", Kind::Text, true),
    ("--dns-result-order", "", Kind::Text, true),
    ("--insecure-http-parser", "", Kind::Bool, true),
    ("--max-http-header-size", "", Kind::Text, true),
    ("--test", "", Kind::Bool, false),
    ("--test-only", "", Kind::Bool, true),
    ("--test-reporter", "", Kind::List, true),
    ("--test-reporter-destination", "", Kind::List, true),
    ("--test-name-pattern", "", Kind::List, true),
    ("--test-concurrency", "", Kind::Text, true),
    ("--test-timeout", "", Kind::Text, true),
    ("--no-experimental-fetch", "", Kind::Bool, true),
    // Node refuses it in NODE_OPTIONS: internals are for a test's own command line.
    ("--expose-internals", "", Kind::Bool, false),
    ("--network-family-autoselection", "", Kind::Bool, true),
    (
        "--network-family-autoselection-attempt-timeout",
        "",
        Kind::Text,
        true,
    ),
];

/// V8 flags node accepts in NODE_OPTIONS (the rest only on the command line).
const V8_IN_NODE_OPTIONS: &[&str] = &[
    "--abort-on-uncaught-exception",
    "--disallow-code-generation-from-strings",
    "--expose-gc",
    "--huge-max-old-generation-size",
    "--interpreted-frames-native-stack",
    "--jitless",
    "--max-old-space-size",
    "--max-semi-space-size",
    "--perf-basic-prof",
    "--perf-basic-prof-only-functions",
    "--perf-prof",
    "--perf-prof-unwinding-info",
    "--stack-trace-limit",
];

/// Options, mode and script arguments being collected from one or more sources.
#[derive(Default)]
struct Collector {
    mode: Option<Mode>,
    exec_args: Vec<String>,
    v8_flags: Vec<String>,
    values: BTreeMap<String, OptionValue>,
    /// -e/-p code: option parsing goes on after it, as in node, until `--` or the
    /// first argument that is not an option.
    eval_code: Option<String>,
    print: bool,
}

impl Collector {
    fn set(&mut self, kind: Kind, name: &str, value: Option<String>) {
        let v = match (kind, value) {
            (Kind::List, Some(v)) => {
                if let Some(OptionValue::List(l)) = self.values.get_mut(name) {
                    l.push(v);
                    return;
                }
                OptionValue::List(vec![v])
            }
            (Kind::Text, Some(v)) => OptionValue::Text(v),
            (_, _) => OptionValue::Bool(true),
        };
        self.values.insert(name.to_string(), v);
    }

    /// Reads options from `args` until the script; returns the script's arguments.
    /// `env` is true for NODE_OPTIONS, where node refuses some options.
    fn read(&mut self, args: Vec<String>, env: bool) -> Result<Vec<String>, Stop> {
        let refuse = |a: &str| Stop::Fail(format!("coil: {a} is not allowed in NODE_OPTIONS\n"), 9);
        let mut it = args.into_iter().peekable();
        while let Some(arg) = it.next() {
            let (name, inline) = match arg.split_once('=') {
                Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
                _ => (arg.clone(), None),
            };
            match name.as_str() {
                "-v" | "--version" | "-h" | "--help" if env => return Err(refuse(&name)),
                "-v" | "--version" => {
                    let (coil, v8) = (env!("CARGO_PKG_VERSION"), crate::v8::version());
                    let asked = std::env::var("COIL_BACKEND")
                        .ok()
                        .and_then(|b| crate::backend::Kind::parse(&b))
                        .unwrap_or(crate::backend::Kind::Uring);
                    let backend = crate::backend::resolve(asked).name();
                    return Err(Stop::Print(format!("coil {coil} (V8 {v8}, {backend})\n")));
                }
                "-h" | "--help" => return Err(Stop::Print(USAGE.to_string())),
                "-e" | "--eval" | "-p" | "--print" | "-pe" | "-ep" if env => {
                    return Err(refuse(&name))
                }
                "-e" | "--eval" | "-p" | "--print" | "-pe" | "-ep" => {
                    let print = name.contains('p');
                    // -p is a flag when an option or nothing follows (`-p -e CODE`,
                    // `-e CODE -p`, `echo 1 | coil -p`); otherwise it takes the code.
                    let flag_only = (name == "-p" || name == "--print")
                        && inline.is_none()
                        && it.peek().is_none_or(|next| next.starts_with('-'));
                    self.exec_args.push(arg.clone());
                    self.print |= print;
                    if flag_only {
                        continue;
                    }
                    let Some(code) = inline.clone().or_else(|| it.next()) else {
                        return Err(requires_argument(&name));
                    };
                    if inline.is_none() {
                        self.exec_args.push(code.clone());
                    }
                    self.eval_code = Some(code);
                }
                "-" if env => return Err(refuse("-")),
                "-" if self.eval_code.is_none() => {
                    self.mode = Some(Mode::Stdin {
                        dash: true,
                        print: self.print,
                    });
                    break;
                }
                "--" if env => return Err(refuse("--")),
                "--" => {
                    if self.eval_code.is_none() {
                        if let Some(file) = it.next() {
                            self.mode = Some(Mode::File(file));
                        }
                    }
                    break;
                }
                // coil is like a Node built without the inspector: say so, not "bad option".
                "--inspect"
                | "--inspect-brk"
                | "--inspect-wait"
                | "--inspect-port"
                | "--debug-port"
                | "--inspect-publish-uid"
                | "--inspect-brk-node" => {
                    let msg = format!("coil: {name} is not available: coil has no inspector\n");
                    return Err(Stop::Fail(msg, 9));
                }
                "--no-warnings" => {
                    self.push_exec(&arg, None, env);
                    self.values
                        .insert("--warnings".into(), OptionValue::Bool(false));
                }
                // Node 18's spelling of the option, still accepted by node 20.
                "--enable-network-family-autoselection" => {
                    self.push_exec(&arg, None, env);
                    self.set(Kind::Bool, "--network-family-autoselection", None);
                }
                "--no-network-family-autoselection" => {
                    self.push_exec(&arg, None, env);
                    let name = "--network-family-autoselection".into();
                    self.values.insert(name, OptionValue::Bool(false));
                }
                _ => {
                    if let Some(&(long, _, kind, ok_in_env)) =
                        KNOWN.iter().find(|(long, short, _, _)| {
                            *long == name || (!short.is_empty() && *short == name)
                        })
                    {
                        if env && !ok_in_env {
                            return Err(refuse(&if kind == Kind::Bool {
                                name
                            } else {
                                format!("{long}=")
                            }));
                        }
                        let value = if kind == Kind::Bool {
                            None
                        } else {
                            match inline.or_else(|| it.next()) {
                                Some(v) => Some(v),
                                None => return Err(requires_argument(&name)),
                            }
                        };
                        self.push_exec(
                            &arg,
                            if arg.contains('=') {
                                None
                            } else {
                                value.clone()
                            },
                            env,
                        );
                        self.set(kind, long, value);
                    } else if name.starts_with("--") {
                        let base = name.replace('_', "-");
                        if env && !V8_IN_NODE_OPTIONS.contains(&base.as_str()) {
                            let shown = if inline.is_some() {
                                format!("{name}=")
                            } else {
                                name
                            };
                            return Err(refuse(&shown));
                        }
                        self.push_exec(&arg, None, env);
                        self.v8_flags.push(arg);
                    } else if name.starts_with('-') && name.len() > 1 {
                        return Err(Stop::Fail(format!("coil: bad option: {arg}\n"), 9));
                    } else if env {
                        // A script name in NODE_OPTIONS: node refuses it too.
                        return Err(refuse(&arg));
                    } else if self.eval_code.is_some() {
                        // The first argument after -e code: it and the rest are the script's.
                        let mut rest = vec![arg];
                        rest.extend(it);
                        self.finish_mode();
                        return Ok(rest);
                    } else {
                        self.mode = Some(Mode::File(arg));
                        break;
                    }
                }
            }
        }
        self.finish_mode();
        Ok(it.collect())
    }

    /// -e/-p code, once read, decides the mode.
    fn finish_mode(&mut self) {
        if let Some(code) = self.eval_code.take() {
            self.mode = Some(if self.print {
                Mode::Print(code)
            } else {
                Mode::Eval(code)
            });
        }
    }

    /// execArgv holds what was typed on the command line, not NODE_OPTIONS.
    fn push_exec(&mut self, arg: &str, value: Option<String>, env: bool) {
        if env {
            return;
        }
        self.exec_args.push(arg.to_string());
        if let Some(v) = value {
            self.exec_args.push(v);
        }
    }
}

/// Why option reading stopped early: print-and-exit (--version) or a failure; never
/// a run, so it stays small.
enum Stop {
    Print(String),
    Fail(String, i32),
}

impl From<Stop> for Parsed {
    fn from(stop: Stop) -> Parsed {
        match stop {
            Stop::Print(text) => Parsed::Print(text),
            Stop::Fail(msg, code) => Parsed::Fail(msg, code),
        }
    }
}

fn requires_argument(name: &str) -> Stop {
    Stop::Fail(format!("coil: {name} requires an argument\n"), 9)
}

/// Splits NODE_OPTIONS as node does: on spaces, with "double quotes" grouping and
/// backslash escaping inside them.
pub fn split_node_options(text: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut quoted = false;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' if quoted => {
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            '"' => {
                quoted = !quoted;
                in_word = true;
            }
            ' ' if !quoted => {
                if in_word {
                    out.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            c => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    if quoted {
        return Err("coil: invalid value for NODE_OPTIONS (unterminated string)\n".into());
    }
    if in_word {
        out.push(cur);
    }
    Ok(out)
}

/// This process's command line and NODE_OPTIONS, with --env-file applied between
/// the two (the file may set NODE_OPTIONS).
pub fn from_process() -> Parsed {
    let parsed = parse_with(std::env::args().skip(1).collect(), |values| {
        if let Some(OptionValue::List(files)) = values.get("--env-file") {
            for file in files {
                crate::env_file::apply(file)?;
            }
        }
        Ok(std::env::var("NODE_OPTIONS").ok().filter(|s| !s.is_empty()))
    });
    let mut parsed = parsed;
    if let Parsed::Run(o) = &mut parsed {
        let no_script = matches!(
            o.mode,
            Mode::Stdin {
                dash: false,
                print: false
            }
        );
        // SAFETY: isatty accepts any fd.
        if no_script && unsafe { libc::isatty(0) } == 1 {
            o.mode = Mode::Repl;
        }
    }
    parsed
}

/// Parses a command line with no NODE_OPTIONS.
#[cfg(test)]
pub fn parse(args: Vec<String>) -> Parsed {
    parse_with(args, |_| Ok(None))
}

/// Parses `args`; `node_options(values)` gives NODE_OPTIONS once the command line's
/// own options are known (or a message to fail with).
pub fn parse_with(
    args: Vec<String>,
    node_options: impl FnOnce(&BTreeMap<String, OptionValue>) -> Result<Option<String>, String>,
) -> Parsed {
    let mut cmd = Collector::default();
    let script_args = match cmd.read(args, false) {
        Ok(a) => a,
        Err(stop) => return stop.into(),
    };
    let eval_given = matches!(cmd.mode, Some(Mode::Eval(_) | Mode::Print(_)));
    let mut all = Collector::default();
    let env_text = match node_options(&cmd.values) {
        Ok(t) => t,
        Err(msg) => return Parsed::Fail(msg, 9),
    };
    if let Some(text) = env_text {
        let words = match split_node_options(&text) {
            Ok(w) => w,
            Err(msg) => return Parsed::Fail(msg, 9),
        };
        if let Err(stop) = all.read(words, true) {
            return stop.into();
        }
    }
    // The command line after NODE_OPTIONS: its single values win, lists add up.
    for (name, value) in std::mem::take(&mut cmd.values) {
        match (all.values.get_mut(&name), value) {
            (Some(OptionValue::List(l)), OptionValue::List(more)) => l.extend(more),
            (_, v) => {
                all.values.insert(name, v);
            }
        }
    }
    all.v8_flags.append(&mut cmd.v8_flags);
    let options = Options {
        mode: cmd.mode.take().unwrap_or(Mode::Stdin {
            dash: false,
            print: cmd.print,
        }),
        script_args,
        exec_args: cmd.exec_args,
        v8_flags: all.v8_flags,
        stats: all.values.contains_key("--stats"),
        trace_uring: all.values.contains_key("--trace-uring"),
        trace_epoll: all.values.contains_key("--trace-epoll"),
        backend: crate::backend::Kind::Uring,
        check: matches!(all.values.get("--check"), Some(OptionValue::Bool(true))),
        values: all.values,
    };
    if let Some(msg) = validate(&options, eval_given) {
        return Parsed::Fail(msg, 9);
    }
    let mut options = options;
    if options.flag("--interactive")
        && matches!(
            options.mode,
            Mode::Stdin {
                dash: false,
                print: false
            }
        )
    {
        options.mode = Mode::Repl;
    }
    let env_backend = std::env::var("COIL_BACKEND").ok();
    match options.text("--backend").or(env_backend.as_deref()) {
        None | Some("") => {}
        Some(name) => match crate::backend::Kind::parse(name) {
            Some(kind) => options.backend = kind,
            None => {
                return Parsed::Fail(
                    format!("coil: unknown backend '{name}' (expected uring or epoll)\n"),
                    9,
                )
            }
        },
    }
    Parsed::Run(options)
}

/// node's checks on option values, with its wording.
fn validate(o: &Options, eval_given: bool) -> Option<String> {
    if let Some(mode) = o.text("--unhandled-rejections") {
        if !["strict", "warn", "none", "throw", "warn-with-error-code"].contains(&mode) {
            return Some("coil: invalid value for --unhandled-rejections\n".into());
        }
    }
    match o.text("--input-type") {
        None | Some("commonjs") | Some("module") => {}
        Some(_) => return Some("coil: --input-type must be \"module\" or \"commonjs\"\n".into()),
    }
    if o.check && eval_given {
        return Some("coil: either --check or --eval can be used, not both\n".into());
    }
    None
}

#[cfg(test)]
#[path = "cli_tests.rs"]
mod tests;
