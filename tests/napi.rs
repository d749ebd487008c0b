//! Node-API: builds coil's own test addon (tests/napi/addon/*.c, and legacy.c
//! registered through napi_module_register) with the system's C compiler against
//! the Node-API headers, then runs tests/napi/test.js under coil, and under node
//! when it is installed, and compares each with tests/napi/test.out. Without a C
//! compiler the tests say so and pass (there is nothing to load).
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The Node-API headers: the system's (node 20's), else the engine package's.
fn headers() -> Option<PathBuf> {
    [
        PathBuf::from("/usr/include/node"),
        root().join("target/libnode/usr/include/node"),
    ]
    .into_iter()
    .find(|d| d.join("node_api.h").exists())
}

/// The folder holding coil_napi_test.node and legacy.node, built once; None
/// without a C compiler or headers.
fn addons() -> Option<&'static Path> {
    static BUILT: OnceLock<Option<PathBuf>> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let include = headers()?;
            let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("napi");
            std::fs::create_dir_all(&out).ok()?;
            let dir = root().join("tests/napi");
            let mut sources: Vec<PathBuf> = std::fs::read_dir(dir.join("addon"))
                .ok()?
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "c"))
                .collect();
            sources.sort();
            let builds = [
                ("coil_napi_test.node", sources),
                ("legacy.node", vec![dir.join("legacy.c")]),
                ("nan_like.node", vec![dir.join("nan_like.c")]),
            ];
            for (name, files) in builds {
                let status = Command::new("cc")
                    .args(["-shared", "-fPIC", "-O1", "-pthread", "-Wall", "-Werror"])
                    .arg(format!("-I{}", include.display()))
                    .arg("-o")
                    .arg(out.join(name))
                    .args(&files)
                    .status();
                match status {
                    Ok(s) if s.success() => {}
                    Ok(s) => panic!("cc failed to build {name}: {s}"),
                    Err(_) => return None, // no C compiler
                }
            }
            Some(out)
        })
        .as_deref()
}

fn run_under(bin: &str) {
    let Some(dir) = addons() else {
        eprintln!("skipped: no C compiler (cc) or Node-API headers to build the test addon");
        return;
    };
    let out = Command::new(bin)
        .arg("--expose-gc")
        .arg("test.js")
        .arg(dir)
        .current_dir(root().join("tests/napi"))
        .output()
        .expect("run the test");
    let expected = std::fs::read_to_string(root().join("tests/napi/test.out")).unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{bin} exited with {}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    if stdout != expected {
        let first = stdout
            .lines()
            .zip(expected.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "{bin}: output differs from tests/napi/test.out at line {}:\n  got:      {:?}\n  expected: {:?}\nfull output:\n{stdout}",
            first + 1,
            stdout.lines().nth(first),
            expected.lines().nth(first)
        );
    }
}

#[test]
fn napi_addon_under_coil() {
    run_under(env!("CARGO_BIN_EXE_coil"));
}

#[test]
fn napi_addon_under_node_matches_too() {
    if Command::new("node").arg("--version").output().is_err() {
        eprintln!("skipped: node is not installed");
        return;
    }
    run_under("node");
}

/// stdout of tests/napi/exit.js ending `how`, under `bin`.
fn ending(bin: &str, dir: &Path, how: &str) -> String {
    let out = Command::new(bin)
        .args(["exit.js", dir.to_str().unwrap(), how])
        .current_dir(root().join("tests/napi"))
        .output()
        .expect("run exit.js");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn napi_cleanup_hooks_only_at_a_natural_end() {
    let Some(dir) = addons() else {
        eprintln!("skipped: no C compiler (cc) or Node-API headers to build the test addon");
        return;
    };
    let coil = env!("CARGO_BIN_EXE_coil");
    let natural = ending(coil, dir, "normal");
    assert_eq!(
        natural,
        "ending: normal\ncleanup hook: last added, runs first\nasync cleanup hook: async\n\
         cleanup hook: first added, runs last\n"
    );
    assert_eq!(ending(coil, dir, "exit"), "ending: exit\n");
    assert_eq!(ending(coil, dir, "throw"), "ending: throw\n");
}

#[test]
fn napi_node_h_addons_are_refused_by_name() {
    let Some(dir) = addons() else {
        eprintln!("skipped: no C compiler (cc) or Node-API headers to build the test addon");
        return;
    };
    let file = dir.join("nan_like.node");
    let script = format!(
        "try {{ require({:?}); }} catch (e) {{ console.log(e.code, e.message); }}",
        file.to_str().unwrap()
    );
    let out = Command::new(env!("CARGO_BIN_EXE_coil"))
        .args(["-e", &script])
        .output()
        .expect("run coil");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout,
        format!(
            "ERR_DLOPEN_FAILED {}: this addon was built against Node's C++ API (node.h/NAN) \
             for one Node version; coil loads Node-API addons only\n",
            file.display()
        )
    );
}
