//! The loop's behaviour on both drivers: phase order, liveness, handles closing
//! with ops in flight, multishot delivery, and a failing backend.
use std::cell::RefCell;
use std::io;
use std::os::fd::RawFd;
use std::time::Duration;

use super::{HandleId, HandleKind, Host, Loop, TimerId};
use crate::backend::op::{IoBuf, Nop, Poll, Read};
use crate::backend::{self, Backend, Completion, Key, Op, Owner, Remote, SharedFd, Stats};

fn backends() -> Vec<Loop> {
    let mut v = vec![Loop::new(Box::new(
        backend::epoll::Epoll::new().expect("epoll"),
    ))];
    match backend::uring::Uring::new() {
        Ok(r) => v.push(Loop::new(Box::new(r))),
        Err(e) => eprintln!("io_uring unavailable ({e}): epoll only"),
    }
    v
}

#[derive(Default)]
struct Recorder {
    log: RefCell<Vec<String>>,
    immediates: RefCell<usize>,
    check: RefCell<Option<HandleId>>,
    /// Stops timer handle 0 when timer 1 fires.
    timer_handle: RefCell<Option<HandleId>>,
}

impl Host for Recorder {
    fn run_timer(&self, lp: &Loop, id: TimerId) {
        self.log.borrow_mut().push(format!("timer{id}"));
        if id == 0 {
            // A completion scheduled from a timer arrives in the same turn's poll.
            lp.submit(Op::Nop(Nop), 7);
        }
        if id == 1 {
            if let Some(h) = *self.timer_handle.borrow() {
                lp.handle_set_active(h, false);
            }
        }
    }
    fn on_completion(&self, lp: &Loop, c: Completion, _h: Option<HandleId>) {
        self.log.borrow_mut().push(format!("io{}", c.owner));
        *self.immediates.borrow_mut() += 1;
        if let Some(h) = *self.check.borrow() {
            lp.handle_set_active(h, true);
        }
    }
    fn has_check_work(&self) -> bool {
        *self.immediates.borrow() > 0
    }
    fn run_check(&self, lp: &Loop) {
        if *self.immediates.borrow() > 0 {
            *self.immediates.borrow_mut() = 0;
            self.log.borrow_mut().push("check".into());
            if let Some(h) = *self.check.borrow() {
                lp.handle_set_active(h, false);
            }
        }
    }
}

#[test]
fn phases_run_in_libuv_order_and_the_loop_ends_when_empty() {
    for lp in backends() {
        lp.update_time(); // the loops were all made at once
        let host = Recorder::default();
        let timers = lp.handle_open(HandleKind::Timer, None);
        *host.check.borrow_mut() = Some(lp.handle_open(HandleKind::Immediate, None));
        *host.timer_handle.borrow_mut() = Some(timers);
        let (t0, t1) = (lp.timer_create(), lp.timer_create());
        lp.timer_start(t0, 1);
        lp.timer_start(t1, 20);
        lp.handle_set_active(timers, true);
        lp.run(&host).unwrap();
        assert_eq!(*host.log.borrow(), ["timer0", "io7", "check", "timer1"]);
        assert!(!lp.alive());
    }
}

#[test]
fn unreferenced_handles_do_not_keep_the_loop_alive() {
    for lp in backends() {
        let h = lp.handle_open(HandleKind::Timer, None);
        lp.handle_set_ref(h, false);
        lp.handle_set_active(h, true);
        assert!(!lp.alive());
        lp.handle_set_ref(h, true);
        assert!(lp.alive());
        lp.handle_set_active(h, true); // idempotent
        lp.handle_set_active(h, false);
        assert!(!lp.alive());
    }
}

#[test]
fn poll_waits_for_the_next_timer_not_longer() {
    for lp in backends() {
        lp.update_time();
        let host = Recorder::default();
        let h = lp.handle_open(HandleKind::Timer, None);
        *host.timer_handle.borrow_mut() = Some(h);
        // Timer 0 would submit a Nop: only timer 1 (which stops the handle) runs.
        let (_t0, t1) = (lp.timer_create(), lp.timer_create());
        lp.timer_start(t1, 40);
        lp.handle_set_active(h, true);
        let start = std::time::Instant::now();
        lp.run(&host).unwrap();
        let took = start.elapsed().as_millis();
        assert!((38..400).contains(&took), "took {took} ms");
        // A few kernel entries, not a busy loop.
        assert!(lp.stats().enter_calls <= 4, "{:?}", lp.stats());
    }
}

