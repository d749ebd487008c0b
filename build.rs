// Build script: finds libnode (V8's headers and library from one package), compiles
// the C++ shim src/v8/binding.cc with the defines V8 was built with, links libnode
// with an rpath, and embeds lib/**/*.js as the built-in module table.
use std::env;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let (include, libdir) = find_libnode(&manifest);
    let gypi = fs::read_to_string(include.join("config.gypi")).unwrap_or_default();

    let mut build = cc::Build::new();
    build
        .cpp(true)
        .file("src/v8/binding.cc")
        .include(&include)
        .flag("-std=c++17")
        .flag("-fno-rtti")
        .flag("-Wno-unused-parameter")
        .flag("-Wno-deprecated-declarations")
        // libstdc++ is linked below, after libnode (see there).
        .cpp_link_stdlib(None);
    // Handles silently corrupt if these differ from how V8 itself was built.
    if gypi_flag(&gypi, "v8_enable_pointer_compression") {
        build.define("V8_COMPRESS_POINTERS", None);
    }
    if gypi_flag(&gypi, "v8_enable_31bit_smis_on_64bit_arch") {
        build.define("V8_31BIT_SMIS_ON_64BIT_ARCH", None);
    }
    if gypi_flag(&gypi, "v8_enable_sandbox") {
        build.define("V8_ENABLE_SANDBOX", None);
    }
    build.compile("coilv8");

    println!("cargo:rustc-link-search=native={}", libdir.display());
    // libnode comes first among the shared libraries, so the dynamic linker looks
    // there first for the ~55,000 symbols it binds at start-up (most of them
    // libnode's own): about a tenth less time in relocation.
    println!("cargo:rustc-link-lib=dylib=node");
    println!("cargo:rustc-link-lib=dylib=stdc++");
    println!("cargo:rustc-link-arg=-Wl,-rpath,{}", libdir.display());
    println!("cargo:rerun-if-changed=src/v8/binding.cc");
    println!("cargo:rerun-if-env-changed=LIBNODE_DIR");

    embed_lib(&manifest);
}

/// LIBNODE_DIR (a prefix with include/node and lib), else what scripts/setup.sh
/// unpacked under target/libnode, else a system libnode-dev.
fn find_libnode(manifest: &Path) -> (PathBuf, PathBuf) {
    let triple_dir = "lib/x86_64-linux-gnu";
    let mut prefixes = Vec::new();
    if let Ok(dir) = env::var("LIBNODE_DIR") {
        prefixes.push(PathBuf::from(dir));
    }
    prefixes.push(manifest.join("target/libnode/usr"));
    prefixes.push(PathBuf::from("/usr"));
    for prefix in prefixes {
        let include = prefix.join("include/node");
        for lib in [prefix.join(triple_dir), prefix.join("lib")] {
            if include.join("v8.h").exists() && lib.join("libnode.so").exists() {
                return (include, lib);
            }
        }
    }
    panic!(
        "\n\ncoil: libnode (V8) was not found. Run `make` (it runs scripts/setup.sh), \
         or set LIBNODE_DIR to a prefix holding include/node/v8.h and lib/libnode.so.\n"
    );
}

fn gypi_flag(gypi: &str, name: &str) -> bool {
    gypi.lines()
        .find(|l| l.contains(&format!("'{name}'")))
        .map(|l| l.split(':').nth(1).unwrap_or("").trim().starts_with('1'))
        .unwrap_or(false)
}

/// Writes builtins.rs: a sorted table of (module id, source) for every lib/ file.
fn embed_lib(manifest: &Path) {
    let lib = manifest.join("lib");
    let mut files = Vec::new();
    collect_js(&lib, &mut files);
    // Sorted by id (not by path: "timers" < "timers/promises", as binary search needs).
    let mut entries: Vec<(String, PathBuf)> = files
        .into_iter()
        .map(|p| {
            (
                p.strip_prefix(&lib)
                    .unwrap()
                    .with_extension("")
                    .to_str()
                    .unwrap()
                    .to_string(),
                p,
            )
        })
        .collect();
    entries.sort();
    let mut out = String::from("pub static BUILTINS: &[(&str, &str)] = &[\n");
    for (id, path) in &entries {
        out.push_str(&format!(
            "    ({:?}, include_str!({:?})),\n",
            id,
            path.to_str().unwrap()
        ));
    }
    out.push_str("];\n");
    let dest = PathBuf::from(env::var("OUT_DIR").unwrap()).join("builtins.rs");
    fs::write(dest, out).unwrap();
    println!("cargo:rerun-if-changed=lib");
}

fn collect_js(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect_js(&path, out);
        } else if path.extension().is_some_and(|e| e == "js") {
            println!("cargo:rerun-if-changed={}", path.display());
            out.push(path);
        }
    }
}
