//! ES module records (src/v8/module.cc): modules are named by the integer id the
//! shim hands out, so lib/ can keep its module map in JS. Linking is recorded
//! before instantiation, so V8's resolve callback never runs JS.
use super::object::{Array, ArrayBuffer, Function};
use super::scope::Scope;
use super::value::{Context, Local, String, Value};

extern "C" {
    fn v8__Module__Compile(
        ctx: *const Context,
        source: *const String,
        url: *const Value,
        cache: *const u8,
        cache_len: i32,
        rejected: *mut i32,
    ) -> i32;
    fn v8__Module__CodeCache(id: i32) -> *const ArrayBuffer;
    fn v8__Module__CreateSynthetic(
        ctx: *const Context,
        url: *const String,
        names: *const Array,
        steps: *const Function,
    ) -> i32;
    fn v8__Module__SetExport(
        ctx: *const Context,
        id: i32,
        name: *const String,
        value: *const Value,
    ) -> i32;
    fn v8__Module__Requests(ctx: *const Context, id: i32) -> *const Array;
    fn v8__Module__Link(ctx: *const Context, id: i32, specifiers: *const Array, ids: *const Array);
    fn v8__Module__Instantiate(ctx: *const Context, id: i32) -> i32;
    fn v8__Module__Evaluate(ctx: *const Context, id: i32) -> *const Value;
    fn v8__Module__GetStatus(id: i32) -> i32;
    fn v8__Module__GetException(id: i32) -> *const Value;
    fn v8__Module__GetNamespace(id: i32) -> *const Value;
    fn v8__Module__IsGraphAsync(id: i32) -> bool;
    fn v8__Module__SetHostCallbacks(
        ctx: *const Context,
        import_fn: *const Function,
        meta_fn: *const Function,
    );
}

/// Module calls; `id`s come from `compile_module` / `synthetic_module`.
impl<'s> Scope<'s> {
    /// Compiles a module named `url`; None with the SyntaxError thrown.
    pub fn compile_module(&self, source: Local<String>, url: Local<Value>) -> Option<i32> {
        self.compile_module_cached(source, url, None)
            .map(|(id, _)| id)
    }

    /// As `compile_module`, offering V8 a code cache of an earlier run: the id, and
    /// whether V8 refused the cache (None when none was offered).
    pub fn compile_module_cached(
        &self,
        source: Local<String>,
        url: Local<Value>,
        cache: Option<&[u8]>,
    ) -> Option<(i32, Option<bool>)> {
        let (ptr, len) = cache
            .filter(|c| !c.is_empty() && c.len() <= i32::MAX as usize)
            .map_or((std::ptr::null(), 0), |c| (c.as_ptr(), c.len() as i32));
        let mut rejected = -1;
        // SAFETY: live handles in this scope; V8 reads the cache bytes only during the call.
        let id = unsafe {
            v8__Module__Compile(
                self.context().as_ptr(),
                source.as_ptr(),
                url.as_ptr(),
                ptr,
                len,
                &mut rejected,
            )
        };
        (id >= 0).then_some((id, (rejected >= 0).then_some(rejected == 1)))
    }

    /// The code cache of a source text module that linked (or ran); None otherwise.
    pub fn module_code_cache(&self, id: i32) -> Option<Local<'s, ArrayBuffer>> {
        // SAFETY: the shim checks the id and the module's kind and status.
        unsafe { Local::from_raw(v8__Module__CodeCache(id)) }
    }

    /// A module exporting `names`, filled by calling `steps` when it is evaluated.
    pub fn synthetic_module(
        &self,
        url: Local<String>,
        names: Local<Array>,
        steps: Local<Function>,
    ) -> i32 {
        // SAFETY: live handles in this scope; the shim keeps `steps` in a Global.
        unsafe {
            v8__Module__CreateSynthetic(
                self.context().as_ptr(),
                url.as_ptr(),
                names.as_ptr(),
                steps.as_ptr(),
            )
        }
    }

    /// Sets a synthetic module's export; false if it threw (unknown name or id).
    pub fn module_set_export(&self, id: i32, name: Local<String>, value: Local<Value>) -> bool {
        // SAFETY: live handles; the shim checks the id.
        unsafe {
            v8__Module__SetExport(self.context().as_ptr(), id, name.as_ptr(), value.as_ptr()) == 1
        }
    }

    /// [specifier, type attribute, ...] of the module's static imports.
    pub fn module_requests(&self, id: i32) -> Option<Local<'s, Array>> {
        // SAFETY: the shim checks the id; the result is a handle in this scope or null.
        unsafe { Local::from_raw(v8__Module__Requests(self.context().as_ptr(), id)) }
    }

    pub fn module_link(&self, id: i32, specifiers: Local<Array>, ids: Local<Array>) {
        // SAFETY: live handles; the shim checks the id.
        unsafe {
            v8__Module__Link(
                self.context().as_ptr(),
                id,
                specifiers.as_ptr(),
                ids.as_ptr(),
            )
        }
    }

    /// InstantiateModule; false with the exception thrown.
    pub fn module_instantiate(&self, id: i32) -> bool {
        // SAFETY: the shim checks the id; V8's resolve callback reads recorded links.
        unsafe { v8__Module__Instantiate(self.context().as_ptr(), id) == 1 }
    }

    /// Evaluate: the promise of its evaluation; None if it threw.
    pub fn module_evaluate(&self, id: i32) -> Option<Local<'s, Value>> {
        // SAFETY: the shim checks the id; the result is a handle in this scope or null.
        unsafe { Local::from_raw(v8__Module__Evaluate(self.context().as_ptr(), id)) }
    }

    /// V8's Module::Status as a number (0 uninstantiated .. 5 errored), -1 for no module.
    pub fn module_status(&self, id: i32) -> i32 {
        // SAFETY: the shim checks the id.
        unsafe { v8__Module__GetStatus(id) }
    }

    pub fn module_exception(&self, id: i32) -> Option<Local<'s, Value>> {
        // SAFETY: the shim checks the id; the result is a handle in this scope or null.
        unsafe { Local::from_raw(v8__Module__GetException(id)) }
    }

    /// The namespace object; None before instantiation.
    pub fn module_namespace(&self, id: i32) -> Option<Local<'s, Value>> {
        // SAFETY: the shim checks the id and the status.
        unsafe { Local::from_raw(v8__Module__GetNamespace(id)) }
    }

    /// Does the module or one it imports use top-level await?
    pub fn module_is_graph_async(&self, id: i32) -> bool {
        // SAFETY: the shim checks the id.
        unsafe { v8__Module__IsGraphAsync(id) }
    }

    /// Installs import() and import.meta's callbacks: import_fn(specifier,
    /// referrerName, type) -> Promise and meta_fn(meta, id).
    pub fn set_module_host_callbacks(&self, import_fn: Local<Function>, meta_fn: Local<Function>) {
        // SAFETY: live handles; the shim keeps both in Globals for the process's life.
        unsafe {
            v8__Module__SetHostCallbacks(
                self.context().as_ptr(),
                import_fn.as_ptr(),
                meta_fn.as_ptr(),
            )
        }
    }
}