fn pipe() -> (RawFd, RawFd) {
    let mut fds = [0; 2];
    // SAFETY: fds has room for two fds.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    (fds[0], fds[1])
}

fn is_open(fd: RawFd) -> bool {
    // SAFETY: F_GETFD touches no memory.
    unsafe { libc::fcntl(fd, libc::F_GETFD) >= 0 }
}

#[derive(Default)]
struct Closer {
    events: RefCell<Vec<(i32, bool, Option<HandleId>)>>,
    closed: RefCell<Vec<u64>>,
    /// For the multishot test: the eventfd to clear and signal again.
    efd: RefCell<Option<(RawFd, HandleId)>>,
}

impl Host for Closer {
    fn run_timer(&self, _: &Loop, _: TimerId) {}
    fn on_completion(&self, lp: &Loop, c: Completion, h: Option<HandleId>) {
        self.events.borrow_mut().push((c.result, c.more, h));
        if let Some((efd, handle)) = *self.efd.borrow() {
            let mut n = 0u64;
            // SAFETY: 8 bytes into a local.
            unsafe { libc::read(efd, (&mut n as *mut u64).cast(), 8) };
            if self.events.borrow().len() < 3 {
                let one = 1u64;
                // SAFETY: 8 bytes from a local.
                unsafe { libc::write(efd, (&one as *const u64).cast(), 8) };
            } else if c.more {
                lp.handle_close(handle, 42);
            }
        }
    }
    fn on_closed(&self, _: &Loop, token: u64) {
        self.closed.borrow_mut().push(token);
    }
}

/// A 16-byte read of a stream (a pipe here), waiting for data.
fn stream_read(fd: SharedFd) -> Read {
    Read {
        fd,
        buf: IoBuf::from_vec(vec![0; 16]),
        pos: None,
        stream: true,
    }
}

#[test]
fn a_closed_handle_releases_its_fd_only_after_its_ops_and_they_never_touch_a_reused_number() {
    for lp in backends() {
        let (r, w) = pipe();
        let h = lp.handle_open(HandleKind::Pipe, Some(SharedFd::owned(r)));
        lp.handle_set_active(h, true);
        let read = stream_read(lp.handle_fd(h).unwrap());
        lp.handle_submit(h, read.into(), 1).unwrap();
        lp.handle_close(h, 9);
        // The read still holds the number: nothing new can get it yet.
        assert!(is_open(r));
        let (r2, w2) = pipe();
        assert_ne!(r2, r);
        let host = Closer::default();
        lp.run(&host).unwrap();
        assert_eq!(*host.events.borrow(), [(-libc::ECANCELED, false, Some(h))]);
        assert_eq!(*host.closed.borrow(), [9]);
        assert!(!is_open(r), "released after the last completion");
        // The number is free now; whoever gets it never sees the old read.
        let (r3, w3) = pipe();
        // SAFETY: one byte from a static.
        unsafe { libc::write(w3, b"x".as_ptr().cast(), 1) };
        let mut b = [0u8; 1];
        // SAFETY: one byte into a local.
        assert_eq!(unsafe { libc::read(r3, b.as_mut_ptr().cast(), 1) }, 1);
        for fd in [w, r2, w2, r3, w3] {
            // SAFETY: ours.
            unsafe { libc::close(fd) };
        }
    }
}

#[test]
fn a_stream_closed_now_keeps_its_id_fd_and_buffer_until_its_read_completes() {
    for lp in backends() {
        let (r, w) = pipe();
        let h = lp.handle_open(HandleKind::Pipe, Some(SharedFd::owned(r)));
        let read = stream_read(lp.handle_fd(h).unwrap());
        lp.handle_submit(h, read.into(), 1).unwrap();
        lp.handle_close_now(h, 9);
        lp.handle_close_now(h, 10);
        assert!(is_open(r), "the read holds the number");
        // The id stays taken: the read's completion cannot reach another handle.
        let other = lp.handle_open(HandleKind::Pipe, None);
        assert_ne!(other, h);
        // Closed with nothing in flight: one callback, not two.
        lp.handle_close_now(other, 11);
        let host = Closer::default();
        lp.run(&host).unwrap();
        assert_eq!(*host.events.borrow(), [(-libc::ECANCELED, false, Some(h))]);
        let mut closed = host.closed.borrow().clone();
        closed.sort();
        assert_eq!(closed, [9, 11], "on {}", lp.backend_name());
        assert!(!is_open(r));
        // SAFETY: ours.
        unsafe { libc::close(w) };
    }
}

