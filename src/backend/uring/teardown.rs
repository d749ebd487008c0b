//! The io_uring driver's end (Drop), and the closes it makes for the loop thread:
//! with `close_fds`, an accepted connection whose last holder let go (fd.rs) is
//! closed by an IORING_OP_CLOSE pushed at the next poll, in the same enter as the
//! turn's other SQEs, instead of by a close() syscall of its own.
use std::mem::ManuallyDrop;
use std::time::Duration;

use io_uring::{opcode, types};

use super::Uring;
use crate::backend::fd;
use crate::backend::user_data::{CANCEL, CLOSE_FD, WAKE};
use crate::backend::{Backend, Key};

impl Uring {
    /// Closes this thread's owned fds through the ring from now on (when the
    /// kernel has IORING_OP_CLOSE, 5.6). One ring per thread does this.
    pub fn close_fds(&mut self) {
        if self.supports(opcode::Close::CODE) {
            fd::close_through_ring(true);
            self.ring_closes = true;
        }
    }

    /// Pushes a close for each fd let go since the last poll.
    pub(super) fn push_closes(&mut self) {
        if !self.ring_closes {
            return;
        }
        let mut fds = Vec::new();
        fd::take_ring_closes(&mut fds);
        for fd in fds {
            self.unfix_closing(fd);
            if self.trace {
                eprintln!("uring: sqe    close_fd   fd={fd}");
            }
            self.stats.counts.of("close_fd").ring += 1;
            let sqe = opcode::Close::new(types::Fd(fd))
                .build()
                .user_data(CLOSE_FD);
            // SAFETY: a close carries no pointers.
            unsafe { self.push(&sqe) };
        }
    }

    /// Teardown: the fds still queued are submitted with what the ring holds;
    /// later ones are closed by close() again.
    fn stop_ring_closes(&mut self) {
        if !self.ring_closes {
            return;
        }
        self.push_closes();
        self.ring_closes = false;
        for fd in fd::close_through_ring(false) {
            // SAFETY: queued by the last holder of an owned fd; closed once, here.
            unsafe { libc::close(fd) };
        }
        let _ = self.ring.submit();
    }
}

impl Drop for Uring {
    /// Teardown as compio does it: cancel what is in flight, drain completions, close
    /// the ring, and only then free the ops (the fields drop after this fn). An op
    /// whose completion never came is leaked, never freed under the kernel.
    fn drop(&mut self) {
        self.stop_ring_closes();
        // No pool thread touches an op once this is true; a job still blocked in
        // its call keeps every op alive (leaked below), as on epoll.
        let pool_idle = self.pool.shutdown();
        let pool_keys: Vec<Key> = self
            .ops
            .keys()
            .into_iter()
            .filter(|k| self.on_pool(*k))
            .collect();
        let pool_left = if pool_idle {
            for key in pool_keys {
                self.ops.remove(key);
            }
            0
        } else {
            pool_keys.len()
        };
        for key in self.ops.keys() {
            self.cancel(key);
        }
        if self.wake_armed {
            let sqe = opcode::AsyncCancel::new(WAKE).build().user_data(CANCEL);
            // SAFETY: ASYNC_CANCEL carries no pointers.
            unsafe { self.push(&sqe) };
        }
        let mut sink = Vec::new();
        for _ in 0..100 {
            if self.ops.len() == self.inline_done.len() + pool_left && !self.wake_armed {
                break;
            }
            sink.clear();
            if self
                .poll(Some(Duration::from_millis(10)), &mut sink)
                .is_err()
            {
                break;
            }
        }
        let drained = self.ops.len() == self.inline_done.len() && pool_idle;
        // SAFETY: the ring is dropped once, here, and not used afterwards.
        unsafe { ManuallyDrop::drop(&mut self.ring) };
        if !drained {
            self.ops.forget();
        }
    }
}
