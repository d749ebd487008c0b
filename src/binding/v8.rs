//! internalBinding('v8'): the engine's numbers and switches for lib/v8.js —
//! heap statistics (whole heap, per space, code), setFlagsFromString,
//! cachedDataVersionTag, and heap snapshots. Arguments are checked in lib/v8.js.
use super::errno::errno_exception;
use super::set_methods;
use crate::v8::heap;
use crate::v8::{CallbackArgs, Local, Object, Scope, Value};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "heapStatistics" => heap_statistics,
            "heapSpaceStatistics" => heap_space_statistics,
            "heapCodeStatistics" => heap_code_statistics,
            "setFlagsFromString" => set_flags_from_string,
            "cachedDataVersionTag" => cached_data_version_tag,
            "writeHeapSnapshot" => write_heap_snapshot,
            "heapSnapshot" => heap_snapshot,
        ],
    );
}

fn numbers<'s>(s: &Scope<'s>, values: &[f64]) -> Local<'s, Value> {
    let items: Vec<Local<Value>> = values.iter().map(|v| s.number(*v)).collect();
    s.array(&items).value()
}

/// heapStatistics() -> [14 numbers] in node's key order.
fn heap_statistics<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    a.ret(numbers(s, &heap::statistics(s.isolate())));
}

/// heapSpaceStatistics() -> [[name, size, used, available, physical], ...]
fn heap_space_statistics<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let spaces: Vec<Local<Value>> = heap::spaces(s.isolate())
        .iter()
        .map(|(name, v)| {
            let mut row = vec![s.string(name).value()];
            row.extend(v.iter().map(|n| s.number(*n)));
            s.array(&row).value()
        })
        .collect();
    a.ret(s.array(&spaces).value());
}

/// heapCodeStatistics() -> [4 numbers].
fn heap_code_statistics<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    a.ret(numbers(s, &heap::code_statistics(s.isolate())));
}

fn set_flags_from_string<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let flags = a.get(0).to_rust_string(s);
    crate::runtime::user_set_flags(&flags);
    heap::set_flags_from_string(&flags);
}

fn cached_data_version_tag<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    a.ret(s.number(f64::from(heap::cached_data_version_tag())));
}

/// writeHeapSnapshot(path): throws the open's error as node does.
fn write_heap_snapshot<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let path = a.get(0).to_rust_string(s);
    if let Err(e) = heap::write_snapshot(s.isolate(), &path) {
        let errno = e.raw_os_error().unwrap_or(libc::EIO);
        s.throw(errno_exception(s, errno, "open", Some(&path), None));
    }
}

/// heapSnapshot() -> the snapshot's JSON as a string.
fn heap_snapshot<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let json = heap::snapshot(s.isolate());
    match s.string_from_latin1(&json) {
        Some(text) => a.ret(text.value()),
        None => s.throw(errno_exception(s, libc::ENOMEM, "heapSnapshot", None, None)),
    }
}