#[test]
fn cancel_owned_leaves_alone_an_op_that_another_owner_holds_under_the_key() {
    for lp in backends() {
        let (r, w) = pipe();
        let read = stream_read(SharedFd::owned(r));
        let key = lp.submit(read.into(), 5);
        // A stale cancel (the key's old owner was 4): the read goes on.
        lp.cancel_owned(key, 4);
        // SAFETY: one byte from a static.
        unsafe { libc::write(w, b"x".as_ptr().cast(), 1) };
        let host = Closer::default();
        lp.run(&host).unwrap();
        assert_eq!(
            *host.events.borrow(),
            [(1, false, None)],
            "on {}",
            lp.backend_name()
        );
        // SAFETY: ours.
        unsafe { libc::close(w) };
    }
}

#[test]
fn multishot_completions_reach_their_handle_until_it_closes() {
    for lp in backends() {
        // SAFETY: no pointers.
        let efd = unsafe { libc::eventfd(1, libc::EFD_CLOEXEC | libc::EFD_NONBLOCK) };
        let h = lp.handle_open(HandleKind::Async, Some(SharedFd::owned(efd)));
        lp.handle_set_active(h, true);
        let poll = Poll {
            fd: lp.handle_fd(h).unwrap(),
            events: libc::POLLIN,
            multishot: true,
        };
        lp.handle_submit(h, poll.into(), 5).unwrap();
        let host = Closer::default();
        *host.efd.borrow_mut() = Some((efd, h));
        lp.run(&host).unwrap();
        let ev = host.events.borrow();
        assert_eq!(ev.len(), 4, "{:?} on {}", ev, lp.backend_name());
        assert!(ev[..3]
            .iter()
            .all(|e| e.0 & libc::POLLIN as i32 != 0 && e.1 && e.2 == Some(h)));
        assert_eq!(ev[3], (-libc::ECANCELED, false, Some(h)));
        assert_eq!(*host.closed.borrow(), [42]);
        assert!(!is_open(efd));
    }
}

#[test]
fn a_handle_closed_twice_or_used_after_close_completes_with_ecanceled() {
    for lp in backends() {
        let h = lp.handle_open(HandleKind::Timer, None);
        lp.handle_close(h, 1);
        lp.handle_close(h, 2);
        assert!(lp.handle_submit(h, Op::Nop(Nop), 3).is_none());
        let host = Closer::default();
        lp.run(&host).unwrap();
        assert_eq!(*host.closed.borrow(), [1]);
        assert_eq!(*host.events.borrow(), [(-libc::ECANCELED, false, Some(h))]);
    }
}

/// A backend whose kernel entry fails, to see the loop stop cleanly.
struct Broken;

impl Backend for Broken {
    fn submit(&mut self, _: Op, _: Owner) -> Key {
        0
    }
    fn cancel(&mut self, _: Key) {}
    fn cancel_fd(&mut self, _: RawFd) {}
    fn poll(&mut self, _: Option<Duration>, _: &mut Vec<Completion>) -> io::Result<()> {
        Err(io::Error::from_raw_os_error(libc::EIO))
    }
    fn register_buffers(&mut self, _: u16, _: u16, _: usize) -> io::Result<()> {
        Ok(())
    }
    fn register_lent_buffers(&mut self, _: u16, _: u16) -> io::Result<()> {
        Ok(())
    }
    unsafe fn lend_buffer(&mut self, _: u16, _: u16, _: *mut u8, _: u32) {}
    fn buffer(&self, _: u16, _: u16, _: usize) -> &[u8] {
        &[]
    }
    fn recycle(&mut self, _: u16, _: u16) {}
    fn remote(&self) -> Remote {
        Remote::new().unwrap()
    }
    fn in_flight(&self) -> usize {
        1
    }
    fn stats(&self) -> Stats {
        Stats::default()
    }
    fn name(&self) -> &'static str {
        "broken"
    }
    fn setup(&self) -> &'static str {
        ""
    }
}

#[test]
fn a_failing_backend_stops_the_loop_with_its_error_instead_of_panicking() {
    let lp = Loop::new(Box::new(Broken));
    lp.submit(Op::Nop(Nop), 1);
    let err = lp.run(&Closer::default()).unwrap_err();
    assert_eq!(err.raw_os_error(), Some(libc::EIO));
    // The loop is usable afterwards: its backend is not borrowed.
    assert_eq!(lp.backend_name(), "broken");
}
