//! Installing coil: `make install` into a temporary DESTDIR and the `make dist`
//! tarball unpacked elsewhere each run a script from another directory with the
//! build tree's engine out of reach; `make uninstall` leaves nothing behind; the man
//! page describes every option `coil --help` lists. Nothing here rebuilds coil: the
//! Makefile is pointed at the binary cargo built (BIN=...).
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const COIL: &str = env!("CARGO_BIN_EXE_coil");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A fresh directory under the system's temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("coil-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn make(args: &[&str]) {
    let out = Command::new("make")
        .arg("-C")
        .arg(ROOT)
        .arg("--no-print-directory")
        .args(args)
        .arg(format!("BIN={COIL}"))
        // This test may itself run under `make test`: start a make of its own.
        .env_remove("MAKEFLAGS")
        .env_remove("MFLAGS")
        .env_remove("MAKELEVEL")
        .output()
        .expect("make runs");
    assert!(
        out.status.success(),
        "make {args:?} failed:\n{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
}

/// The directory the build tree's binary loads its engine from (what to hide).
fn build_engine_dir() -> PathBuf {
    let link = Path::new(COIL)
        .parent()
        .unwrap()
        .join("../lib/coil/libnode.so.108");
    fs::canonicalize(&link)
        .unwrap_or_else(|e| panic!("{}: {e}", link.display()))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// A program in its own directory that loads a file beside it and a built-in.
fn write_app(dir: &Path) -> PathBuf {
    let app = dir.join("app");
    fs::create_dir_all(&app).unwrap();
    fs::write(app.join("helper.js"), "module.exports = (a, b) => a + b;\n").unwrap();
    fs::write(
        app.join("main.js"),
        "const add = require('./helper');\n\
         const path = require('path');\n\
         console.log(add(2, 3), path.basename(__filename), process.argv[2]);\n\
         console.log(process.versions.coil, typeof process.versions.v8);\n\
         setTimeout(() => console.log('timer'), 1);\n",
    )
    .unwrap();
    app.join("main.js")
}

/// Runs `coil script arg` from `cwd`. Where a mount namespace can be made (root,
/// or user namespaces), the build tree's engine directory is covered by an empty
/// one inside it first — for this process only, so tests running beside this one
/// still see it; the build tree's binary failing to start there proves the cover.
fn run_hidden(coil: &Path, script: &Path, cwd: &Path) -> Output {
    let engine = build_engine_dir();
    let empty = cwd.join("empty");
    fs::create_dir_all(&empty).unwrap();
    let probe = Command::new("unshare")
        .args(["-m", "--propagation", "private", "true"])
        .output();
    if matches!(probe, Ok(ref o) if o.status.success()) {
        let out = Command::new("unshare")
            .args(["-m", "--propagation", "private", "sh", "-c"])
            .arg(
                "mount --bind \"$1\" \"$2\" || exit 90; \
                 \"$3\" -e 0 2>/dev/null && exit 91; \
                 exec \"$4\" \"$5\" arg",
            )
            .arg("sh")
            .args([&empty, &engine, Path::new(COIL), coil, script])
            .current_dir(cwd)
            .env_remove("LD_LIBRARY_PATH")
            .output()
            .unwrap();
        assert_ne!(
            out.status.code(),
            Some(90),
            "bind mount failed: {}",
            text(&out.stderr)
        );
        assert_ne!(
            out.status.code(),
            Some(91),
            "the build tree's coil still ran with its engine hidden"
        );
        return out;
    }
    eprintln!("install test: no mount namespace here; checking with ldd only");
    Command::new(coil)
        .arg(script)
        .arg("arg")
        .current_dir(cwd)
        .env_remove("LD_LIBRARY_PATH")
        .output()
        .unwrap()
}

/// The installed binary's engine comes from its own tree: RUNPATH has no
/// absolute path, and the loader resolves libnode inside `root`.
fn check_links(coil: &Path, root: &Path) {
    if let Ok(out) = Command::new("readelf").args(["-d"]).arg(coil).output() {
        let dynamic = text(&out.stdout);
        let runpath = dynamic
            .lines()
            .find(|l| l.contains("(RUNPATH)") || l.contains("(RPATH)"))
            .unwrap_or_else(|| panic!("no RUNPATH:\n{dynamic}"));
        assert!(runpath.ends_with("[$ORIGIN/../lib/coil]"), "{runpath}");
    }
    let out = Command::new("ldd").arg(coil).output().unwrap();
    let ldd = text(&out.stdout);
    let line = ldd
        .lines()
        .find(|l| l.contains("libnode.so"))
        .unwrap_or_else(|| panic!("no libnode in ldd:\n{ldd}"));
    let root = root.to_str().unwrap();
    assert!(
        line.contains(&format!("=> {root}/")),
        "libnode not from {root}: {line}"
    );
}

fn check_app_runs(coil: &Path, root: &Path, dir: &Path) {
    check_links(coil, root);
    let script = write_app(dir);
    let elsewhere = dir.join("elsewhere");
    fs::create_dir_all(&elsewhere).unwrap();
    let out = run_hidden(coil, &script, &elsewhere);
    assert_eq!(
        text(&out.stdout),
        format!(
            "5 main.js arg\n{} string\ntimer\n",
            env!("CARGO_PKG_VERSION")
        ),
        "stderr: {}",
        text(&out.stderr)
    );
    assert!(out.status.success());
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn make_install_runs_from_destdir_and_uninstall_removes_it() {
    let tmp = TempDir::new("install");
    let destdir = tmp.0.join("root");
    let destdir_arg = format!("DESTDIR={}", destdir.display());
    make(&["install", &destdir_arg, "PREFIX=/usr/local"]);
    let prefix = destdir.join("usr/local");
    for file in [
        "bin/coil",
        "lib/coil/libnode.so.108",
        "share/man/man1/coil.1",
        "share/doc/coil/README.md",
        "share/doc/coil/LICENSE",
        "share/doc/coil/libnode.copyright",
    ] {
        assert!(prefix.join(file).is_file(), "{file} not installed");
    }
    check_app_runs(&prefix.join("bin/coil"), &destdir, &tmp.0);

    make(&["uninstall", &destdir_arg, "PREFIX=/usr/local"]);
    let mut left = Vec::new();
    files_under(&destdir, &mut left);
    assert!(left.is_empty(), "left after uninstall: {left:?}");
    assert!(!prefix.join("lib/coil").exists());
}

#[test]
fn dist_tarball_runs_unpacked_elsewhere() {
    let tmp = TempDir::new("dist");
    let distdir = tmp.0.join("dist");
    // -o build: take the binary as built, do not run cargo again.
    make(&[
        "-o",
        "build",
        "dist",
        &format!("DISTDIR={}", distdir.display()),
    ]);
    let name = format!(
        "coil-{}-linux-{}",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::ARCH
    );
    let tarball = distdir.join(format!("{name}.tar.gz"));
    assert!(tarball.is_file(), "no {}", tarball.display());
    let unpacked = tmp.0.join("opt");
    fs::create_dir_all(&unpacked).unwrap();
    let status = Command::new("tar")
        .arg("-xzf")
        .arg(&tarball)
        .arg("-C")
        .arg(&unpacked)
        .status()
        .unwrap();
    assert!(status.success());
    let root = unpacked.join(&name);
    assert!(root.join("share/doc/coil/libnode.copyright").is_file());
    check_app_runs(&root.join("bin/coil"), &root, &tmp.0);
}

#[test]
fn man_page_describes_every_option_of_help() {
    let out = Command::new(COIL).arg("--help").output().unwrap();
    let help = text(&out.stdout);
    let man = fs::read_to_string(Path::new(ROOT).join("docs/coil.1"))
        .unwrap()
        .replace("\\-", "-");
    let mut missing = Vec::new();
    for word in help.split(|c: char| c.is_whitespace() || c == ',' || c == '=') {
        let option = word.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
        let name = option.trim_start_matches('-');
        let is_option =
            option.starts_with('-') && name.starts_with(|c: char| c.is_ascii_alphabetic());
        if is_option && !man.contains(option) {
            missing.push(option.to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "docs/coil.1 does not describe {missing:?}"
    );
}
