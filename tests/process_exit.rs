//! The process as the command line sees it end: warnings and their switches,
//! --unhandled-rejections modes, EPIPE on a closed stdout, out of memory, and
//! --enable-source-maps in fatal stack traces.
mod common;
use common::{coil, coil_env, scratch, text};
use std::process::{Command, Output, Stdio};

#[test]
fn warning_switches() {
    let script = "process.emitWarning('w1'); process.emitWarning('d1', 'DeprecationWarning')";
    let out = coil(&["--no-warnings", "-e", script], "");
    assert_eq!(text(&out.stderr), "");
    let out = coil(&["--no-deprecation", "-e", script], "");
    let err = text(&out.stderr);
    assert!(
        err.contains(") Warning: w1\n") && !err.contains("d1"),
        "{err}"
    );
    let out = coil(&["--trace-warnings", "-e", script], "");
    let err = text(&out.stderr);
    assert!(err.contains(") Warning: w1\n    at [eval]:1:"), "{err}");
    assert!(!err.contains("(Use `"), "{err}");
    let out = coil(&["-e", script], "");
    assert!(text(&out.stderr)
        .contains("(Use `coil --trace-warnings ...` to show where the warning was created)"));
    let out = coil(&["--throw-deprecation", "-e", script], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("DeprecationWarning: d1"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn unhandled_rejection_modes() {
    let script = "process.on('exit', (c) => console.log('exit', c)); Promise.reject(3)";
    let run = |mode: &str| {
        coil(
            &[&format!("--unhandled-rejections={mode}"), "-e", script],
            "",
        )
    };
    let out = run("throw");
    assert_eq!(
        (out.status.code(), text(&out.stdout)),
        (Some(1), "exit 1\n".into())
    );
    let out = run("none");
    assert_eq!(
        (out.status.code(), text(&out.stderr)),
        (Some(0), String::new())
    );
    let out = run("warn");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stderr).contains(") UnhandledPromiseRejectionWarning: 3\n"),
        "{}",
        text(&out.stderr)
    );
    let out = run("warn-with-error-code");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("(rejection id: 1)"),
        "{}",
        text(&out.stderr)
    );
    let strict =
        "process.on('unhandledRejection', () => console.log('listener')); Promise.reject(3)";
    let out = coil(&["--unhandled-rejections=strict", "-e", strict], "");
    assert_eq!(
        (out.status.code(), text(&out.stdout)),
        (Some(1), String::new())
    );
    let out = coil(&["--unhandled-rejections=sometimes", "-e", "0"], "");
    assert_eq!(out.status.code(), Some(9));
    assert_eq!(
        text(&out.stderr),
        "coil: invalid value for --unhandled-rejections\n"
    );
}

/// Runs coil with stdout a pipe whose reader leaves after the first line.
fn coil_until_first_line(args: &[&str]) -> (Output, String) {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(env!("CARGO_BIN_EXE_coil"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    {
        let mut reader = BufReader::new(child.stdout.take().unwrap());
        reader.read_line(&mut first).unwrap();
    }
    (child.wait_with_output().unwrap(), first)
}

#[test]
fn writes_to_a_closed_pipe_end_the_process_as_node_does() {
    let (out, first) = coil_until_first_line(&["-e", "setInterval(() => console.log(1), 1)"]);
    assert_eq!(first, "1\n");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("Error: write EPIPE"), "{err}");
    assert!(err.contains("code: 'EPIPE'"), "{err}");
    assert!(err.contains("syscall: 'write'"), "{err}");
    // A listener gets the error instead.
    let script = "process.stdout.on('error', (e) => {\
          console.error('handled', e.code, e.syscall, e.errno); process.exit(3); });\
        setInterval(() => process.stdout.write('x\\n'), 1)";
    let (out, _) = coil_until_first_line(&["-e", script]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(text(&out.stderr), "handled EPIPE write -32\n");
}

#[test]
fn out_of_memory_prints_nodes_last_words_and_aborts() {
    let script = "const a = []; for (;;) a.push({ x: new Array(1000).fill(1) })";
    let out = coil(&["--max-old-space-size=16", "-e", script], "");
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(out.status.signal(), Some(libc::SIGABRT));
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n"
        ),
        "{err}"
    );
}

#[test]
fn enable_source_maps_is_accepted_and_maps_inline_maps() {
    // Generated line 2 maps to line 1 of original.ts, column for column.
    let map = "{\"version\":3,\"sources\":[\"original.ts\"],\"mappings\":\";AAAA,CAAC,CAAC,CAAC,CAAC,CAAC,CAAC\"}";
    let b64 = {
        const T: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for chunk in map.as_bytes().chunks(3) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, b)| n | (*b as u32) << (16 - 8 * i));
            for i in 0..4 {
                out.push(if i <= chunk.len() {
                    T[(n >> (18 - 6 * i) & 63) as usize] as char
                } else {
                    '='
                });
            }
        }
        out
    };
    let dir = scratch("sourcemaps");
    let js = format!(
        "0;\nthrow new Error('x');\n//# sourceMappingURL=data:application/json;base64,{b64}\n"
    );
    std::fs::write(dir.join("gen.js"), js).unwrap();
    let out = coil_env(&["--enable-source-maps", "gen.js"], &[], &dir);
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!(
            "at Object.<anonymous> ({}:1:",
            dir.join("original.ts").display()
        )),
        "{err}"
    );
    let out = coil_env(&["gen.js"], &[], &dir);
    assert!(
        text(&out.stderr).contains("gen.js:2:7"),
        "{}",
        text(&out.stderr)
    );
}
