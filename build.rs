// Build script: finds libnode (V8's headers and library from one package), compiles
// the C++ shim src/v8/binding.cc with the defines V8 was built with, links libnode
// with a relocatable RUNPATH (see link_engine), and embeds lib/**/*.js as the built-in module table, each with the
// V8 code cache that src/v8/mkcodecache.cc makes for it.
use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

include!("src/v8/flags.rs");

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let (include, libdir) = find_libnode(&manifest);
    let gypi = fs::read_to_string(include.join("config.gypi")).unwrap_or_default();

    let mut build = cc::Build::new();
    build
        .cpp(true)
        .file("src/v8/binding.cc")
        .file("src/v8/context.cc")
        .file("src/v8/async_context.cc")
        .file("src/v8/serializer.cc")
        .file("src/v8/worker.cc")
        .file("src/v8/message.cc")
        .file("src/v8/module.cc")
        .file("src/v8/fast_api.cc")
        .file("src/v8/heap.cc")
        .file("src/v8/allocator.cc")
        .include(&include)
        .flag("-std=c++17")
        .flag("-fno-rtti")
        .flag("-Wno-unused-parameter")
        .flag("-Wno-deprecated-declarations")
        // libstdc++ is linked below, after libnode (see there).
        .cpp_link_stdlib(None);
    // Handles silently corrupt if these differ from how V8 itself was built.
    let defines: Vec<&str> = [
        ("v8_enable_pointer_compression", "V8_COMPRESS_POINTERS"),
        (
            "v8_enable_31bit_smis_on_64bit_arch",
            "V8_31BIT_SMIS_ON_64BIT_ARCH",
        ),
        ("v8_enable_sandbox", "V8_ENABLE_SANDBOX"),
    ]
    .into_iter()
    .filter(|(gyp, _)| gypi_flag(&gypi, gyp))
    .map(|(_, define)| define)
    .collect();
    for d in &defines {
        build.define(d, None);
    }
    build.compile("coilv8");
    compile_napi(&include, &defines);

    compile_ada();

    println!("cargo:rustc-link-search=native={}", libdir.display());
    // libnode comes first among the shared libraries, so the dynamic linker looks
    // there first for the ~55,000 symbols it binds at start-up (most of them
    // libnode's own): about a tenth less time in relocation.
    println!("cargo:rustc-link-lib=dylib=node");
    println!("cargo:rustc-link-lib=dylib=stdc++");
    // zlib's brotli (src/binding/zlib/brotli.rs): the run-time libraries by soname
    // (libbrotli1, which libnode loads anyway), so no -dev package is needed.
    println!("cargo:rustc-link-lib=dylib:+verbatim=libbrotlienc.so.1");
    println!("cargo:rustc-link-lib=dylib:+verbatim=libbrotlidec.so.1");
    if std::env::var_os("CARGO_FEATURE_SYSTEM_ZLIB").is_some() {
        println!("cargo:rustc-link-lib=dylib:+verbatim=libz.so.1");
    }
    link_engine(&libdir);
    println!("cargo:rerun-if-changed=src/v8/binding.cc");
    println!("cargo:rerun-if-changed=src/v8/context.cc");
    println!("cargo:rerun-if-changed=src/v8/async_context.cc");
    println!("cargo:rerun-if-changed=src/v8/serializer.cc");
    println!("cargo:rerun-if-changed=src/v8/worker.cc");
    println!("cargo:rerun-if-changed=src/v8/message.cc");
    println!("cargo:rerun-if-changed=src/v8/module.cc");
    println!("cargo:rerun-if-changed=src/v8/fast_api.cc");
    println!("cargo:rerun-if-changed=src/v8/heap.cc");
    println!("cargo:rerun-if-changed=src/v8/allocator.cc");
    println!("cargo:rerun-if-changed=src/v8/allocator.h");
    println!("cargo:rerun-if-changed=src/v8/handles.h");
    println!("cargo:rerun-if-changed=src/v8/mkcodecache.cc");
    println!("cargo:rerun-if-changed=src/v8/flags.rs");
    println!("cargo:rerun-if-env-changed=LIBNODE_DIR");

    let entries = lib_entries(&manifest);
    let tool = CacheTool {
        compiler: build.get_compiler(),
        include,
        libdir,
        defines,
    };
    embed_lib(&entries, &tool);
}

