//! Local handles, the Value type checks and conversions, primitives and strings.
use std::marker::PhantomData;
use std::ptr::NonNull;

use super::isolate::RawIsolate;
use super::scope::Scope;

macro_rules! opaque {
    ($($name:ident),*) => {$(
        #[repr(C)]
        pub struct $name { _opaque: [u8; 0] }
    )*};
}
opaque!(Value, Primitive, String, Context, Boolean, Number, BigInt);

extern "C" {
    fn v8__Value__Is(v: *const Value, kind: i32) -> bool;
    fn v8__Value__AsNumber(v: *const Value, out: *mut f64) -> bool;
    static v8__SMI_SHIFT: u32;
    fn v8__Value__NumberValue(v: *const Value, ctx: *const Context, out: *mut f64) -> bool;
    fn v8__Value__IntegerValue(v: *const Value, ctx: *const Context, out: *mut i64) -> bool;
    fn v8__Value__BooleanValue(v: *const Value, isolate: *mut RawIsolate) -> bool;
    fn v8__Value__ToString(v: *const Value, ctx: *const Context) -> *const String;
    fn v8__Value__ToDetailString(v: *const Value, ctx: *const Context) -> *const String;
    fn v8__Undefined(isolate: *mut RawIsolate) -> *const Primitive;
    fn v8__Null(isolate: *mut RawIsolate) -> *const Primitive;
    fn v8__Boolean__New(isolate: *mut RawIsolate, v: bool) -> *const Boolean;
    fn v8__Number__New(isolate: *mut RawIsolate, v: f64) -> *const Number;
    fn v8__Integer__New(isolate: *mut RawIsolate, v: i32) -> *const Number;
    fn v8__BigInt__New(isolate: *mut RawIsolate, v: i64) -> *const BigInt;
    fn v8__BigInt__NewFromUnsigned(isolate: *mut RawIsolate, v: u64) -> *const BigInt;
    fn v8__BigInt__Int64Value(b: *const BigInt, lossless: *mut bool) -> i64;
    fn v8__Date__New(ctx: *const Context, ms: f64) -> *const Value;
    fn v8__String__NewFromUtf8(
        isolate: *mut RawIsolate,
        data: *const u8,
        len: i32,
        intern: bool,
    ) -> *const String;
    fn v8__String__NewFromOneByte(
        isolate: *mut RawIsolate,
        data: *const u8,
        len: i32,
    ) -> *const String;
    fn v8__String__NewFromTwoByte(
        isolate: *mut RawIsolate,
        data: *const u16,
        len: i32,
    ) -> *const String;
    fn v8__String__NewExternalOneByteStatic(
        isolate: *mut RawIsolate,
        data: *const u8,
        len: usize,
    ) -> *const String;
    fn v8__String__NewExternalOneByteOwned(
        isolate: *mut RawIsolate,
        data: *mut u8,
        len: usize,
    ) -> *const String;
    fn v8__String__ExternalOneByteData(s: *const String, len: *mut usize) -> *const u8;
    fn v8__String__Length(s: *const String) -> i32;
    fn v8__Value__ReadOneByteString(
        v: *const Value,
        isolate: *mut RawIsolate,
        buf: *mut u8,
        cap: i32,
    ) -> i32;
    fn v8__String__IsOneByte(s: *const String) -> bool;
    fn v8__String__Utf8Length(s: *const String, isolate: *mut RawIsolate) -> i32;
    fn v8__String__WriteUtf8(
        s: *const String,
        isolate: *mut RawIsolate,
        buf: *mut u8,
        cap: i32,
        nchars: *mut i32,
    ) -> i32;
    fn v8__String__WriteOneByte(
        s: *const String,
        isolate: *mut RawIsolate,
        buf: *mut u8,
        start: i32,
        len: i32,
    ) -> i32;
    fn v8__String__Write(
        s: *const String,
        isolate: *mut RawIsolate,
        buf: *mut u16,
        start: i32,
        len: i32,
    ) -> i32;
}

/// A handle to a JS value, valid while the scope `'s` that made it is open.
#[repr(transparent)]
pub struct Local<'s, T>(NonNull<T>, PhantomData<&'s ()>);

impl<T> Clone for Local<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Local<'_, T> {}

