//! Command-line parsing, as node does it: options first, then the script (or -e/-p
//! code, or - for stdin), then the script's own arguments. Options coil does not
//! know are offered to V8; what V8 does not know either is a "bad option" (exit 9).

pub enum Mode {
    File(String),
    Eval(String),
    Print(String),
    Stdin,
}

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
    /// --backend=uring|epoll (else $COIL_BACKEND, else uring).
    pub backend: crate::backend::Kind,
}

pub enum Parsed {
    Run(Options),
    /// Print this text to stdout and exit 0 (--version, --help).
    Print(String),
    /// Print this to stderr and exit with the code.
    Fail(String, i32),
}

pub const USAGE: &str = "Usage: coil [options] [ script.js | -e \"script\" | - ] [arguments]

Options:
  -e, --eval SCRIPT        evaluate SCRIPT
  -p, --print SCRIPT       evaluate SCRIPT and print the result
  -                        read the script from stdin
  -v, --version            print coil's version
  -h, --help               print this help
  --stats                  print io_uring counters (SQEs, CQEs, enter calls) at exit
  --trace-uring            print each submission, completion and io_uring_enter
  --backend=uring|epoll    the event loop's driver (default: $COIL_BACKEND, else
                           uring; epoll when io_uring cannot be set up)
  --expose-gc, --max-old-space-size=MB, --stack-size=KB, --trace-gc, ...
                           V8 options, passed to V8 as node does
";

pub fn parse(args: Vec<String>) -> Parsed {
    let mut exec_args = Vec::new();
    let mut v8_flags = Vec::new();
    let mut stats = false;
    let mut trace_uring = false;
    let mut backend = std::env::var("COIL_BACKEND").ok();
    let mut mode = None;
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-v" | "--version" => {
                return Parsed::Print(format!("v{}\n", env!("CARGO_PKG_VERSION")))
            }
            "-h" | "--help" => return Parsed::Print(USAGE.to_string()),
            "-e" | "--eval" | "-p" | "--print" => {
                let Some(code) = it.next() else {
                    return Parsed::Fail(format!("coil: {arg} requires an argument\n"), 9);
                };
                exec_args.push(arg.clone());
                exec_args.push(code.clone());
                mode = Some(if arg.starts_with("-e") || arg == "--eval" {
                    Mode::Eval(code)
                } else {
                    Mode::Print(code)
                });
                break;
            }
            "-" => {
                mode = Some(Mode::Stdin);
                break;
            }
            "--stats" => {
                stats = true;
                exec_args.push(arg);
            }
            "--trace-uring" => {
                trace_uring = true;
                exec_args.push(arg);
            }
            a if a.starts_with("--backend=") => {
                backend = Some(a["--backend=".len()..].to_string());
                exec_args.push(arg);
            }
            "--" => {
                if let Some(file) = it.next() {
                    mode = Some(Mode::File(file));
                }
                break;
            }
            a if a.starts_with("--") => {
                exec_args.push(arg.clone());
                v8_flags.push(arg);
            }
            a if a.starts_with('-') && a.len() > 1 => {
                return Parsed::Fail(format!("coil: bad option: {arg}\n"), 9);
            }
            _ => {
                mode = Some(Mode::File(arg));
                break;
            }
        }
    }
    let mode = mode.unwrap_or(Mode::Stdin);
    let backend = match backend.as_deref().filter(|b| !b.is_empty()) {
        None => crate::backend::Kind::Uring,
        Some(name) => match crate::backend::Kind::parse(name) {
            Some(kind) => kind,
            None => {
                return Parsed::Fail(
                    format!("coil: unknown backend '{name}' (expected uring or epoll)\n"),
                    9,
                )
            }
        },
    };
    Parsed::Run(Options {
        mode,
        script_args: it.collect(),
        exec_args,
        v8_flags,
        stats,
        trace_uring,
        backend,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Options {
        match parse(args.iter().map(|s| s.to_string()).collect()) {
            Parsed::Run(o) => o,
            _ => panic!("expected a run"),
        }
    }

    #[test]
    fn script_arguments_stop_option_parsing() {
        let o = run(&["--expose-gc", "app.js", "--port", "1"]);
        assert!(matches!(o.mode, Mode::File(ref f) if f == "app.js"));
        assert_eq!(o.script_args, ["--port", "1"]);
        assert_eq!(o.v8_flags, ["--expose-gc"]);
    }

    #[test]
    fn eval_takes_the_next_argument() {
        let o = run(&["-e", "1+1", "x"]);
        assert!(matches!(o.mode, Mode::Eval(ref c) if c == "1+1"));
        assert_eq!(o.script_args, ["x"]);
    }

    #[test]
    fn backend_is_chosen_by_flag() {
        assert_eq!(
            run(&["--backend=epoll", "a.js"]).backend,
            crate::backend::Kind::Epoll
        );
        assert!(matches!(
            parse(vec!["--backend=kqueue".into()]),
            Parsed::Fail(_, 9)
        ));
    }

    #[test]
    fn unknown_short_option_is_bad() {
        assert!(matches!(parse(vec!["-z".into()]), Parsed::Fail(_, 9)));
        assert!(matches!(parse(vec!["-e".into()]), Parsed::Fail(_, 9)));
    }
}
