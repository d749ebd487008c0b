//! internalBinding('compile_cache'): V8's code cache for the user's CommonJS and ES
//! modules, kept on disk between runs (node 22's module compile cache:
//! `module.enableCompileCache()`, `NODE_COMPILE_CACHE=dir`). A module's entry is
//! `<dir>/<V8 tag>/<key>`: the tag is V8's CachedDataVersionTag (its version and the
//! flags that change code), the key a SHA-256 of the kind, the name and the source,
//! so an edited file or another engine never meets an old entry (V8 itself only
//! checks the source's length). Entries are written at exit, after the program ran,
//! so they hold the functions its start-up compiled, not only the top level; a
//! module whose entry V8 used is not written again. Failures are quiet: without a
//! cache coil just compiles.
use super::set_methods;
use crate::runtime::decorate;
use crate::v8::heap;
use crate::v8::{
    ArrayBuffer, CallbackArgs, Function, Global, Local, Object, Scope, ScriptSource, String,
    ValueKind,
};
use std::cell::RefCell;
use std::path::{Path, PathBuf};

/// module.constants.compileCacheStatus, as node 22 numbers them.
const FAILED: u8 = 0;
const ENABLED: u8 = 1;
const ALREADY_ENABLED: u8 = 2;

/// What to write at exit: the compiled thing and the entry it goes to.
struct Pending {
    what: Compiled,
    path: PathBuf,
}

enum Compiled {
    Function(Global),
    Module(i32),
}

#[derive(Default)]
struct State {
    /// `<dir>/<V8 tag>` once enabled.
    entries: Option<PathBuf>,
    /// The directory as the user named it (resolved), for getDir().
    dir: Option<std::string::String>,
    pending: Vec<Pending>,
}

thread_local! {
    // Per thread: each worker has its own isolate, and its own modules to cache.
    static STATE: RefCell<State> = RefCell::new(State::default());
}

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "enable" => enable,
            "getDir" => get_dir,
            "compileFunction" => compile_function,
            "compileModule" => compile_module,
            "flush" => flush_method,
        ],
    );
}

/// enable(absoluteDir) -> [status, directory or message].
fn enable<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let dir = args.get(0).to_rust_string(s);
    let (status, text) = STATE.with(|st| {
        let mut st = st.borrow_mut();
        if let Some(d) = &st.dir {
            return (ALREADY_ENABLED, d.clone());
        }
        let entries = Path::new(&dir).join(format!("v8-{:08x}", heap::cached_data_version_tag()));
        match std::fs::create_dir_all(&entries) {
            Ok(()) => {
                st.entries = Some(entries);
                st.dir = Some(dir.clone());
                (ENABLED, dir)
            }
            Err(e) => (FAILED, format!("Cannot create cache directory: {e}")),
        }
    });
    args.ret(
        s.array(&[s.number(f64::from(status)), s.string(&text).value()])
            .value(),
    );
}

/// getDir() -> the directory, or undefined when the cache is off.
fn get_dir<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    if let Some(d) = STATE.with(|st| st.borrow().dir.clone()) {
        args.ret(s.string(&d).value());
    }
}

/// The entry for `source` compiled as `kind` under `name` (with `params` for a
/// function); None when the cache is off.
fn entry_path(
    s: &Scope,
    kind: &str,
    name: &str,
    params: &[Local<String>],
    source: Local<String>,
) -> Option<PathBuf> {
    let entries = STATE.with(|st| st.borrow().entries.clone())?;
    let mut h = openssl::sha::Sha256::new();
    h.update(kind.as_bytes());
    h.update(&[0]);
    h.update(name.as_bytes());
    h.update(&[0]);
    for p in params {
        h.update(p.to_rust(s).as_bytes());
        h.update(&[0]);
    }
    // The characters in chunks, as V8 stores them (one or two bytes each).
    let len = source.len();
    let mut start = 0;
    if source.is_one_byte() {
        let mut buf = vec![0u8; len.min(1 << 16)];
        while start < len {
            let n = source.write_latin1(s, start, &mut buf[..(len - start).min(1 << 16)]);
            if n == 0 {
                break;
            }
            h.update(&[1]);
            h.update(&buf[..n]);
            start += n;
        }
    } else {
        let mut buf = vec![0u16; len.min(1 << 15)];
        while start < len {
            let n = source.write_utf16(s, start, &mut buf[..(len - start).min(1 << 15)]);
            if n == 0 {
                break;
            }
            let bytes: Vec<u8> = buf[..n].iter().flat_map(|u| u.to_le_bytes()).collect();
            h.update(&[2]);
            h.update(&bytes);
            start += n;
        }
    }
    let digest = h.finish();
    let key: std::string::String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    Some(entries.join(key))
}