impl<'s, T> Local<'s, T> {
    /// # Safety
    /// `ptr` must be null or a handle made in a scope open for `'s`.
    pub(crate) unsafe fn from_raw(ptr: *const T) -> Option<Local<'s, T>> {
        NonNull::new(ptr as *mut T).map(|p| Local(p, PhantomData))
    }
    pub(crate) fn as_ptr(self) -> *const T {
        self.0.as_ptr()
    }
    /// The same V8 object (or the same primitive cell): V8's own `Local ==`,
    /// which compares what the two handle slots hold.
    pub fn same<U>(self, other: Local<'s, U>) -> bool {
        // SAFETY: both are live handles, so each points at a slot holding a
        // tagged pointer (handles are never empty here).
        unsafe { *(self.as_ptr() as *const usize) == *(other.as_ptr() as *const usize) }
    }
    /// Every V8 object and primitive is a Value.
    pub fn value(self) -> Local<'s, Value> {
        Local(self.0.cast(), PhantomData)
    }
    /// # Safety
    /// The value must really be a `U` (checked with `Value::is` first).
    pub(crate) unsafe fn cast<U>(self) -> Local<'s, U> {
        Local(self.0.cast(), PhantomData)
    }
}

/// V8's type checks, in the order of binding.cc's VALUE_KINDS list (a variant's
/// position is its index there, so kinds no Rust code asks about yet stay listed).
#[allow(dead_code)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(i32)]
pub enum ValueKind {
    Undefined,
    Null,
    True,
    False,
    String,
    Symbol,
    Function,
    Array,
    Object,
    BigInt,
    Boolean,
    Number,
    External,
    Int32,
    Uint32,
    Date,
    ArgumentsObject,
    BigIntObject,
    BooleanObject,
    NumberObject,
    StringObject,
    SymbolObject,
    NativeError,
    RegExp,
    AsyncFunction,
    GeneratorFunction,
    GeneratorObject,
    Promise,
    Map,
    Set,
    MapIterator,
    SetIterator,
    WeakMap,
    WeakSet,
    ArrayBuffer,
    ArrayBufferView,
    TypedArray,
    Uint8Array,
    DataView,
    SharedArrayBuffer,
    Proxy,
    ModuleNamespaceObject,
    Uint8ClampedArray,
    Int8Array,
    Uint16Array,
    Int16Array,
    Uint32Array,
    Int32Array,
    Float32Array,
    Float64Array,
    BigInt64Array,
    BigUint64Array,
}

