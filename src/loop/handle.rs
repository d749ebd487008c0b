//! A handle's two bits (active, referenced), after libuv's handle flags. Only a
//! handle that is both keeps the loop alive; `Loop::set_handle` keeps the count.
use std::cell::Cell;

#[derive(Default)]
pub struct HandleState {
    active: Cell<bool>,
    referenced: Cell<bool>,
}

impl HandleState {
    /// A new handle is inactive and referenced, like uv_*_init.
    pub fn new() -> HandleState {
        HandleState {
            active: Cell::new(false),
            referenced: Cell::new(true),
        }
    }
    pub fn is_active(&self) -> bool {
        self.active.get()
    }
    pub fn is_referenced(&self) -> bool {
        self.referenced.get()
    }
    pub(super) fn counts(&self) -> bool {
        self.active.get() && self.referenced.get()
    }
    pub(super) fn set(&self, active: bool, referenced: bool) {
        self.active.set(active);
        self.referenced.set(referenced);
    }
}