/// An entry is the SHA-256 of V8's bytes, then the bytes: V8's release build does not
/// checksum a code cache it is given, so a damaged file must never reach it.
const DIGEST: usize = 32;

/// Reads an entry's cache; None when there is none, or it is damaged.
fn read_entry(path: &Path) -> Option<Vec<u8>> {
    let mut bytes = std::fs::read(path).ok()?;
    if bytes.len() <= DIGEST || openssl::sha::sha256(&bytes[DIGEST..])[..] != bytes[..DIGEST] {
        return None;
    }
    bytes.drain(..DIGEST);
    Some(bytes)
}

/// Writes an entry under a temporary name of its own, then renames it, so a reader
/// never sees half of one.
fn write_entry(path: &Path, cache: &[u8]) {
    // Unique in the process too: a worker may write the same entry at the same time.
    static WRITES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = path.with_extension(format!("tmp{}-{n}", std::process::id()));
    let mut bytes = Vec::with_capacity(DIGEST + cache.len());
    bytes.extend_from_slice(&openssl::sha::sha256(cache));
    bytes.extend_from_slice(cache);
    if std::fs::write(&tmp, &bytes).is_err() || std::fs::rename(&tmp, path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

fn remember(path: PathBuf, what: Compiled) {
    STATE.with(|st| st.borrow_mut().pending.push(Pending { what, path }));
}

/// compileFunction(code, filename, params[]) -> Function, as contextify's, through
/// the cache; throws the SyntaxError with its arrow.
fn compile_function<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(code) = args.get(0).to_string(s) else {
        return;
    };
    let filename = args.get(1);
    let mut params = Vec::new();
    if let Some(list) = args.get(2).to::<crate::v8::Array>(ValueKind::Array) {
        for i in 0..list.length() {
            if let Some(p) = list.object().get_index(s, i).and_then(|v| v.to_string(s)) {
                params.push(p);
            }
        }
    }
    let path = entry_path(s, "cjs", &filename.to_rust_string(s), &params, code);
    let cache = path.as_deref().and_then(read_entry);
    let src = ScriptSource {
        code,
        name: filename,
        line: 0,
        column: 0,
    };
    s.try_catch(|tc| {
        match s.compile_function_in(s.context(), src, &params, &[], cache.as_deref(), false) {
            Some(compiled) => {
                if let (Some(path), false) = (path, compiled.rejected == Some(false)) {
                    remember(
                        path,
                        Compiled::Function(Global::new(s, compiled.function.value())),
                    );
                }
                args.ret(compiled.function.value());
            }
            None => {
                if let (Some(e), Some(m)) = (tc.exception(s), tc.message(s)) {
                    decorate(s, e, m);
                }
                tc.rethrow();
            }
        }
    });
}

/// compileModule(source, url) -> id, as module_wrap's, through the cache.
fn compile_module<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(source) = args.get(0).to_string(s) else {
        return;
    };
    let url = args.get(1);
    let path = entry_path(s, "esm", &url.to_rust_string(s), &[], source);
    let cache = path.as_deref().and_then(read_entry);
    s.try_catch(
        |tc| match s.compile_module_cached(source, url, cache.as_deref()) {
            Some((id, rejected)) => {
                if let (Some(path), false) = (path, rejected == Some(false)) {
                    remember(path, Compiled::Module(id));
                }
                args.ret(s.number(id as f64));
            }
            None => {
                if let (Some(e), Some(m)) = (tc.exception(s), tc.message(s)) {
                    decorate(s, e, m);
                }
                tc.rethrow();
            }
        },
    );
}

fn flush_method<'s>(s: &Scope<'s>, _args: &CallbackArgs<'s>) {
    flush(s);
}

/// Writes the entries of what was compiled without one (at exit, or when
/// module.flushCompileCache() asks).
pub fn flush(s: &Scope) {
    let pending = STATE.with(|st| std::mem::take(&mut st.borrow_mut().pending));
    for p in pending {
        let buffer: Option<Local<ArrayBuffer>> = match &p.what {
            Compiled::Function(g) => g
                .get(s)
                .to::<Function>(ValueKind::Function)
                .and_then(|f| s.function_code_cache(f)),
            Compiled::Module(id) => s.module_code_cache(*id),
        };
        let Some(bytes) = buffer
            .map(crate::v8::code_cache_bytes)
            .filter(|b| !b.is_empty())
        else {
            continue;
        };
        write_entry(&p.path, &bytes);
    }
}
