//! Own property names without the array indices (V8's GetPropertyNames with
//! kSkipIndices): util.inspect lists a typed array's or an array's extra keys
//! without making a string for each element (a 30 MB Buffer has 30 million).
use super::object::{Array, Object};
use super::scope::Scope;
use super::value::{Context, Local};

extern "C" {
    fn v8__Object__GetOwnNonIndexNames(
        o: *const Object,
        ctx: *const Context,
        only_enumerable: bool,
    ) -> *const Array;
}

impl<'s> Local<'s, Object> {
    /// Own string and symbol keys that are not indices; all of them, or only the
    /// enumerable ones. None when V8 threw (a Proxy's trap).
    pub fn own_non_index_names(
        self,
        s: &Scope<'s>,
        only_enumerable: bool,
    ) -> Option<Local<'s, Array>> {
        // SAFETY: live handles; V8 returns an empty handle when it threw.
        unsafe {
            Local::from_raw(v8__Object__GetOwnNonIndexNames(
                self.as_ptr(),
                s.context().as_ptr(),
                only_enumerable,
            ))
        }
    }
}
