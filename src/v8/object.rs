//! Objects, arrays, functions (native callbacks included), persistent handles,
//! ArrayBuffers with their backing stores, promises and proxies.
use std::ffi::c_void;

use super::callback::NativeTrampoline;
use super::isolate::RawIsolate;
use super::scope::Scope;
use super::value::{Context, Local, String, Value, ValueKind};

macro_rules! opaque {
    ($($name:ident),*) => {$(
        #[repr(C)]
        pub struct $name { _opaque: [u8; 0] }
    )*};
}
opaque!(
    Object,
    Array,
    Function,
    Private,
    ArrayBuffer,
    Uint8Array,
    ArrayBufferView,
    Promise,
    Proxy,
    RawGlobal,
    RawBackingStore,
    RawCallbackInfo
);

extern "C" {
    fn v8__Context__New(isolate: *mut RawIsolate) -> *const Context;
    fn v8__Context__Enter(ctx: *const Context);
    fn v8__Global__Init(out: *mut RawGlobal, isolate: *mut RawIsolate, v: *const Value);
    fn v8__Global__Get(g: *const RawGlobal, isolate: *mut RawIsolate) -> *const Value;
    fn v8__Global__Reset(g: *mut RawGlobal);
    fn v8__Private__ForApi(isolate: *mut RawIsolate, name: *const String) -> *const Private;
    fn v8__Object__New(isolate: *mut RawIsolate) -> *const Object;
    fn v8__Object__Get(o: *const Object, ctx: *const Context, key: *const Value) -> *const Value;
    fn v8__Object__GetIndex(o: *const Object, ctx: *const Context, i: u32) -> *const Value;
    fn v8__Object__Set(
        o: *const Object,
        ctx: *const Context,
        key: *const Value,
        v: *const Value,
    ) -> i32;
    fn v8__Object__GetPrivate(
        o: *const Object,
        ctx: *const Context,
        key: *const Private,
    ) -> *const Value;
    fn v8__Object__SetPrivate(
        o: *const Object,
        ctx: *const Context,
        key: *const Private,
        v: *const Value,
    ) -> i32;
    fn v8__Object__GetConstructorName(o: *const Object) -> *const String;
    fn v8__Object__PreviewEntries(o: *const Object, is_key_value: *mut bool) -> *const Array;
    fn v8__Array__New(
        isolate: *mut RawIsolate,
        elements: *const *const Value,
        len: usize,
    ) -> *const Array;
    fn v8__Array__Length(a: *const Array) -> u32;
    fn v8__Function__New(
        ctx: *const Context,
        f: NativeTrampoline,
        name: *const String,
    ) -> *const Function;
    fn v8__Function__Call(
        f: *const Function,
        ctx: *const Context,
        recv: *const Value,
        argc: i32,
        argv: *const *const Value,
    ) -> *const Value;
    fn v8__ArrayBuffer__New(isolate: *mut RawIsolate, len: usize) -> *const ArrayBuffer;
    fn v8__ArrayBuffer__NewUninitialized(
        isolate: *mut RawIsolate,
        len: usize,
    ) -> *const ArrayBuffer;
    fn v8__ArrayBuffer__NewWithData(
        isolate: *mut RawIsolate,
        data: *mut u8,
        len: usize,
        free: FreeFn,
        ctx: *mut c_void,
    ) -> *const ArrayBuffer;
    fn v8__ArrayBuffer__GetBackingStore(ab: *const ArrayBuffer) -> *mut RawBackingStore;
    fn v8__ArrayBuffer__Data(ab: *const ArrayBuffer) -> *mut u8;
    fn v8__ArrayBuffer__Detach(ab: *const ArrayBuffer) -> bool;
    fn v8__BackingStore__Data(bs: *const RawBackingStore) -> *mut u8;
    fn v8__BackingStore__DELETE(bs: *mut RawBackingStore);
    fn v8__ArrayBufferView__Buffer(v: *const ArrayBufferView) -> *const ArrayBuffer;
    fn v8__ArrayBufferView__ByteOffset(v: *const ArrayBufferView) -> usize;
    fn v8__ArrayBufferView__ByteLength(v: *const ArrayBufferView) -> usize;
    fn v8__Value__ViewBytes(v: *const Value, data: *mut *mut u8, len: *mut usize) -> bool;
    fn v8__Uint8Array__New(ab: *const ArrayBuffer, offset: usize, len: usize) -> *const Uint8Array;
    fn v8__Promise__State(p: *const Promise) -> i32;
    fn v8__Promise__Result(p: *const Promise) -> *const Value;
    fn v8__Proxy__GetTarget(p: *const Proxy) -> *const Value;
    fn v8__Proxy__GetHandler(p: *const Proxy) -> *const Value;
    fn v8__Exception__Error(m: *const String) -> *const Value;
    fn v8__Exception__TypeError(m: *const String) -> *const Value;
    fn v8__Exception__RangeError(m: *const String) -> *const Value;
}

