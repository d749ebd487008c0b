//! An op's box, from its submit to its last completion. The box keeps the op
//! where the kernel (or a pool thread) reads and writes it; the last completion
//! hands the box itself back, so a completion stays a few words long on its way
//! through the loop (it is moved four or five times, and a 136-byte one was a
//! memcpy call each time). Boxes are reused: one taken apart (`into_op`) or
//! dropped goes back to its thread's spare list, so an op costs no malloc and
//! free of its box in a steady state.
use std::cell::RefCell;
use std::ops::{Deref, DerefMut};

use super::op::{Nop, Op};

/// Boxes kept for reuse, per thread.
const SPARE_MAX: usize = 256;

thread_local! {
    /// Boxes of finished ops, each holding a Nop.
    #[allow(clippy::vec_box)]
    static SPARE: RefCell<Vec<Box<Op>>> = const { RefCell::new(Vec::new()) };
}

/// An op in its box (always Some until `into_op` or drop takes it).
pub struct OpBox(Option<Box<Op>>);

impl OpBox {
    pub fn new(op: Op) -> OpBox {
        let spare = SPARE.try_with(|s| s.borrow_mut().pop()).ok().flatten();
        OpBox(Some(match spare {
            Some(mut b) => {
                *b = op;
                b
            }
            None => Box::new(op),
        }))
    }

    /// The op itself, its box kept for the next one.
    pub fn into_op(mut self) -> Op {
        self.take().expect("an OpBox holds its op until taken")
    }

    /// Moves the op out and puts the box on the spare list.
    fn take(&mut self) -> Option<Op> {
        let mut b = self.0.take()?;
        let op = std::mem::replace(&mut *b, Op::Nop(Nop));
        // At a thread's exit its list may be gone: the box is freed then.
        let _ = SPARE.try_with(|s| {
            let mut s = s.borrow_mut();
            if s.len() < SPARE_MAX {
                s.push(b);
            }
        });
        Some(op)
    }
}

impl Drop for OpBox {
    fn drop(&mut self) {
        // The op (its buffers, its fds) is dropped here; its box is kept.
        drop(self.take());
    }
}

impl Deref for OpBox {
    type Target = Op;
    fn deref(&self) -> &Op {
        self.0.as_ref().expect("an OpBox holds its op until taken")
    }
}

impl DerefMut for OpBox {
    fn deref_mut(&mut self) -> &mut Op {
        self.0.as_mut().expect("an OpBox holds its op until taken")
    }
}
