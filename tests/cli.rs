//! The command line, run as a user would: flags, -e/-p/stdin, V8 options, and the
//! error paths (bad option → exit 9, missing script → MODULE_NOT_FOUND, exit 1).
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn coil(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_coil"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn version_and_help() {
    let out = coil(&["--version"], "");
    let version = text(&out.stdout);
    let prefix = format!("coil {} (V8 ", env!("CARGO_PKG_VERSION"));
    assert!(version.starts_with(&prefix), "{version}");
    let out = coil(&["--help"], "");
    assert!(text(&out.stdout).starts_with("Usage: coil"));
    assert!(out.status.success());
}

#[test]
fn eval_and_print() {
    let out = coil(
        &["-e", "console.log(1 + 1, typeof require, __filename)"],
        "",
    );
    assert_eq!(text(&out.stdout), "2 function [eval]\n");
    let out = coil(&["-p", "[1, 'a', { b: 2 }]"], "");
    assert_eq!(text(&out.stdout), "[ 1, 'a', { b: 2 } ]\n");
    let out = coil(&["-e", "console.log(process.argv.slice(1))", "x", "y"], "");
    assert_eq!(text(&out.stdout), "[ 'x', 'y' ]\n");
}

#[test]
fn script_from_stdin() {
    let out = coil(&["-"], "console.log('from stdin', 6 * 7)");
    assert_eq!(text(&out.stdout), "from stdin 42\n");
    assert!(out.status.success());
}

#[test]
fn bad_option_exits_9() {
    let out = coil(&["--no-such-flag", "x.js"], "");
    assert_eq!(out.status.code(), Some(9));
    assert_eq!(text(&out.stderr), "coil: bad option: --no-such-flag\n");
    let out = coil(&["-z"], "");
    assert_eq!(out.status.code(), Some(9));
}

#[test]
fn missing_script_is_module_not_found() {
    let out = coil(&["/definitely/not/here.js"], "");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("Error: Cannot find module '/definitely/not/here.js'"),
        "{err}"
    );
    assert!(err.contains("code: 'MODULE_NOT_FOUND'"), "{err}");
}

#[test]
fn v8_options_pass_through() {
    let out = coil(&["--expose-gc", "-e", "console.log(typeof gc); gc()"], "");
    assert_eq!(text(&out.stdout), "function\n");
    let out = coil(&["-e", "console.log(typeof gc)"], "");
    assert_eq!(text(&out.stdout), "undefined\n");
    let out = coil(
        &[
            "--max-old-space-size=64",
            "--stack-size=500",
            "-e",
            "console.log('ok')",
        ],
        "",
    );
    assert_eq!(text(&out.stdout), "ok\n");
    let out = coil(&["--trace-gc", "--expose-gc", "-e", "gc()"], "");
    assert!(text(&out.stdout).contains("Mark-"), "{}", text(&out.stdout));
}

#[test]
fn syntax_error_in_eval_shows_where() {
    let out = coil(&["-e", "let x = ;"], "");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.starts_with("[eval]:1\nlet x = ;\n        ^\n"), "{err}");
    assert!(err.contains("SyntaxError: Unexpected token ';'"), "{err}");
}

#[test]
fn stats_show_the_ring_was_used() {
    let out = coil(&["--stats", "-e", "setTimeout(() => {}, 5)"], "");
    let err = text(&out.stderr);
    assert!(err.contains("coil stats: backend=io_uring"), "{err}");
    assert!(value_after(&err, "enter_calls=") >= 1, "{err}");
}

/// The number after the first `key` (which ends in '=') in `text`.
fn value_after(text: &str, key: &str) -> i64 {
    text.split(key)
        .nth(1)
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no number after {key} in {text}"))
}

/// The count after `key=` on the stats line of `op`.
fn op_count(stats: &str, op: &str, key: &str) -> i64 {
    let line = stats
        .lines()
        .find(|l| l.starts_with(&format!("coil stats: op {op}:")))
        .unwrap_or_else(|| panic!("no stats for {op} in {stats}"));
    value_after(line, &format!("{key}="))
}

#[test]
fn stats_show_file_work_went_through_the_ring() {
    let script = "const fs = require('fs');\
        fs.readFile(__filename.replace(/[^/]*$/, '') + 'Cargo.toml', (e, d) => {\
          if (e) throw e;\
          fs.promises.stat('.').then(() => fs.readdir('.', () => {}));\
        });";
    let out = coil(&["--stats", "-e", script], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    for op in ["openat", "read", "statx", "close"] {
        assert!(op_count(&err, op, "ring") >= 1, "{op}: {err}");
        assert_eq!(op_count(&err, op, "inline"), 0, "{op}: {err}");
    }
    // getdents has no opcode: it runs inline on the loop thread, never on a pool.
    assert_eq!(op_count(&err, "scandir", "inline"), 1, "{err}");
    // No thread was created for I/O: the same count as a program that does none.
    let idle = text(&coil(&["--stats", "-e", "0"], "").stderr);
    let threads = |s: &str| value_after(s, " threads=");
    assert_eq!(threads(&err), threads(&idle), "{err}\n{idle}");
}

#[test]
fn trace_uring_shows_each_op_from_submission_to_completion() {
    let script = "require('fs').readFile('Cargo.toml', (e) => { if (e) throw e; })";
    let out = coil(&["--trace-uring", "-e", script], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    let at = |prefix: &str| {
        lines
            .iter()
            .position(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("no '{prefix}' in {err}"))
    };
    // Each op is submitted, the kernel is entered, then the op completes: in order.
    let open_sqe = at("uring: sqe    openat");
    let open_cqe = at("uring: cqe    openat");
    assert!(
        open_sqe < at("uring: enter") && at("uring: enter") < open_cqe,
        "{err}"
    );
    assert!(open_cqe < at("uring: sqe    statx"), "{err}");
    assert!(
        at("uring: cqe    read") < at("uring: sqe    close"),
        "{err}"
    );
    // The fd that open returned is a positive number.
    assert!(value_after(lines[open_cqe], "res=") > 2, "{err}");
}

#[test]
fn builtins_start_from_their_code_cache() {
    // Made at build time under coil's own V8 flags: V8 must accept every one.
    let out = coil(&["--stats", "-e", "require('util'); require('fs')"], "");
    let err = text(&out.stderr);
    assert!(err.contains(" code_cache_rejected=0"), "{err}");
    let used = value_after(&err, "code_cache_used=");
    assert!(used >= 10, "{err}");
    // Other flags make V8 turn the caches down; the built-ins still work.
    let out = coil(
        &[
            "--stats",
            "--expose-gc",
            "-e",
            "gc(); console.log(require('path').join('a', 'b'))",
        ],
        "",
    );
    assert_eq!(text(&out.stdout), "a/b\n");
    assert!(
        text(&out.stderr).contains(" code_cache_used=0 "),
        "{}",
        text(&out.stderr)
    );
}