pub type FreeFn = extern "C" fn(data: *mut c_void, len: usize, ctx: *mut c_void);

/// Takes back the memory of an ArrayBuffer made by `Scope::array_buffer_adopt`
/// once V8 is done with it (often on V8's own sweeper thread).
pub trait Reclaim {
    fn reclaim(bytes: Vec<u8>);
}

/// Frees it.
pub struct Free;

impl Reclaim for Free {
    fn reclaim(_bytes: Vec<u8>) {}
}

/// A persistent handle: keeps a value alive across scopes until dropped. Its one
/// word is the bytes of a `v8::Global<Value>` (its handle's slot), kept inline:
/// making a Global allocates only V8's handle, not a box for it (binding.cc). The
/// word may move with the struct: V8 keeps no pointer to where a strong Global lives.
pub struct Global {
    slot: *mut c_void,
}

impl Global {
    pub fn new(scope: &Scope, v: Local<Value>) -> Global {
        Global::init(scope.isolate(), v.as_ptr())
    }
    fn init(isolate: *mut RawIsolate, v: *const Value) -> Global {
        let mut g = Global {
            slot: std::ptr::null_mut(),
        };
        // SAFETY: v is a live handle; `slot` is a word that becomes the Global's
        // bytes, which own their own strong reference.
        unsafe { v8__Global__Init(g.raw_mut(), isolate, v) };
        g
    }
    fn raw(&self) -> *const RawGlobal {
        (&self.slot as *const *mut c_void).cast()
    }
    fn raw_mut(&mut self) -> *mut RawGlobal {
        (&mut self.slot as *mut *mut c_void).cast()
    }
    pub fn get<'s>(&self, scope: &Scope<'s>) -> Local<'s, Value> {
        // SAFETY: the Global is alive, so the handle is non-empty.
        unsafe { Local::from_raw(v8__Global__Get(self.raw(), scope.isolate())) }.unwrap()
    }
    /// Whether `v` is the very value this Global holds (identity, as `Local::same`),
    /// without making a handle for it.
    pub fn holds<U>(&self, v: Local<'_, U>) -> bool {
        // SAFETY: a live Global's slot and a live handle each hold a tagged
        // pointer, kept current by V8 across moves.
        unsafe { *(self.slot as *const usize) == *(v.as_ptr() as *const usize) }
    }
    pub(super) fn get_raw(&self, isolate: *mut RawIsolate) -> *const Value {
        // SAFETY: as above; the caller has a HandleScope open.
        unsafe { v8__Global__Get(self.raw(), isolate) }
    }
    /// A new context, entered for the rest of the process.
    pub fn new_context(isolate: &super::Isolate) -> Global {
        let mut buf = std::mem::MaybeUninit::<[usize; 3]>::uninit();
        extern "C" {
            fn v8__HandleScope__CONSTRUCT(
                buf: *mut std::mem::MaybeUninit<[usize; 3]>,
                isolate: *mut RawIsolate,
            );
            fn v8__HandleScope__DESTRUCT(buf: *mut std::mem::MaybeUninit<[usize; 3]>);
        }
        // SAFETY: a short-lived HandleScope in this frame around creating the context.
        unsafe {
            v8__HandleScope__CONSTRUCT(&mut buf, isolate.raw());
            let ctx = v8__Context__New(isolate.raw());
            v8__Context__Enter(ctx);
            let g = Global::init(isolate.raw(), ctx as *const Value);
            v8__HandleScope__DESTRUCT(&mut buf);
            g
        }
    }
}