impl<'s> Local<'s, Value> {
    pub fn is(self, kind: ValueKind) -> bool {
        // SAFETY: self is a live handle; kind is in range by construction.
        unsafe { v8__Value__Is(self.as_ptr(), kind as i32) }
    }
    pub fn is_undefined(self) -> bool {
        self.is(ValueKind::Undefined)
    }
    /// The value as `T` when V8's type check `kind` says it is one.
    pub fn to<T>(self, kind: ValueKind) -> Option<Local<'s, T>> {
        // SAFETY: the type check just passed.
        self.is(kind).then(|| unsafe { self.cast::<T>() })
    }
    /// A short one-byte string (an encoding name, say) copied into `buf`, with no
    /// allocation; None for anything else (no string, two-byte, longer than buf).
    pub fn short_latin1<'b>(self, scope: &Scope, buf: &'b mut [u8]) -> Option<&'b [u8]> {
        let cap = buf.len().min(i32::MAX as usize) as i32;
        // SAFETY: live handle and isolate; V8 writes at most `cap` bytes into buf.
        let n = unsafe {
            v8__Value__ReadOneByteString(self.as_ptr(), scope.isolate(), buf.as_mut_ptr(), cap)
        };
        (n >= 0).then(|| &buf[..n as usize])
    }
    /// A one-byte string's characters into `buf` (replacing what it held), in one
    /// call into V8 when it fits the spare capacity: Some(true) when done,
    /// Some(false) for a two-byte string, None when the value is no string.
    pub fn read_one_byte(self, scope: &Scope, buf: &mut Vec<u8>) -> Option<bool> {
        buf.clear();
        loop {
            let cap = buf.capacity().min(i32::MAX as usize) as i32;
            // SAFETY: live handle and isolate; V8 writes at most `cap` bytes into
            // the vector's capacity, which is exposed only up to what it wrote.
            let n = unsafe {
                let n = v8__Value__ReadOneByteString(
                    self.as_ptr(),
                    scope.isolate(),
                    buf.as_mut_ptr(),
                    cap,
                );
                if n >= 0 {
                    buf.set_len(n as usize);
                }
                n
            };
            match n {
                0.. => return Some(true),
                -1 => return None,
                -2 => return Some(false),
                _ => buf.reserve((-3 - n) as usize),
            }
        }
    }
    /// The value of a Number, with no conversion (and no context needed).
    /// A small integer read straight from the handle's slot, as V8's inline
    /// accessors read it: a Smi has tag bit 0 clear and its value above
    /// `v8__SMI_SHIFT` bits (binding.cc takes the shift from V8's own header).
    pub fn as_smi(self) -> Option<i32> {
        // SAFETY: a live Local is the address of a slot holding a tagged value.
        let word = unsafe { *(self.as_ptr() as *const isize) };
        // SAFETY: a constant the shim defines.
        let shift = unsafe { v8__SMI_SHIFT };
        (word & 1 == 0).then_some((word >> shift) as i32)
    }
    fn as_number(self) -> Option<f64> {
        if let Some(i) = self.as_smi() {
            return Some(i as f64);
        }
        let mut out = 0.0;
        // SAFETY: live handle; out is written when it is a Number.
        unsafe { v8__Value__AsNumber(self.as_ptr(), &mut out) }.then_some(out)
    }
    pub fn number(self, scope: &Scope) -> Option<f64> {
        if let Some(n) = self.as_number() {
            return Some(n);
        }
        let mut out = 0.0;
        // SAFETY: live handles; out is written on success.
        unsafe { v8__Value__NumberValue(self.as_ptr(), scope.context().as_ptr(), &mut out) }
            .then_some(out)
    }
    pub fn integer(self, scope: &Scope) -> Option<i64> {
        // V8's IntegerValue of a Number: truncated, NaN 0, saturated at the i64
        // range, which is what `as` does.
        if let Some(n) = self.as_number() {
            return Some(n as i64);
        }
        let mut out = 0;
        // SAFETY: as above.
        unsafe { v8__Value__IntegerValue(self.as_ptr(), scope.context().as_ptr(), &mut out) }
            .then_some(out)
    }
    pub fn boolean(self, scope: &Scope) -> bool {
        // SAFETY: live handle and isolate.
        unsafe { v8__Value__BooleanValue(self.as_ptr(), scope.isolate()) }
    }
    /// JS `String(value)`; None if it threw.
    pub fn to_string(self, scope: &Scope<'s>) -> Option<Local<'s, String>> {
        // SAFETY: live handles; the result is made in `scope`.
        unsafe { Local::from_raw(v8__Value__ToString(self.as_ptr(), scope.context().as_ptr())) }
    }
    /// The text V8 gives a value without running any of its code (no toString or
    /// getters): "#<Object>", "[object Array]", "Symbol(s)".
    pub fn to_detail_string(self, scope: &Scope<'s>) -> Option<Local<'s, String>> {
        // SAFETY: live handles; the result is made in `scope`.
        unsafe {
            Local::from_raw(v8__Value__ToDetailString(
                self.as_ptr(),
                scope.context().as_ptr(),
            ))
        }
    }
    /// `String(value)` as Rust text, or "" when conversion throws.
    pub fn to_rust_string(self, scope: &Scope<'s>) -> std::string::String {
        self.to_string(scope)
            .map(|s| s.to_rust(scope))
            .unwrap_or_default()
    }
    pub fn bigint_i64(self) -> Option<(i64, bool)> {
        let b = self.to::<BigInt>(ValueKind::BigInt)?;
        let mut lossless = false;
        // SAFETY: b is a BigInt handle.
        let v = unsafe { v8__BigInt__Int64Value(b.as_ptr(), &mut lossless) };
        Some((v, lossless))
    }
}

/// Constructors of primitives, made in `scope`.
impl<'s> Scope<'s> {
    fn local<T>(&self, ptr: *const T) -> Local<'s, T> {
        // SAFETY: the shim returns a fresh handle in the current scope, never null here.
        unsafe { Local::from_raw(ptr) }.expect("V8 returned an empty handle")
    }
    pub fn undefined(&self) -> Local<'s, Value> {
        // SAFETY: live isolate.
        self.local(unsafe { v8__Undefined(self.isolate()) }).value()
    }
    pub fn null(&self) -> Local<'s, Value> {
        // SAFETY: live isolate.
        self.local(unsafe { v8__Null(self.isolate()) }).value()
    }
    pub fn boolean(&self, v: bool) -> Local<'s, Value> {
        // SAFETY: live isolate.
        self.local(unsafe { v8__Boolean__New(self.isolate(), v) })
            .value()
    }
    pub fn number(&self, v: f64) -> Local<'s, Value> {
        // SAFETY: live isolate.
        self.local(unsafe { v8__Number__New(self.isolate(), v) })
            .value()
    }
    /// A small integer (a Smi: no heap number, nor Number::New's double checks).
    pub fn int32(&self, v: i32) -> Local<'s, Value> {
        // SAFETY: live isolate.
        self.local(unsafe { v8__Integer__New(self.isolate(), v) })
            .value()
    }
    pub fn bigint(&self, v: i64) -> Local<'s, Value> {
        // SAFETY: live isolate.
        self.local(unsafe { v8__BigInt__New(self.isolate(), v) })
            .value()
    }
    pub fn biguint(&self, v: u64) -> Local<'s, Value> {
        // SAFETY: live isolate.
        self.local(unsafe { v8__BigInt__NewFromUnsigned(self.isolate(), v) })
            .value()
    }
    /// `new Date(ms)` without a call into JS (None only in a terminating isolate).
    pub fn date(&self, ms: f64) -> Option<Local<'s, Value>> {
        // SAFETY: live context handle of this scope.
        unsafe { Local::from_raw(v8__Date__New(self.context().as_ptr(), ms)) }
    }
    /// A JS string from UTF-8 text (None only past V8's maximum string length).
    pub fn try_string(&self, s: &str) -> Option<Local<'s, String>> {
        let len = i32::try_from(s.len()).ok()?;
        // SAFETY: s is valid UTF-8 of len bytes; V8 copies it.
        unsafe {
            Local::from_raw(v8__String__NewFromUtf8(
                self.isolate(),
                s.as_ptr(),
                len,
                false,
            ))
        }
    }
    pub fn string(&self, s: &str) -> Local<'s, String> {
        self.try_string(s).expect("string too long for V8")
    }
    /// An internalized string, for property names used again and again.
    pub fn name(&self, s: &str) -> Local<'s, String> {
        // SAFETY: as in try_string; names are short.
        self.local(unsafe {
            v8__String__NewFromUtf8(self.isolate(), s.as_ptr(), s.len() as i32, true)
        })
    }
    /// Bytes taken as UTF-8; ill-formed sequences become U+FFFD.
    pub fn string_from_utf8(&self, bytes: &[u8]) -> Option<Local<'s, String>> {
        let len = i32::try_from(bytes.len()).ok()?;
        // SAFETY: V8 copies len bytes and replaces invalid sequences.
        unsafe {
            Local::from_raw(v8__String__NewFromUtf8(
                self.isolate(),
                bytes.as_ptr(),
                len,
                false,
            ))
        }
    }
    pub fn string_from_latin1(&self, bytes: &[u8]) -> Option<Local<'s, String>> {
        let len = i32::try_from(bytes.len()).ok()?;
        // SAFETY: V8 copies len bytes.
        unsafe {
            Local::from_raw(v8__String__NewFromOneByte(
                self.isolate(),
                bytes.as_ptr(),
                len,
            ))
        }
    }
    pub fn string_from_utf16(&self, units: &[u16]) -> Option<Local<'s, String>> {
        let len = i32::try_from(units.len()).ok()?;
        // SAFETY: V8 copies len code units.
        unsafe {
            Local::from_raw(v8__String__NewFromTwoByte(
                self.isolate(),
                units.as_ptr(),
                len,
            ))
        }
    }
    /// A one-byte string of `len` characters that `fill` writes straight into the
    /// string's own memory (owned by V8 from then on): big results skip the copy
    /// that `string_from_latin1` makes. None past V8's maximum length.
    ///
    /// # Safety
    /// `fill` must initialise every one of the `len` bytes it is given.
    pub unsafe fn string_latin1_with(
        &self,
        len: usize,
        fill: impl FnOnce(&mut [std::mem::MaybeUninit<u8>]),
    ) -> Option<Local<'s, String>> {
        if len == 0 || len > MAX_STRING_LEN {
            return (len == 0).then(|| self.string_from_latin1(&[])).flatten();
        }
        // SAFETY: plain malloc of len > 0 bytes.
        let data = unsafe { libc::malloc(len) }.cast::<u8>();
        assert!(!data.is_null(), "out of memory");
        // SAFETY: data points at len bytes that nothing else uses.
        fill(unsafe { std::slice::from_raw_parts_mut(data.cast(), len) });
        // SAFETY: fill has initialised all len bytes (the caller's promise); the C
        // side takes ownership of data whatever happens.
        unsafe {
            Local::from_raw(v8__String__NewExternalOneByteOwned(
                self.isolate(),
                data,
                len,
            ))
        }
    }
    /// A string over static Latin-1 text without copying it (built-in sources).
    pub fn static_latin1(&self, text: &'static str) -> Local<'s, String> {
        // SAFETY: text lives for the whole process; V8 only reads it.
        self.local(unsafe {
            v8__String__NewExternalOneByteStatic(self.isolate(), text.as_ptr(), text.len())
        })
    }
}

