//! The command line parser's tests (src/cli.rs), kept apart so the parser stays
//! under the 600-line limit.
use super::*;

fn run(args: &[&str]) -> Options {
    match parse(args.iter().map(|s| s.to_string()).collect()) {
        Parsed::Run(o) => o,
        _ => panic!("expected a run"),
    }
}

fn fails(args: &[&str], env: Option<&str>) -> String {
    let env = env.map(|e| e.to_string());
    match parse_with(args.iter().map(|s| s.to_string()).collect(), |_| Ok(env)) {
        Parsed::Fail(msg, 9) => msg,
        _ => panic!("expected a failure"),
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
fn unknown_short_option_is_bad() {
    assert!(matches!(parse(vec!["-z".into()]), Parsed::Fail(_, 9)));
    assert!(matches!(parse(vec!["-e".into()]), Parsed::Fail(_, 9)));
}

#[test]
fn lists_collect_and_values_take_both_forms() {
    let o = run(&["-r", "a", "--require=b", "-C", "x", "--title", "t", "f.js"]);
    assert_eq!(o.list("--require"), ["a", "b"]);
    assert_eq!(o.list("--conditions"), ["x"]);
    assert_eq!(o.text("--title"), Some("t"));
    assert_eq!(
        o.exec_args,
        ["-r", "a", "--require=b", "-C", "x", "--title", "t"]
    );
}

#[test]
fn node_options_come_first_and_refuse_what_node_refuses() {
    let env = Some("-r first --title=\"a b\"".to_string());
    let o = match parse_with(vec!["-r".into(), "second".into(), "x.js".into()], |_| {
        Ok(env)
    }) {
        Parsed::Run(o) => o,
        _ => panic!(),
    };
    assert_eq!(o.list("--require"), ["first", "second"]);
    assert_eq!(o.text("--title"), Some("a b"));
    assert_eq!(o.exec_args, ["-r", "second"]);
    let env = Some("-C from-env --conditions=also".to_string());
    let o = match parse_with(vec!["-C".into(), "typed".into(), "x.js".into()], |_| {
        Ok(env)
    }) {
        Parsed::Run(o) => o,
        _ => panic!(),
    };
    assert_eq!(o.list("--conditions"), ["from-env", "also", "typed"]);
    assert_eq!(
        fails(&[], Some("-e 1")),
        "coil: -e is not allowed in NODE_OPTIONS\n"
    );
    assert_eq!(
        fails(&[], Some("--stack-size=9")),
        "coil: --stack-size= is not allowed in NODE_OPTIONS\n"
    );
    assert_eq!(
        fails(&[], Some("--env-file=x")),
        "coil: --env-file= is not allowed in NODE_OPTIONS\n"
    );
}

#[test]
fn values_are_checked() {
    assert_eq!(
        fails(&["--unhandled-rejections=no"], None),
        "coil: invalid value for --unhandled-rejections\n"
    );
    assert_eq!(
        fails(&["--title"], None),
        "coil: --title requires an argument\n"
    );
    assert_eq!(
        fails(&["-c", "-e", "1"], None),
        "coil: either --check or --eval can be used, not both\n"
    );
}

#[test]
fn options_go_on_after_eval_code() {
    let o = run(&["-e", "code", "--expose-gc", "a", "--expose-gc"]);
    assert!(matches!(o.mode, Mode::Eval(ref c) if c == "code"));
    assert_eq!(o.v8_flags, ["--expose-gc"]);
    assert_eq!(o.script_args, ["a", "--expose-gc"]);
    assert!(matches!(run(&["-p", "-e", "1"]).mode, Mode::Print(ref c) if c == "1"));
    assert!(matches!(run(&["-e", "2", "-p"]).mode, Mode::Print(ref c) if c == "2"));
    assert!(matches!(run(&["-p", "3", "-e", "4"]).mode, Mode::Print(ref c) if c == "4"));
    assert_eq!(run(&["-e", "x", "--", "--y"]).script_args, ["--y"]);
    assert_eq!(run(&["-e", "x", "-", "z"]).script_args, ["-", "z"]);
}

#[test]
fn dash_is_remembered() {
    assert!(matches!(
        run(&["-", "a"]).mode,
        Mode::Stdin {
            dash: true,
            print: false
        }
    ));
    assert!(matches!(
        run(&[]).mode,
        Mode::Stdin {
            dash: false,
            print: false
        }
    ));
    assert!(matches!(
        run(&["-p"]).mode,
        Mode::Stdin {
            dash: false,
            print: true
        }
    ));
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
fn interactive_without_a_script_is_the_repl() {
    assert!(matches!(run(&["-i"]).mode, Mode::Repl));
    assert!(matches!(run(&["-i", "a.js"]).mode, Mode::File(_)));
}