/// coil's Node-API (src/v8/napi/*.cc), exported from the executable
/// (--export-dynamic-symbol), so that an addon's undefined napi_* symbols bind
/// here, ahead of libnode's same-named exports (docs/addons.md). Nothing in Rust
/// calls most of these functions (addons do): src/binding/napi.rs keeps one symbol
/// of each file, so that the linker takes every object of the archive.
fn compile_napi(include: &Path, defines: &[&str]) {
    let files = [
        "env",
        "values",
        "objects",
        "functions",
        "lifecycle",
        "errors",
        "buffers",
        "async",
    ];
    let mut build = cc::Build::new();
    build
        .cpp(true)
        .include(include)
        .flag("-std=c++17")
        .flag("-fno-rtti")
        .flag("-Wno-unused-parameter")
        .flag("-Wno-deprecated-declarations")
        .cpp_link_stdlib(None);
    for d in defines {
        build.define(d, None);
    }
    for f in files {
        build.file(format!("src/v8/napi/{f}.cc"));
        println!("cargo:rerun-if-changed=src/v8/napi/{f}.cc");
    }
    println!("cargo:rerun-if-changed=src/v8/napi/env.h");
    build.compile("coilnapi");
    for symbol in ["napi_*", "node_api_*", "node_module_register"] {
        println!("cargo:rustc-link-arg-bins=-Wl,--export-dynamic-symbol={symbol}");
    }
}

/// ada (third_party/ada, Node's URL parser) and coil's entry points into it
/// (src/binding/url_ada.cc), as a static library linked before libnode. libnode
/// exports an older ada of its own: renaming the namespace and hiding every symbol
/// keeps the two apart (coil takes nothing but V8 from libnode).
fn compile_ada() {
    cc::Build::new()
        .cpp(true)
        .std("c++17")
        .opt_level(3)
        .include("third_party/ada")
        .file("third_party/ada/ada.cpp")
        .file("src/binding/url_ada.cc")
        .define("ada", "coil_ada")
        .flag("-fvisibility=hidden")
        .flag("-fvisibility-inlines-hidden")
        .warnings(false)
        .compile("coilada");
    println!("cargo:rerun-if-changed=third_party/ada/ada.cpp");
    println!("cargo:rerun-if-changed=third_party/ada/ada.h");
    println!("cargo:rerun-if-changed=src/binding/url_ada.cc");
}

/// The parameters coil compiles built-in `id` with (src/runtime/bootstrap.rs for the
/// loader, src/binding/builtins.rs for the rest): its code cache is made for these.
fn wrapper_params(id: &str) -> &'static str {
    match id {
        "internal/per_context/es2023" => "internalBinding",
        "internal/per_context/json_errors" => "",
        "internal/per_context/primordials" => "primordials",
        "internal/bootstrap/realm" => "process,internalBinding,primordials",
        _ => "exports,require,module,process,internalBinding,primordials",
    }
}

/// How to build and run src/v8/mkcodecache.cc.
struct CacheTool {
    compiler: cc::Tool,
    include: PathBuf,
    libdir: PathBuf,
    defines: Vec<&'static str>,
}

/// The code cache of each entry (empty where none could be made: coil then just
/// compiles the source, so a failure here only costs start-up time).
fn code_caches(entries: &[(String, PathBuf)], tool: &CacheTool) -> Vec<Vec<u8>> {
    let none = vec![Vec::new(); entries.len()];
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    let exe = out.join("mkcodecache");
    let dir = out.join("codecache");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let mut cmd = tool.compiler.to_command();
    cmd.arg("src/v8/mkcodecache.cc")
        .arg(format!("-I{}", tool.include.display()))
        .arg("-std=c++17")
        .arg("-O1")
        .arg("-Wno-deprecated-declarations")
        .arg("-o")
        .arg(&exe)
        .arg(format!("-L{}", tool.libdir.display()))
        .arg("-lnode")
        .arg(format!("-Wl,-rpath,{}", tool.libdir.display()));
    for d in &tool.defines {
        cmd.arg(format!("-D{d}"));
    }
    if !matches!(cmd.status(), Ok(s) if s.success()) {
        println!("cargo:warning=could not build the code cache tool: built-ins will be compiled at run time");
        return none;
    }
    let manifest: String = entries
        .iter()
        .map(|(id, path)| format!("{id}\t{}\t{}\n", path.display(), wrapper_params(id)))
        .collect();
    let list = out.join("codecache.list");
    fs::write(&list, manifest).unwrap();
    let ran = Command::new(&exe)
        .arg(DEFAULT_V8_FLAGS.join(" "))
        .arg(&list)
        .arg(&dir)
        .status();
    if !matches!(ran, Ok(s) if s.success()) {
        println!(
            "cargo:warning=the code cache tool failed: built-ins will be compiled at run time"
        );
        return none;
    }
    (0..entries.len())
        .map(|n| fs::read(dir.join(format!("{n}.bin"))).unwrap_or_default())
        .collect()
}