/// V8's String::kMaxLength on 64-bit hosts.
pub const MAX_STRING_LEN: usize = (1 << 29) - 24;

impl<'s> Local<'s, String> {
    pub fn len(self) -> usize {
        // SAFETY: live string handle.
        unsafe { v8__String__Length(self.as_ptr()) as usize }
    }
    pub fn utf8_len(self, scope: &Scope) -> usize {
        // SAFETY: live handle and isolate.
        unsafe { v8__String__Utf8Length(self.as_ptr(), scope.isolate()) as usize }
    }
    /// The characters of an external one-byte string, in place (no copy); None for
    /// any other kind of string.
    pub fn external_latin1(self) -> Option<&'s [u8]> {
        let mut len = 0;
        // SAFETY: live string handle; len is written when the result is not null.
        let p = unsafe { v8__String__ExternalOneByteData(self.as_ptr(), &mut len) };
        // SAFETY: an external string's characters neither move nor die while a
        // handle to it (valid for 's) exists, and nobody writes them.
        (!p.is_null()).then(|| unsafe { std::slice::from_raw_parts(p, len) })
    }
    /// True when V8 stores the string one byte per character (Latin-1).
    pub fn is_one_byte(self) -> bool {
        // SAFETY: live string handle.
        unsafe { v8__String__IsOneByte(self.as_ptr()) }
    }
    /// Writes whole UTF-8 characters into `buf`; returns (bytes, characters) written.
    pub fn write_utf8(self, scope: &Scope, buf: &mut [u8]) -> (usize, usize) {
        let mut nchars = 0;
        let cap = buf.len().min(i32::MAX as usize) as i32;
        // SAFETY: V8 writes at most cap bytes into buf.
        let n = unsafe {
            v8__String__WriteUtf8(
                self.as_ptr(),
                scope.isolate(),
                buf.as_mut_ptr(),
                cap,
                &mut nchars,
            )
        };
        (n as usize, nchars as usize)
    }
    /// Writes characters [start, start+buf.len()) as Latin-1 (low byte of each unit).
    pub fn write_latin1(self, scope: &Scope, start: usize, buf: &mut [u8]) -> usize {
        // SAFETY: V8 writes at most buf.len() bytes.
        unsafe {
            v8__String__WriteOneByte(
                self.as_ptr(),
                scope.isolate(),
                buf.as_mut_ptr(),
                start as i32,
                buf.len() as i32,
            ) as usize
        }
    }
    /// Appends all the characters as Latin-1 to `out` (into its spare capacity:
    /// no zeroing first); returns how many.
    pub fn append_latin1(self, scope: &Scope, out: &mut Vec<u8>) -> usize {
        let len = self.len();
        out.reserve(len);
        let spare = out.spare_capacity_mut();
        // SAFETY: V8 writes at most len bytes into the reserved spare capacity,
        // and says how many it wrote; only those become part of `out`.
        unsafe {
            let n = v8__String__WriteOneByte(
                self.as_ptr(),
                scope.isolate(),
                spare.as_mut_ptr().cast(),
                0,
                len.min(i32::MAX as usize) as i32,
            ) as usize;
            out.set_len(out.len() + n);
            n
        }
    }
    /// Writes UTF-16 code units [start, start+buf.len()).
    pub fn write_utf16(self, scope: &Scope, start: usize, buf: &mut [u16]) -> usize {
        // SAFETY: V8 writes at most buf.len() units.
        unsafe {
            v8__String__Write(
                self.as_ptr(),
                scope.isolate(),
                buf.as_mut_ptr(),
                start as i32,
                buf.len() as i32,
            ) as usize
        }
    }
    pub fn to_rust(self, scope: &Scope) -> std::string::String {
        let mut buf = vec![0u8; self.utf8_len(scope)];
        let (n, _) = self.write_utf8(scope, &mut buf);
        buf.truncate(n);
        // SAFETY: V8 wrote well-formed UTF-8 (invalid surrogates replaced).
        unsafe { std::string::String::from_utf8_unchecked(buf) }
    }
}