impl Drop for Global {
    fn drop(&mut self) {
        // A worker's thread-locals drop after its isolate is gone (and the handle with it).
        if super::isolate::disposed_on_this_thread() {
            return;
        }
        // SAFETY: the slot was made by v8__Global__Init and is reset once.
        unsafe { v8__Global__Reset(self.raw_mut()) }
    }
}

impl<'s> Scope<'s> {
    pub(super) fn handle<T>(&self, ptr: *const T) -> Option<Local<'s, T>> {
        // SAFETY: shim results are fresh handles in the current scope or null.
        unsafe { Local::from_raw(ptr) }
    }
    pub fn object(&self) -> Local<'s, Object> {
        // SAFETY: live isolate.
        self.handle(unsafe { v8__Object__New(self.isolate()) })
            .unwrap()
    }
    pub fn array(&self, items: &[Local<Value>]) -> Local<'s, Array> {
        // SAFETY: Local<Value> is one pointer, so the slice is an array of Value*.
        self.handle(unsafe {
            v8__Array__New(
                self.isolate(),
                items.as_ptr() as *const *const Value,
                items.len(),
            )
        })
        .unwrap()
    }
    pub fn private(&self, name: &str) -> Local<'s, Private> {
        // SAFETY: live isolate and name.
        self.handle(unsafe { v8__Private__ForApi(self.isolate(), self.name(name).as_ptr()) })
            .unwrap()
    }
    /// A JS function that calls `f`. The trampoline must be `native_fn!(f)`.
    pub fn function(
        &self,
        trampoline: NativeTrampoline,
        name: &str,
    ) -> Option<Local<'s, Function>> {
        // SAFETY: live context; the trampoline is a plain extern fn.
        self.handle(unsafe {
            v8__Function__New(
                self.context().as_ptr(),
                trampoline,
                self.name(name).as_ptr(),
            )
        })
    }
    pub fn array_buffer(&self, len: usize) -> Local<'s, ArrayBuffer> {
        // SAFETY: live isolate; V8 zero-fills.
        self.handle(unsafe { v8__ArrayBuffer__New(self.isolate(), len) })
            .unwrap()
    }
    /// An ArrayBuffer of `len` bytes not zero-filled: the caller writes every byte
    /// it lets JS see.
    pub fn array_buffer_uninit(&self, len: usize) -> Local<'s, ArrayBuffer> {
        // SAFETY: live isolate; V8 takes the memory from the isolate's allocator.
        self.handle(unsafe { v8__ArrayBuffer__NewUninitialized(self.isolate(), len) })
            .unwrap()
    }
    /// An ArrayBuffer over memory the caller allocated; V8 calls `free(ptr, len,
    /// ctx)` when the ArrayBuffer (and every view of it) has died, on any thread.
    ///
    /// # Safety
    /// `ptr..ptr + len` is allocated, and left to V8 until `free` is called; `ctx`
    /// stays valid until then.
    pub unsafe fn array_buffer_external(
        &self,
        ptr: *mut u8,
        len: usize,
        free: FreeFn,
        ctx: *mut c_void,
    ) -> Local<'s, ArrayBuffer> {
        // SAFETY: the caller's promise; live isolate.
        self.handle(unsafe { v8__ArrayBuffer__NewWithData(self.isolate(), ptr, len, free, ctx) })
            .unwrap()
    }
    /// An ArrayBuffer over `bytes` without copying; its memory is freed by V8's GC.
    pub fn array_buffer_from_vec(&self, bytes: Vec<u8>) -> Local<'s, ArrayBuffer> {
        let mut bytes = bytes.into_boxed_slice();
        let (ptr, len) = (bytes.as_mut_ptr(), bytes.len());
        std::mem::forget(bytes);
        extern "C" fn free_boxed(data: *mut c_void, len: usize, _ctx: *mut c_void) {
            // SAFETY: data/len are the boxed slice forgotten above, freed once by V8.
            drop(unsafe {
                Box::from_raw(std::ptr::slice_from_raw_parts_mut(data as *mut u8, len))
            });
        }
        // SAFETY: ptr/len describe memory we leaked; V8 owns it from here.
        self.handle(unsafe {
            v8__ArrayBuffer__NewWithData(self.isolate(), ptr, len, free_boxed, std::ptr::null_mut())
        })
        .unwrap()
    }
    /// An ArrayBuffer of `bytes.len()` over the vector's memory as it is, spare
    /// capacity and all (no reallocation, no copy): for a buffer barely bigger
    /// than its bytes. When the ArrayBuffer dies, `R` gets the vector back, on
    /// whatever thread V8 frees it. Counted as the allocator's memory is.
    pub fn array_buffer_adopt<R: Reclaim>(&self, bytes: Vec<u8>) -> Local<'s, ArrayBuffer> {
        if bytes.capacity() == 0 {
            return self.array_buffer_uninit(0);
        }
        let mut bytes = std::mem::ManuallyDrop::new(bytes);
        let (ptr, len, cap) = (bytes.as_mut_ptr(), bytes.len(), bytes.capacity());
        extern "C" fn reclaim<R: Reclaim>(data: *mut c_void, len: usize, cap: *mut c_void) {
            // SAFETY: data, len and cap (carried as the context) are the vector's
            // parts given up above; V8 frees them once.
            R::reclaim(unsafe { Vec::from_raw_parts(data as *mut u8, len, cap as usize) });
        }
        super::heap::count_array_buffer_bytes(cap);
        // SAFETY: ptr has len initialized bytes that V8 owns from here.
        self.handle(unsafe {
            v8__ArrayBuffer__NewWithData(self.isolate(), ptr, len, reclaim::<R>, cap as *mut c_void)
        })
        .unwrap()
    }
    pub fn uint8_array(
        &self,
        ab: Local<ArrayBuffer>,
        offset: usize,
        len: usize,
    ) -> Local<'s, Uint8Array> {
        // SAFETY: offset+len checked by the caller against ab's length.
        self.handle(unsafe { v8__Uint8Array__New(ab.as_ptr(), offset, len) })
            .unwrap()
    }
    pub fn error(&self, kind: ErrorKind, msg: &str) -> Local<'s, Value> {
        self.error_from(kind, self.string(msg))
    }

    /// An error whose message is an existing JS string.
    pub fn error_from(&self, kind: ErrorKind, msg: Local<'s, String>) -> Local<'s, Value> {
        let m = msg.as_ptr();
        // SAFETY: m is a live string handle.
        let p = unsafe {
            match kind {
                ErrorKind::Error => v8__Exception__Error(m),
                ErrorKind::TypeError => v8__Exception__TypeError(m),
                ErrorKind::RangeError => v8__Exception__RangeError(m),
            }
        };
        self.handle(p).unwrap()
    }
    /// Throws a new error of `kind`; a native fn returns right after.
    pub fn throw_error(&self, kind: ErrorKind, msg: &str) {
        self.throw(self.error(kind, msg));
    }
}

