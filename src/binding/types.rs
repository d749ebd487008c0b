//! internalBinding('types'): V8's own type checks for util.types (the ones JS
//! cannot answer: proxies, boxed primitives, iterators, native errors...).
use super::set_methods;
use crate::v8::{CallbackArgs, FastCall, Local, Object, Scope, ValueKind};

macro_rules! checks {
    ($($js:literal => $fn:ident : $($kind:ident)|+),* $(,)?) => {
        $(mod $fn {
            use crate::v8::{CallbackArgs, Local, Scope, Value, ValueKind};
            pub fn slow<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
                let v = args.get(0);
                args.ret(s.boolean(false $(|| v.is(ValueKind::$kind))+));
            }
            // What optimized callers run instead: the same checks, no handles made.
            pub extern "C" fn fast(_receiver: *const Value, v: *const Value) -> bool {
                // SAFETY: V8 hands a fast call its arguments as live handles.
                match unsafe { Local::from_raw(v) } {
                    Some(v) => false $(|| v.is(ValueKind::$kind))+,
                    None => false,
                }
            }
        })*
        pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
            $(if let Some(f) = s.function_with_fast_call(
                crate::native_fn!($fn::slow),
                $js,
                FastCall::ValueToBool($fn::fast),
            ) {
                target.set_str(s, $js, f.value());
            })*
            set_methods(s, target, crate::methods![
                "typedArrayName" => typed_array_name,
                "cloneKind" => clone_kind,
            ]);
        }
    };
}

checks! {
    "isExternal" => is_external: External,
    "isDate" => is_date: Date,
    "isArgumentsObject" => is_arguments_object: ArgumentsObject,
    "isBigIntObject" => is_bigint_object: BigIntObject,
    "isBooleanObject" => is_boolean_object: BooleanObject,
    "isNumberObject" => is_number_object: NumberObject,
    "isStringObject" => is_string_object: StringObject,
    "isSymbolObject" => is_symbol_object: SymbolObject,
    "isBoxedPrimitive" => is_boxed_primitive: BigIntObject | BooleanObject | NumberObject | StringObject | SymbolObject,
    "isNativeError" => is_native_error: NativeError,
    "isRegExp" => is_regexp: RegExp,
    "isAsyncFunction" => is_async_function: AsyncFunction,
    "isGeneratorFunction" => is_generator_function: GeneratorFunction,
    "isGeneratorObject" => is_generator_object: GeneratorObject,
    "isPromise" => is_promise: Promise,
    "isMap" => is_map: Map,
    "isSet" => is_set: Set,
    "isMapIterator" => is_map_iterator: MapIterator,
    "isSetIterator" => is_set_iterator: SetIterator,
    "isWeakMap" => is_weak_map: WeakMap,
    "isWeakSet" => is_weak_set: WeakSet,
    "isArrayBuffer" => is_array_buffer: ArrayBuffer,
    "isDataView" => is_data_view: DataView,
    "isSharedArrayBuffer" => is_shared_array_buffer: SharedArrayBuffer,
    "isAnyArrayBuffer" => is_any_array_buffer: ArrayBuffer | SharedArrayBuffer,
    "isProxy" => is_proxy: Proxy,
    "isModuleNamespaceObject" => is_module_namespace_object: ModuleNamespaceObject,
    "isArrayBufferView" => is_array_buffer_view: ArrayBufferView,
    "isTypedArray" => is_typed_array: TypedArray,
    "isUint8Array" => is_uint8_array: Uint8Array,
}

/// typedArrayName(value) -> 'Uint8Array' ... or undefined: a typed array's
/// [[TypedArrayName]]. V8 10.2's %TypedArray%.prototype[@@toStringTag] answers undefined
/// for views on a resizable buffer; V8's type checks know them
/// (lib/internal/per_context/es2023.js mends the getter with this).
fn typed_array_name<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    const NAMES: [(ValueKind, &str); 11] = [
        (ValueKind::Uint8Array, "Uint8Array"),
        (ValueKind::Uint8ClampedArray, "Uint8ClampedArray"),
        (ValueKind::Int8Array, "Int8Array"),
        (ValueKind::Uint16Array, "Uint16Array"),
        (ValueKind::Int16Array, "Int16Array"),
        (ValueKind::Uint32Array, "Uint32Array"),
        (ValueKind::Int32Array, "Int32Array"),
        (ValueKind::Float32Array, "Float32Array"),
        (ValueKind::Float64Array, "Float64Array"),
        (ValueKind::BigInt64Array, "BigInt64Array"),
        (ValueKind::BigUint64Array, "BigUint64Array"),
    ];
    let v = args.get(0);
    if let Some((_, name)) = NAMES.iter().find(|(kind, _)| v.is(*kind)) {
        args.ret(s.string(name).value());
    }
}

/// cloneKind(value) -> what structuredClone must do with an object, in one call
/// instead of a dozen type checks (lib/internal/structured_clone.js names the
/// numbers): 0 ordinary object, 1 array, 2 uncloneable, 3 boxed primitive, 4 Date,
/// 5 RegExp, 6 (Shared)ArrayBuffer, 7 ArrayBuffer view, 8 Map, 9 Set, 10 native error.
fn clone_kind<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    use ValueKind::*;
    const ORDER: [(&[ValueKind], f64); 10] = [
        (
            &[
                Proxy,
                Promise,
                WeakMap,
                WeakSet,
                MapIterator,
                SetIterator,
                GeneratorObject,
                ModuleNamespaceObject,
                External,
                ArgumentsObject,
                SymbolObject,
            ],
            2.0,
        ),
        (
            &[BigIntObject, BooleanObject, NumberObject, StringObject],
            3.0,
        ),
        (&[Date], 4.0),
        (&[RegExp], 5.0),
        (&[ArrayBuffer, SharedArrayBuffer], 6.0),
        (&[ArrayBufferView], 7.0),
        (&[Map], 8.0),
        (&[Set], 9.0),
        (&[NativeError], 10.0),
        (&[Array], 1.0),
    ];
    let v = args.get(0);
    let kind = ORDER
        .iter()
        .find(|(kinds, _)| kinds.iter().any(|k| v.is(*k)))
        .map_or(0.0, |(_, n)| *n);
    args.ret(s.number(kind));
}
