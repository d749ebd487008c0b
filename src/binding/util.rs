//! internalBinding('util'): what util.inspect needs to see inside V8 objects:
//! promise state, proxy target and handler, iterator and weak-collection entries,
//! constructor names.
use super::set_methods;
use crate::v8::{CallbackArgs, Local, Object, Promise, Proxy, Scope, ValueKind};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "getPromiseDetails" => get_promise_details,
            "getProxyDetails" => get_proxy_details,
            "previewEntries" => preview_entries,
            "getConstructorName" => get_constructor_name,
            "getOwnNonIndexProperties" => get_own_non_index_properties,
        ],
    );
}

/// getPromiseDetails(p) -> [state (0 pending, 1 fulfilled, 2 rejected), result]
fn get_promise_details<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(p) = args.get(0).to::<Promise>(ValueKind::Promise) else {
        return;
    };
    let (state, result) = p.state(s);
    let mut items = vec![s.number(state as f64)];
    if state != 0 {
        items.push(result);
    }
    args.ret(s.array(&items).value());
}

/// getProxyDetails(v, showProxy = true) -> undefined | [target, handler] | target
fn get_proxy_details<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(p) = args.get(0).to::<Proxy>(ValueKind::Proxy) else {
        return;
    };
    let (target, handler) = p.target_and_handler();
    let show = args.len() < 2 || args.get(1).boolean(s);
    if show {
        args.ret(s.array(&[target, handler]).value());
    } else {
        args.ret(target);
    }
}

/// previewEntries(obj, isIterator) -> entries, or [entries, isKeyValue] for iterators
fn preview_entries<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(o) = args.get(0).to::<Object>(ValueKind::Object) else {
        return;
    };
    let Some((entries, kv)) = o.preview_entries(s) else {
        return;
    };
    if args.len() >= 2 && args.get(1).boolean(s) {
        args.ret(s.array(&[entries.value(), s.boolean(kv)]).value());
    } else {
        args.ret(entries.value());
    }
}

fn get_constructor_name<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(o) = args.get(0).to::<Object>(ValueKind::Object) else {
        return;
    };
    args.ret(o.constructor_name(s).value());
}

/// getOwnNonIndexProperties(obj, onlyEnumerable) -> own keys that are not indices.
fn get_own_non_index_properties<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(o) = args.get(0).to::<Object>(ValueKind::Object) else {
        return;
    };
    if let Some(names) = o.own_non_index_names(s, args.get(1).boolean(s)) {
        args.ret(names.value());
    }
}