/// coil finds its engine relative to itself, as installed (`make install`, the
/// tarball, the .deb): bin/coil and lib/coil/libnode.so.N, so the RUNPATH is only
/// `$ORIGIN/../lib/coil`, never a path into the build tree. The build tree gets the
/// same layout through symlinks to the engine: `<target>/lib/coil` for
/// `<target>/<profile>/coil`, `<target>/<profile>/lib/coil` for the test binaries in
/// `<profile>/deps` (and examples). `make install` copies the engine from there.
fn link_engine(libdir: &Path) {
    println!("cargo:rustc-link-arg=-Wl,-rpath,$ORIGIN/../lib/coil");
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    // OUT_DIR is <target>/<profile>/build/coil-<hash>/out.
    let profile = out.ancestors().nth(3).expect("OUT_DIR has a profile dir");
    let libs: Vec<PathBuf> = fs::read_dir(libdir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("libnode.so"))
        })
        .collect();
    for dir in [profile.join("../lib/coil"), profile.join("lib/coil")] {
        fs::create_dir_all(&dir).unwrap();
        for lib in &libs {
            let link = dir.join(lib.file_name().unwrap());
            let _ = fs::remove_file(&link);
            let target = fs::canonicalize(lib).unwrap_or_else(|_| lib.clone());
            std::os::unix::fs::symlink(&target, &link).unwrap();
            // Made again if removed (a missing path makes cargo rerun this script).
            println!("cargo:rerun-if-changed={}", link.display());
        }
    }
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

/// Every lib/ file as (module id, path), sorted by id (not by path: "timers" <
/// "timers/promises", as binary search needs).
fn lib_entries(manifest: &Path) -> Vec<(String, PathBuf)> {
    let lib = manifest.join("lib");
    let mut files = Vec::new();
    collect_js(&lib, &mut files);
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
    println!("cargo:rerun-if-changed=lib");
    entries
}

/// Writes builtins.rs: a sorted table of every lib/ file (id, source, the parameters
/// of its code cache, the cache's range in CODE_CACHE) and codecache.bin, all the
/// caches, each starting 8-byte aligned.
fn embed_lib(entries: &[(String, PathBuf)], tool: &CacheTool) {
    let out_dir = PathBuf::from(env::var("OUT_DIR").unwrap());
    let caches = code_caches(entries, tool);
    let mut blob = Vec::new();
    let mut out = String::from("static BUILTINS: &[Builtin] = &[\n");
    for ((id, path), cache) in entries.iter().zip(&caches) {
        let start = blob.len();
        blob.extend_from_slice(cache);
        out.push_str(&format!(
            "    Builtin {{ id: {:?}, source: include_str!({:?}), params: {:?}, cache: {}..{} }},\n",
            id,
            path.to_str().unwrap(),
            wrapper_params(id),
            start,
            blob.len()
        ));
        blob.resize(blob.len().div_ceil(8) * 8, 0);
    }
    out.push_str("];\n");
    let blob_path = out_dir.join("codecache.bin");
    fs::write(&blob_path, blob).unwrap();
    out.push_str(&format!(
        "static CODE_CACHE: &Aligned<[u8]> = &Aligned(*include_bytes!({:?}));\n",
        blob_path.to_str().unwrap()
    ));
    fs::write(out_dir.join("builtins.rs"), out).unwrap();
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