pub enum ErrorKind {
    Error,
    TypeError,
    RangeError,
}

impl<'s> Local<'s, Object> {
    pub fn get(self, scope: &Scope<'s>, key: Local<Value>) -> Option<Local<'s, Value>> {
        // SAFETY: live handles.
        unsafe {
            Local::from_raw(v8__Object__Get(
                self.as_ptr(),
                scope.context().as_ptr(),
                key.as_ptr(),
            ))
        }
    }
    pub fn get_str(self, scope: &Scope<'s>, key: &str) -> Option<Local<'s, Value>> {
        self.get(scope, scope.name(key).value())
    }
    pub fn get_index(self, scope: &Scope<'s>, i: u32) -> Option<Local<'s, Value>> {
        // SAFETY: live handles.
        unsafe {
            Local::from_raw(v8__Object__GetIndex(
                self.as_ptr(),
                scope.context().as_ptr(),
                i,
            ))
        }
    }
    pub fn set(self, scope: &Scope, key: Local<Value>, v: Local<Value>) -> bool {
        // SAFETY: live handles.
        unsafe {
            v8__Object__Set(
                self.as_ptr(),
                scope.context().as_ptr(),
                key.as_ptr(),
                v.as_ptr(),
            ) == 1
        }
    }
    pub fn set_str(self, scope: &Scope, key: &str, v: Local<Value>) -> bool {
        self.set(scope, scope.name(key).value(), v)
    }
    pub fn get_private(self, scope: &Scope<'s>, key: Local<Private>) -> Option<Local<'s, Value>> {
        // SAFETY: live handles.
        unsafe {
            Local::from_raw(v8__Object__GetPrivate(
                self.as_ptr(),
                scope.context().as_ptr(),
                key.as_ptr(),
            ))
        }
    }
    pub fn set_private(self, scope: &Scope, key: Local<Private>, v: Local<Value>) -> bool {
        // SAFETY: live handles.
        unsafe {
            v8__Object__SetPrivate(
                self.as_ptr(),
                scope.context().as_ptr(),
                key.as_ptr(),
                v.as_ptr(),
            ) == 1
        }
    }
    pub fn constructor_name(self, _scope: &Scope<'s>) -> Local<'s, String> {
        // SAFETY: live handle; V8 always returns a string.
        unsafe { Local::from_raw(v8__Object__GetConstructorName(self.as_ptr())) }.unwrap()
    }
    /// Entries of a Map/Set iterator or WeakMap/WeakSet, and whether they are pairs.
    pub fn preview_entries(self, _scope: &Scope<'s>) -> Option<(Local<'s, Array>, bool)> {
        let mut kv = false;
        // SAFETY: live handle; kv is written by V8.
        let a = unsafe { Local::from_raw(v8__Object__PreviewEntries(self.as_ptr(), &mut kv)) }?;
        Some((a, kv))
    }
}

impl<'s> Local<'s, Array> {
    pub fn length(self) -> u32 {
        // SAFETY: live array handle.
        unsafe { v8__Array__Length(self.as_ptr()) }
    }
    pub fn object(self) -> Local<'s, Object> {
        // SAFETY: an Array is an Object.
        unsafe { self.cast() }
    }
}

impl<'s> Local<'s, Function> {
    /// Calls the function; None means it threw (catch it with a TryCatch).
    pub fn call(
        self,
        scope: &Scope<'s>,
        recv: Local<Value>,
        args: &[Local<Value>],
    ) -> Option<Local<'s, Value>> {
        // SAFETY: live handles; Local<Value> is one pointer.
        unsafe {
            Local::from_raw(v8__Function__Call(
                self.as_ptr(),
                scope.context().as_ptr(),
                recv.as_ptr(),
                args.len() as i32,
                args.as_ptr() as *const *const Value,
            ))
        }
    }
}

/// A strong reference to an ArrayBuffer's memory. While it exists the memory stays
/// allocated and in place (V8 never moves backing stores), whatever JS does with
/// the buffer: in-flight kernel I/O holds one of these.
pub struct BackingStore {
    pub(super) raw: *mut RawBackingStore,
}

impl BackingStore {
    pub fn data(&self) -> *mut u8 {
        // SAFETY: raw is a live shared_ptr.
        unsafe { v8__BackingStore__Data(self.raw) }
    }
}

impl Drop for BackingStore {
    fn drop(&mut self) {
        // SAFETY: raw came from GetBackingStore and is released once.
        unsafe { v8__BackingStore__DELETE(self.raw) }
    }
}

thread_local! {
    /// The store behind the zero-fill field, kept so the allocator's pointer into it
    /// stays valid for the thread's life.
    static ZERO_FILL_FIELD: std::cell::RefCell<Option<BackingStore>> =
        const { std::cell::RefCell::new(None) };
}

/// Makes the u32 at `offset` in `store` the switch the isolate's ArrayBuffer
/// allocator reads: while JS holds it at 0, new ArrayBuffers are not zero-filled
/// (Buffer.allocUnsafe sets it around one allocation).
pub fn set_zero_fill_field(store: BackingStore, offset: usize) {
    extern "C" {
        fn v8__Allocator__SetZeroFillField(field: *const u32);
    }
    // SAFETY: the caller checked 4 bytes at `offset` in the store; the store is kept
    // below for as long as the thread lives, so the pointer stays valid.
    unsafe { v8__Allocator__SetZeroFillField(store.data().add(offset).cast::<u32>()) };
    ZERO_FILL_FIELD.with(|f| *f.borrow_mut() = Some(store));
}

impl<'s> Local<'s, ArrayBuffer> {
    pub fn backing_store(self) -> BackingStore {
        // SAFETY: live handle; the shim allocates a new shared_ptr we own.
        let raw = unsafe { v8__ArrayBuffer__GetBackingStore(self.as_ptr()) };
        BackingStore { raw }
    }
    pub fn data(self) -> *mut u8 {
        // SAFETY: live handle.
        unsafe { v8__ArrayBuffer__Data(self.as_ptr()) }
    }
    /// Detaches the buffer (its views read as empty from now on); false when V8 says
    /// it is not detachable (memory owned by WebAssembly or the embedder).
    pub fn detach(self) -> bool {
        // SAFETY: live handle.
        unsafe { v8__ArrayBuffer__Detach(self.as_ptr()) }
    }
}

/// A typed array or DataView as (buffer, offset, length).
impl<'s> Local<'s, Value> {
    pub fn view(self) -> Option<(Local<'s, ArrayBuffer>, usize, usize)> {
        let v = self.to::<ArrayBufferView>(ValueKind::ArrayBufferView)?;
        // SAFETY: v is an ArrayBufferView handle.
        unsafe {
            let ab = Local::from_raw(v8__ArrayBufferView__Buffer(v.as_ptr()))?;
            Some((
                ab,
                v8__ArrayBufferView__ByteOffset(v.as_ptr()),
                v8__ArrayBufferView__ByteLength(v.as_ptr()),
            ))
        }
    }
    /// The bytes of a typed array, read-only, for as long as no JS runs. Shared
    /// views may alias (the same Buffer passed twice): reading through both is fine.
    pub fn view_bytes(self) -> Option<&'s [u8]> {
        let (ptr, len) = self.view_raw()?;
        if ptr.is_null() {
            return Some(&[]);
        }
        // SAFETY: V8 keeps off+len inside the buffer; no JS runs while the native fn
        // holds this slice, so nothing can detach, resize or write it; any `&mut` to
        // the same bytes comes only from `view_bytes_mut`, whose caller excludes this.
        Some(unsafe { std::slice::from_raw_parts(ptr, len) })
    }

    /// The bytes of a typed array, writable.
    ///
    /// # Safety
    /// While the returned slice is used, no other view of the same memory may be
    /// live: not another `view_bytes_mut` or `view_bytes` of this value, nor of
    /// another view sharing its ArrayBuffer (JS can pass one Buffer as two
    /// arguments). Take it last and drop it before taking another.
    pub unsafe fn view_bytes_mut(self) -> Option<&'s mut [u8]> {
        let (ptr, len) = self.view_raw()?;
        if ptr.is_null() {
            return Some(&mut []);
        }
        // SAFETY: in bounds as above; exclusive by the caller's contract.
        Some(unsafe { std::slice::from_raw_parts_mut(ptr, len) })
    }

    /// (start, length) of a typed array's bytes; start is null when detached or empty.
    fn view_raw(self) -> Option<(*mut u8, usize)> {
        let (mut data, mut len) = (std::ptr::null_mut(), 0);
        // SAFETY: live handle; both outputs are written when it is a view.
        unsafe { v8__Value__ViewBytes(self.as_ptr(), &mut data, &mut len) }.then_some((data, len))
    }
}

impl<'s> Local<'s, Promise> {
    /// 0 pending, 1 fulfilled, 2 rejected, and the result when settled.
    pub fn state(self, scope: &Scope<'s>) -> (i32, Local<'s, Value>) {
        // SAFETY: live promise handle.
        let state = unsafe { v8__Promise__State(self.as_ptr()) };
        if state == 0 {
            return (0, scope.undefined());
        }
        (
            state,
            // SAFETY: settled, so Result is defined.
            unsafe { Local::from_raw(v8__Promise__Result(self.as_ptr())) }.unwrap(),
        )
    }
}

impl<'s> Local<'s, Proxy> {
    pub fn target_and_handler(self) -> (Local<'s, Value>, Local<'s, Value>) {
        // SAFETY: live proxy handle; both are always values (null when revoked).
        unsafe {
            (
                Local::from_raw(v8__Proxy__GetTarget(self.as_ptr())).unwrap(),
                Local::from_raw(v8__Proxy__GetHandler(self.as_ptr())).unwrap(),
            )
        }
    }
}
