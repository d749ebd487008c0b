//! The JS test harness: runs every tests/js/**/NAME.js (or NAME.mjs) with the built coil binary
//! and compares what it did with what Node documents:
//!   NAME.out  exact expected stdout (required; empty when nothing is printed)
//!   NAME.err  lines that must appear in stderr, in this order (a line may contain
//!             `...` to match any text at that spot)
//!   first-line comments: `// exit: N` (default 0), `// args: a b` (before the
//!   file), `// script-args: a b` (after it), `// stdin: TEXT`,
//!   `// coil-only: reason` (not compared against node).
//! `$DIR` in expectations stands for the test's directory.
//! With COIL_TEST_BIN=node the same files run under node: that is how the
//! expectations are checked against Node itself. COIL_BACKEND (uring or epoll)
//! passes through to coil: `make test` runs the suite once on each backend.
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use libtest_mimic::{Arguments, Failed, Trial};

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js");
    let bin =
        std::env::var("COIL_TEST_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_coil").to_string());
    let under_node = bin.ends_with("node");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    let trials = files
        .into_iter()
        .map(|file| {
            let name = file
                .strip_prefix(&root)
                .unwrap()
                .with_extension("")
                .display()
                .to_string();
            let spec = Spec::read(&file);
            let ignored = under_node && spec.coil_only;
            let bin = bin.clone();
            Trial::test(name, move || run(&bin, &file, &spec)).with_ignored_flag(ignored)
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

/// Test files: *.js and *.mjs not under a fixtures/ or node_modules/ folder.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            if name != "fixtures" && name != "node_modules" {
                collect(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "js" || e == "mjs") {
            out.push(path);
        }
    }
}

#[derive(Default)]
struct Spec {
    exit: i32,
    args: Vec<String>,
    script_args: Vec<String>,
    stdin: Option<String>,
    coil_only: bool,
}

impl Spec {
    fn read(file: &Path) -> Spec {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let mut spec = Spec::default();
        for line in text.lines().take_while(|l| l.starts_with("//")) {
            let line = line.trim_start_matches("//").trim();
            if let Some(v) = line.strip_prefix("exit:") {
                spec.exit = v.trim().parse().unwrap();
            } else if let Some(v) = line.strip_prefix("args:") {
                spec.args = v.split_whitespace().map(String::from).collect();
            } else if let Some(v) = line.strip_prefix("script-args:") {
                spec.script_args = v.split_whitespace().map(String::from).collect();
            } else if let Some(v) = line.strip_prefix("stdin:") {
                spec.stdin = Some(v.trim().replace("\\n", "\n"));
            } else if line.starts_with("coil-only:") {
                spec.coil_only = true;
            }
        }
        spec
    }
}

fn run(bin: &str, file: &Path, spec: &Spec) -> Result<(), Failed> {
    let dir = file.parent().unwrap();
    let mut child = Command::new(bin)
        .args(&spec.args)
        .arg(file)
        .args(&spec.script_args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {bin}: {e}"))?;
    let input = spec.stdin.clone().unwrap_or_default();
    let mut stdin = child.stdin.take().unwrap();
    std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    // COIL_TEST_TIMEOUT: more seconds for slow runs (scripts/memcheck.sh, valgrind).
    let secs = std::env::var("COIL_TEST_TIMEOUT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let out = wait_with_timeout(child, secs)?;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let dir_text = dir.display().to_string();
    let expect = |ext: &str| {
        std::fs::read_to_string(file.with_extension(ext))
            .ok()
            .map(|t| t.replace("$DIR", &dir_text))
    };
    let code = out.status.code().unwrap_or(-1);
    let mut problems = Vec::new();
    if code != spec.exit {
        problems.push(format!("exit code {code}, expected {}", spec.exit));
    }
    // Every test states its stdout, even an empty one: a missing .out would leave
    // whatever the program printed unchecked.
    match expect("out") {
        Some(want) if stdout != want => problems.push(format!(
            "stdout differs\n--- expected\n{want}--- got\n{stdout}---"
        )),
        Some(_) => {}
        None => problems.push(format!(
            "{} is missing (an empty file if nothing is printed)",
            file.with_extension("out").display()
        )),
    }
    if let Some(want) = expect("err") {
        if let Some(missing) = missing_line(&stderr, &want) {
            problems.push(format!("stderr lacks (in order): {missing:?}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\n--- stderr\n{stderr}", problems.join("\n")).into())
    }
}

/// The first expected line not found (in order) in `text`.
fn missing_line(text: &str, want: &str) -> Option<String> {
    let mut lines = text.lines();
    'expected: for w in want.lines().filter(|l| !l.trim().is_empty()) {
        for line in lines.by_ref() {
            if line_matches(line, w) {
                continue 'expected;
            }
        }
        return Some(w.to_string());
    }
    None
}

/// `...` in a pattern matches any text; otherwise the line must contain it.
fn line_matches(line: &str, pattern: &str) -> bool {
    let mut rest = line;
    for part in pattern.split("...") {
        if part.is_empty() {
            continue;
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

fn wait_with_timeout(
    child: std::process::Child,
    secs: u64,
) -> Result<std::process::Output, Failed> {
    let pid = child.id() as i32;
    let (tx, rx) = std::sync::mpsc::channel();
    // Reading both pipes to the end in another thread means a chatty test can never
    // block on a full pipe while we wait.
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(std::time::Duration::from_secs(secs)) {
        Ok(out) => out.map_err(|e| e.to_string().into()),
        Err(_) => {
            // What was still running, and what the test had printed, say where a
            // rare hang stopped: kept for the failure message.
            let ps = Command::new("ps")
                .args([
                    "-o",
                    "pid,ppid,stat,wchan:20,args",
                    "--ppid",
                    &pid.to_string(),
                ])
                .output()
                .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
                .unwrap_or_default();
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
            let partial = match rx.recv_timeout(std::time::Duration::from_secs(5)) {
                Ok(Ok(out)) => format!(
                    "--- stdout so far\n{}--- stderr so far\n{}",
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&out.stderr)
                ),
                _ => String::new(),
            };
            Err(format!("timed out after {secs} s\n--- children\n{ps}{partial}").into())
        }
    }
}
