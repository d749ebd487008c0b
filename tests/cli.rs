//! The command line, run as a user would: flags, -e/-p/stdin, V8 options, node's
//! options (-r, -c, --title, --env-file, --input-type, -C, NODE_OPTIONS) and the
//! error paths (bad option → exit 9, missing script → MODULE_NOT_FOUND, exit 1).
mod common;
use common::{coil, coil_env, scratch, text};
use std::process::{Command, Stdio};

#[test]
fn version_and_help() {
    let out = coil(&["--version"], "");
    let version = text(&out.stdout);
    let prefix = format!("coil {} (V8 ", env!("CARGO_PKG_VERSION"));
    assert!(version.starts_with(&prefix), "{version}");
    // The driver it would run on comes last: epoll when asked for.
    assert!(version.ends_with(", io_uring)\n") || version.ends_with(", epoll)\n"));
    let out = coil_env(
        &["--version"],
        &[("COIL_BACKEND", "epoll")],
        &scratch("version"),
    );
    assert!(
        text(&out.stdout).ends_with(", epoll)\n"),
        "{}",
        text(&out.stdout)
    );
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
    // -p with no code prints the value of the script read from stdin.
    let out = coil(&["-p"], "6 * 7");
    assert_eq!(text(&out.stdout), "42\n");
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
        const p = __filename.replace(/[^/]*$/, '') + 'Cargo.toml';\
        fs.readFile(p, (e, d) => {\
          if (e) throw e;\
          fs.open(p, (e, fd) => fs.read(fd, Buffer.alloc(8), 0, 8, 0, () => fs.close(fd, () =>\
            fs.promises.stat('.').then(() => fs.readdir('.', () => {})))));\
        });";
    let out = coil(&["--stats", "-e", script], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    for op in ["readfile", "openat", "read", "close"] {
        assert!(op_count(&err, op, "ring") >= 1, "{op}: {err}");
        assert_eq!(op_count(&err, op, "inline"), 0, "{op}: {err}");
    }
    // getdents has no opcode, and statx would go to an io-wq worker: both run
    // inline on the loop thread, never on a pool.
    assert_eq!(op_count(&err, "scandir", "inline"), 1, "{err}");
    assert_eq!(op_count(&err, "statx", "inline"), 1, "{err}");
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
    // readFile is one chain: open into a direct descriptor linked to a read and
    // a probe read, submitted together, entered once, completed in order.
    let open_sqe = at("uring: sqe    readfile   key=0 step=0");
    assert!(lines[open_sqe].ends_with("link openat"), "{err}");
    assert!(lines[open_sqe + 1].ends_with("hardlink read"), "{err}");
    assert!(lines[open_sqe + 2].ends_with(" read"), "{err}");
    let enter = at("uring: enter");
    assert!(open_sqe < enter, "{err}");
    let open_cqe = at("uring: cqe    readfile   key=0 step=0");
    assert!(enter < open_cqe, "{err}");
    assert_eq!(value_after(lines[open_cqe], "res="), 0, "{err}");
    // The first read got the file; the probe found its end.
    assert!(value_after(lines[open_cqe + 1], "res=") > 0, "{err}");
    assert!(lines[open_cqe + 2].ends_with("step=2 res=0"), "{err}");
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

#[test]
fn argv_has_the_absolute_script_path_and_keeps_the_dash() {
    let dir = scratch("argv");
    std::fs::write(
        dir.join("a.js"),
        "console.log(JSON.stringify(process.argv.slice(1)))",
    )
    .unwrap();
    let out = coil_env(&["a.js", "x"], &[], &dir);
    let want = format!("[{:?},\"x\"]\n", dir.join("a.js").display().to_string());
    assert_eq!(text(&out.stdout), want);
    let out = coil(
        &["-", "a", "b"],
        "console.log(JSON.stringify(process.argv.slice(1)))",
    );
    assert_eq!(text(&out.stdout), "[\"-\",\"a\",\"b\"]\n");
}

#[test]
fn require_preloads_in_order_from_the_current_directory() {
    let dir = scratch("require");
    std::fs::write(dir.join("one.js"), "globalThis.seen = ['one'];").unwrap();
    std::fs::write(dir.join("two.js"), "globalThis.seen.push('two');").unwrap();
    let out = coil_env(
        &[
            "-r",
            "./one.js",
            "--require=./two",
            "-e",
            "console.log(seen.join())",
        ],
        &[],
        &dir,
    );
    assert_eq!(text(&out.stdout), "one,two\n", "{}", text(&out.stderr));
    // NODE_OPTIONS's preloads come first.
    let out = coil_env(
        &["--require", "./two.js", "-e", "console.log(seen.join())"],
        &[("NODE_OPTIONS", "-r ./one.js")],
        &dir,
    );
    assert_eq!(text(&out.stdout), "one,two\n", "{}", text(&out.stderr));
    let out = coil_env(&["-r", "./missing.js", "-e", "0"], &[], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("Cannot find module"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn check_compiles_without_running() {
    let dir = scratch("check");
    std::fs::write(dir.join("ok.js"), "#!/usr/bin/env node\nconsole.log('ran')").unwrap();
    std::fs::write(dir.join("bad.js"), "const a = 1;\nlet x = ;\n").unwrap();
    let out = coil_env(&["-c", "ok.js"], &[], &dir);
    assert!(out.status.success());
    assert_eq!(text(&out.stdout), "");
    let out = coil_env(&["--check", "bad.js"], &[], &dir);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    let head = format!(
        "{}:2\nlet x = ;\n        ^\n\nSyntaxError: Unexpected token ';'",
        dir.join("bad.js").display()
    );
    assert!(err.starts_with(&head), "{err}");
    let out = coil(&["-c", "-e", "1"], "");
    assert_eq!(out.status.code(), Some(9));
    assert_eq!(
        text(&out.stderr),
        "coil: either --check or --eval can be used, not both\n"
    );
}

#[test]
fn input_type_title_conditions() {
    let out = coil(
        &["--input-type=commonjs", "-e", "console.log(typeof require)"],
        "",
    );
    assert_eq!(text(&out.stdout), "function\n");
    // Module input: import.meta and top-level await, from -e and from stdin; -p
    // cannot print a module's value.
    let out = coil(
        &[
            "--input-type=module",
            "-e",
            "const { sep } = await import('node:path'); console.log(typeof require, sep, import.meta.url.endsWith('/[eval1]'))",
        ],
        "",
    );
    assert_eq!(text(&out.stdout), "undefined / true\n");
    let out = coil(
        &["--input-type=module"],
        "import { EOL } from 'os'; console.log(JSON.stringify(EOL))",
    );
    assert_eq!(text(&out.stdout), "\"\\n\"\n");
    let out = coil(&["--input-type=module", "-p", "1"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("ERR_EVAL_ESM_CANNOT_PRINT"));
    let out = coil(
        &["--input-type=module", "-e", "await new Promise(() => {})"],
        "",
    );
    assert_eq!(out.status.code(), Some(13));
    let out = coil(&["--input-type=json", "-e", "0"], "");
    assert_eq!(
        text(&out.stderr),
        "coil: --input-type must be \"module\" or \"commonjs\"\n"
    );
    let out = coil(
        &["--title", "my app", "-e", "console.log(process.title)"],
        "",
    );
    assert_eq!(text(&out.stdout), "my app\n");
    let script = "console.log(require('internal/options').getOptionValue('--conditions'))";
    let _ = script;
    let out = coil(
        &[
            "-C",
            "dev",
            "--conditions=edge",
            "-e",
            "console.log(process.execArgv.join(' '))",
        ],
        "",
    );
    assert_eq!(
        text(&out.stdout),
        "-C dev --conditions=edge -e console.log(process.execArgv.join(' '))\n"
    );
}

#[test]
fn env_file_sets_the_environment_first() {
    let dir = scratch("envfile");
    std::fs::write(dir.join(".env"), "# settings\nGREETING=\"hello\\nworld\"\nexport PORT=8080 # comment\nKEEP=file\nNODE_OPTIONS=--title=fromenv\n").unwrap();
    let script = "console.log(JSON.stringify([process.env.GREETING, process.env.PORT, process.env.KEEP, process.title]))";
    let out = coil_env(
        &["--env-file=.env", "-e", script],
        &[("KEEP", "outer")],
        &dir,
    );
    assert_eq!(
        text(&out.stdout),
        "[\"hello\\nworld\",\"8080\",\"outer\",\"fromenv\"]\n",
        "{}",
        text(&out.stderr)
    );
    let out = coil_env(&["--env-file=nope.env", "-e", "0"], &[], &dir);
    assert_eq!(out.status.code(), Some(9));
    assert_eq!(text(&out.stderr), "coil: nope.env: not found\n");
}

#[test]
fn node_options_apply_and_refuse_as_node() {
    let dir = scratch("nodeoptions");
    let out = coil_env(
        &[
            "-e",
            "console.log(process.title, typeof gc, process.execArgv.length)",
        ],
        &[("NODE_OPTIONS", "--title=\"a b\" --expose-gc")],
        &dir,
    );
    assert_eq!(
        text(&out.stdout),
        "a b function 2\n",
        "{}",
        text(&out.stderr)
    );
    for (opt, shown) in [
        ("-e 1", "-e"),
        ("--stack-size=99", "--stack-size="),
        ("--check", "--check"),
        ("--no-such", "--no-such"),
    ] {
        let out = coil_env(&["-e", "0"], &[("NODE_OPTIONS", opt)], &dir);
        assert_eq!(out.status.code(), Some(9), "{opt}");
        assert_eq!(
            text(&out.stderr),
            format!("coil: {shown} is not allowed in NODE_OPTIONS\n")
        );
    }
}

/// A pseudo-terminal: (master fd, slave end as a File), `cols` x `rows` in size.
fn open_pty(cols: u16, rows: u16) -> (i32, std::fs::File) {
    use std::os::fd::FromRawFd;
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two fds into the given ints; size is read only.
    let r = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(r, 0);
    // SAFETY: slave is an open fd that nothing else owns.
    (master, unsafe { std::fs::File::from_raw_fd(slave) })
}

#[test]
fn no_script_on_a_terminal_starts_the_repl() {
    let (master, tty) = open_pty(80, 24);
    let input = b"6*7\n.exit\n";
    // SAFETY: master is an open fd and input a live buffer of that length.
    let written = unsafe { libc::write(master, input.as_ptr().cast(), input.len()) };
    assert_eq!(written, input.len() as isize);
    let out = Command::new(env!("CARGO_BIN_EXE_coil"))
        .env_remove("NODE_OPTIONS")
        .env("COIL_REPL_HISTORY", "")
        .stdin(Stdio::from(tty))
        .output()
        .unwrap();
    // SAFETY: master is ours to close.
    unsafe { libc::close(master) };
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("> 42\n"),
        "{}",
        text(&out.stdout)
    );
    let out = coil(&["-i"], "1+1\n.exit\n");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stdout).ends_with("> 2\n> "),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn stdout_on_a_terminal_is_a_tty_write_stream() {
    let (master, tty) = open_pty(123, 45);
    let script = "const s = process.stdout; console.error(s.isTTY, s.columns, s.rows, \
        s instanceof require('tty').WriteStream, s instanceof require('stream').Writable, \
        s.getWindowSize().join('x'), typeof s.getColorDepth())";
    let out = Command::new(env!("CARGO_BIN_EXE_coil"))
        .args(["-e", script])
        .env_remove("NODE_OPTIONS")
        .stdin(Stdio::null())
        .stdout(Stdio::from(tty))
        .output()
        .unwrap();
    // SAFETY: master is ours to close.
    unsafe { libc::close(master) };
    assert_eq!(text(&out.stderr), "true 123 45 true true 123x45 number\n");
}

#[test]
fn argv0_is_the_program_as_started() {
    let out = coil(
        &[
            "-e",
            "console.log(process.argv0 === process.execPath, process.argv0)",
        ],
        "",
    );
    assert_eq!(
        text(&out.stdout),
        format!("true {}\n", env!("CARGO_BIN_EXE_coil"))
    );
}

/// -e and -p see the built-in modules as globals, as in node (required on first
/// use; a program may assign over them).
#[test]
fn eval_has_builtin_module_globals() {
    let expr =
        "typeof fs.readFileSync + ' ' + path.join('a', 'b') + ' ' + (url === require('url'))";
    let out = coil(&["-p", expr], "");
    assert_eq!(text(&out.stdout), "function a/b true\n");
    let out = coil(&["-e", "fs = 5; console.log(fs)"], "");
    assert_eq!(text(&out.stdout), "5\n");
}
