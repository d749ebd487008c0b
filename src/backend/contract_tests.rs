//! The backend contract, checked against each driver (the `contract_tests!` macro
//! instantiates every test for one driver): keys, cancellation by key and by fd,
//! a full queue, multishot, provided buffers, the Remote wake-up, work that goes
//! to the pool, teardown, datagrams (sendmsg gathering buffers, recvmsg naming
//! the sender), lent buffers filled front to back, and a burst of connections
//! accepted in one turn.
use std::os::fd::RawFd;
use std::time::Duration;

use super::op::{
    parse_datagram, socket, Accept, Inline, IoBuf, Nop, Poll, Read, ReadSelect, RecvInto, RecvMsg,
    RecvMsgMulti, RecvMulti, SendMsg,
};
use super::sockaddr::SockAddr;
use super::{Backend, Completion, Op, SharedFd};

pub fn pipe() -> (RawFd, RawFd) {
    let mut fds = [0; 2];
    // SAFETY: room for two fds.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    (fds[0], fds[1])
}

pub fn write(fd: RawFd, bytes: &[u8]) {
    // SAFETY: bytes is a live slice.
    let n = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
    assert_eq!(n, bytes.len() as isize);
}

pub fn is_open(fd: RawFd) -> bool {
    // SAFETY: F_GETFD touches no memory.
    unsafe { libc::fcntl(fd, libc::F_GETFD) >= 0 }
}

/// Polls until `n` completions arrived (or 5 s passed).
pub fn collect(b: &mut dyn Backend, n: usize) -> Vec<Completion> {
    let mut out = Vec::new();
    let start = std::time::Instant::now();
    while out.len() < n && start.elapsed() < Duration::from_secs(5) {
        b.poll(Some(Duration::from_millis(50)), &mut out).unwrap();
    }
    out
}

fn stream_read(fd: SharedFd, len: usize) -> Op {
    Op::Read(Read {
        fd,
        buf: IoBuf::from_vec(vec![0; len]),
        pos: None,
        stream: true,
    })
}

pub fn keys_come_back_with_their_owners(b: &mut dyn Backend) {
    let keys: Vec<_> = (0..10).map(|o| b.submit(Op::Nop(Nop), o)).collect();
    let out = collect(b, 10);
    assert_eq!(out.len(), 10);
    for c in &out {
        assert_eq!(keys[c.owner as usize], c.key);
        assert!(c.result == 0 && c.op.is_some() && !c.more);
    }
    assert_eq!(b.in_flight(), 0);
}

/// More ops than the submission queue holds: none is lost.
pub fn a_full_queue_loses_nothing(b: &mut dyn Backend) {
    let n = super::uring::RING_ENTRIES as u64 * 3 + 7;
    for o in 0..n {
        b.submit(Op::Nop(Nop), o);
    }
    let mut owners: Vec<_> = collect(b, n as usize).iter().map(|c| c.owner).collect();
    owners.sort();
    assert_eq!(owners, (0..n).collect::<Vec<_>>());
}

pub fn an_in_flight_read_is_cancelled_and_returns_its_buffer(b: &mut dyn Backend) {
    let (r, w) = pipe();
    let key = b.submit(stream_read(SharedFd::owned(r), 8), 1);
    let mut early = Vec::new();
    b.poll(Some(Duration::from_millis(20)), &mut early).unwrap();
    assert!(early.is_empty(), "a read of an empty pipe completed");
    b.cancel(key);
    let out = collect(b, 1);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].result, -libc::ECANCELED);
    assert!(out[0].op.is_some(), "the op and its buffer come back");
    drop(out);
    assert!(!is_open(r), "the op's fd reference went with it");
    // SAFETY: ours.
    unsafe { libc::close(w) };
}

pub fn cancel_by_fd_reaches_every_op_on_it(b: &mut dyn Backend) {
    let (r, w) = pipe();
    let fd = SharedFd::owned(r);
    for o in 0..3 {
        b.submit(stream_read(fd.clone(), 8), o);
    }
    let other = pipe();
    b.submit(stream_read(SharedFd::owned(other.0), 8), 9);
    b.cancel_fd(r);
    let out = collect(b, 3);
    assert_eq!(out.len(), 3);
    assert!(out
        .iter()
        .all(|c| c.result == -libc::ECANCELED && c.owner < 3));
    write(other.1, b"x");
    let out = collect(b, 1);
    assert_eq!((out[0].owner, out[0].result), (9, 1));
    for fd in [w, other.1] {
        // SAFETY: ours.
        unsafe { libc::close(fd) };
    }
}

pub fn multishot_poll_completes_until_cancelled(b: &mut dyn Backend) {
    let (r, w) = pipe();
    let key = b.submit(
        Op::Poll(Poll {
            fd: SharedFd::owned(r),
            events: libc::POLLIN,
            multishot: true,
        }),
        3,
    );
    for _ in 0..3 {
        write(w, b"x");
        let out = collect(b, 1);
        assert_eq!(out.len(), 1);
        assert!(out[0].more && out[0].key == key && out[0].op.is_none());
        let mut byte = [0u8; 1];
        // SAFETY: one byte into a local.
        unsafe { libc::read(r, byte.as_mut_ptr().cast(), 1) };
    }
    b.cancel(key);
    let out = collect(b, 1);
    assert!(!out[0].more && out[0].op.is_some());
    // SAFETY: ours.
    unsafe { libc::close(w) };
}

pub fn provided_buffers_are_picked_named_and_given_back(b: &mut dyn Backend) {
    b.register_buffers(7, 2, 64).unwrap();
    let (r, w) = pipe();
    let fd = SharedFd::owned(r);
    let mut seen = Vec::new();
    for text in [&b"one"[..], b"two", b"three"] {
        write(w, text);
        b.submit(
            Op::ReadSelect(ReadSelect {
                fd: fd.clone(),
                group: 7,
                len: 64,
                picked: None,
            }),
            1,
        );
        let out = collect(b, 1);
        let bid = out[0].buffer_id().expect("a buffer was picked");
        assert_eq!(b.buffer(7, bid, out[0].result as usize), text);
        seen.push(bid);
        b.recycle(7, bid);
    }
    assert!(seen.iter().all(|&bid| bid < 2));
    // SAFETY: ours.
    unsafe { libc::close(w) };
}

pub fn another_thread_wakes_the_loop(b: &mut dyn Backend) {
    // An op keeps the driver waiting (as a live loop would).
    let (r, w) = pipe();
    b.submit(stream_read(SharedFd::owned(r), 1), 0);
    let remote = b.remote();
    let t = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(20));
        remote.post(77, 5);
        remote.post(78, 6);
    });
    let start = std::time::Instant::now();
    let mut out = Vec::new();
    while out.len() < 2 && start.elapsed() < Duration::from_secs(5) {
        b.poll(None, &mut out).unwrap();
    }
    t.join().unwrap();
    let got: Vec<_> = out.iter().map(|c| (c.owner, c.result, c.key)).collect();
    let remote_key = super::user_data::REMOTE;
    assert_eq!(got, [(77, 5, remote_key), (78, 6, remote_key)]);
    // SAFETY: ours.
    unsafe { libc::close(w) };
}

/// Pool work that sleeps `ms` and reports the thread it ran on.
fn pool_work(ms: u64) -> Op {
    Op::Inline(Inline::on_pool("pool_test", move || {
        std::thread::sleep(Duration::from_millis(ms));
        Ok(Box::new(std::thread::current().id()))
    }))
}

/// A `needs_pool` op runs on another thread; the loop keeps serving other ops
/// meanwhile and is woken, in its one blocking wait, when the job is done.
pub fn pool_work_runs_off_the_loop_thread(b: &mut dyn Backend) {
    let key = b.submit(pool_work(100), 1);
    b.submit(Op::Nop(Nop), 2);
    let mut out = Vec::new();
    let start = std::time::Instant::now();
    while out.len() < 2 && start.elapsed() < Duration::from_secs(5) {
        b.poll(None, &mut out).unwrap();
    }
    let owners: Vec<_> = out.iter().map(|c| c.owner).collect();
    assert_eq!(owners, [2, 1], "the nop did not wait for the pool job");
    let done = &out[1];
    assert_eq!((done.key, done.result, done.more), (key, 0, false));
    let Some(Op::Inline(work)) = done.op.as_deref() else {
        panic!("the op comes back")
    };
    let ran_on = work
        .output
        .as_ref()
        .unwrap()
        .downcast_ref::<std::thread::ThreadId>();
    assert_ne!(ran_on, Some(&std::thread::current().id()));
    assert_eq!(b.in_flight(), 0);
}

/// More jobs than threads: a queued one that is cancelled completes with
/// ECANCELED without running; the others finish.
pub fn a_queued_pool_job_is_cancelled(b: &mut dyn Backend) {
    let keys: Vec<_> = (0..9).map(|o| b.submit(pool_work(100), o)).collect();
    b.cancel(keys[8]);
    let out = collect(b, 9);
    assert_eq!(out.len(), 9);
    for c in &out {
        let want = if c.owner == 8 { -libc::ECANCELED } else { 0 };
        assert_eq!(c.result, want, "job {}", c.owner);
    }
}

/// Dropping the driver with ops in flight frees them (their fds close) after the
/// driver is done with them.
pub fn teardown_frees_in_flight_ops(b: Box<dyn Backend>) {
    let mut b = b;
    let (r, w) = pipe();
    b.submit(stream_read(SharedFd::owned(r), 8), 0);
    b.submit(Op::Nop(Nop), 1);
    assert!(is_open(r));
    drop(b);
    assert!(!is_open(r), "the in-flight read was freed");
    // SAFETY: ours.
    unsafe { libc::close(w) };
}

/// A UDP socket bound to 127.0.0.1 on a port the kernel picks, and that port.
fn udp_socket() -> (SharedFd, u16) {
    let fd = socket::dgram_socket(libc::AF_INET).expect("socket");
    let any = SockAddr::ip("127.0.0.1", 0).expect("address");
    socket::bind_dgram(fd, &any, false, false).expect("bind");
    let mut local = SockAddr::empty();
    local.read_local(fd).expect("getsockname");
    (SharedFd::owned(fd), local.endpoint().port)
}

/// A recvmsg waits for a datagram; a sendmsg of two buffers to its address arrives
/// as one datagram, and the recvmsg names the sender's port. Then the same with
/// the bytes in a provided buffer (group 3), given back after.
pub fn datagrams_carry_their_source(b: &mut dyn Backend) {
    let (rx, rx_port) = udp_socket();
    let (tx, tx_port) = udp_socket();
    let to = || SockAddr::ip("127.0.0.1", rx_port).expect("address");
    let recv = RecvMsg::new(rx.clone(), RecvInto::Owned(IoBuf::from_vec(vec![0; 64])));
    b.submit(Op::RecvMsg(recv), 1);
    let parts = vec![
        IoBuf::from_vec(b"data".to_vec()),
        IoBuf::from_vec(b"gram".to_vec()),
    ];
    b.submit(Op::SendMsg(SendMsg::new(tx.clone(), parts, Some(to()))), 2);
    let mut out = collect(b, 2);
    out.sort_by_key(|c| c.owner);
    assert_eq!((out[0].result, out[1].result), (8, 8));
    let Some(Op::RecvMsg(got)) = out[0].op.take().map(crate::backend::OpBox::into_op) else {
        panic!("the recvmsg comes back");
    };
    assert_eq!(got.owned_bytes(8), Some(&b"datagram"[..]));
    let from = got.source().endpoint();
    assert_eq!((from.address.as_str(), from.port), ("127.0.0.1", tx_port));

    b.register_buffers(3, 2, 64).expect("buffer group");
    b.submit(Op::RecvMsg(RecvMsg::new(rx, RecvInto::Group(3, 64))), 3);
    let one = vec![IoBuf::from_vec(b"again".to_vec())];
    b.submit(Op::SendMsg(SendMsg::new(tx, one, Some(to()))), 4);
    let mut out = collect(b, 2);
    out.sort_by_key(|c| c.owner);
    assert_eq!(out[0].result, 5);
    let Some(Op::RecvMsg(got)) = out[0].op.take().map(crate::backend::OpBox::into_op) else {
        panic!("the recvmsg comes back");
    };
    let bid = got.bid.expect("the completion names the buffer");
    assert_eq!(b.buffer(3, bid, 5), b"again");
    assert_eq!(got.source().endpoint().port, tx_port);
    b.recycle(3, bid);
}

/// A multishot recvmsg delivers each of three datagrams in a buffer laid out as
/// io_uring lays it out (header, sender, payload), with more to come, until
/// cancelled.
pub fn multishot_recvmsg_lays_out_each_datagram(b: &mut dyn Backend) {
    let (rx, rx_port) = udp_socket();
    let (tx, tx_port) = udp_socket();
    b.register_buffers(4, 4, 256).expect("buffer group");
    let key = b.submit(Op::RecvMsgMulti(RecvMsgMulti::new(rx, 4, 256)), 1);
    for word in [&b"one"[..], b"two", b"three"] {
        let to = SockAddr::ip("127.0.0.1", rx_port).expect("address");
        let buf = vec![IoBuf::from_vec(word.to_vec())];
        b.submit(Op::SendMsg(SendMsg::new(tx.clone(), buf, Some(to))), 2);
    }
    let mut got = Vec::new();
    for c in collect(b, 6).into_iter().filter(|c| c.owner == 1) {
        if c.result == -libc::EINVAL && !c.more {
            eprintln!("skipped: the kernel has no multishot recvmsg (Linux 6.0)");
            return;
        }
        assert!(c.more && c.result > 0);
        let bid = c.buffer_id().expect("a buffer per datagram");
        let (from, payload, truncated) =
            parse_datagram(b.buffer(4, bid, c.result as usize)).expect("laid out");
        assert_eq!((from.endpoint().port, truncated), (tx_port, false));
        got.push(String::from_utf8_lossy(payload).into_owned());
        b.recycle(4, bid);
    }
    assert_eq!(got, ["one", "two", "three"]);
    b.cancel(key);
    let last = collect(b, 1);
    assert_eq!((last[0].result, last[0].more), (-libc::ECANCELED, false));
}

/// Two lent buffers of 16 bytes: a 5-byte arrival goes to the front of the first
/// (which stays lent: BUF_MORE), 16 more fill its 11 bytes left (used up: no
/// BUF_MORE) and run on into the second. Skipped where the kernel lacks
/// IOU_PBUF_RING_INC (before 6.12).
pub fn lent_buffers_fill_front_to_back(b: &mut dyn Backend) {
    if b.register_lent_buffers(9, 2).is_err() {
        eprintln!("skipped: this kernel cannot consume provided buffers incrementally");
        return;
    }
    // Leaked: lent memory must outlive anything the driver may still do with it.
    let bufs: [&'static mut [u8; 16]; 2] =
        [Box::leak(Box::new([0; 16])), Box::leak(Box::new([0; 16]))];
    let ptrs = bufs.map(|b| b.as_mut_ptr());
    for (bid, ptr) in ptrs.iter().enumerate() {
        // SAFETY: leaked memory, never freed, written by nobody else.
        unsafe { b.lend_buffer(9, bid as u16, *ptr, 16) };
    }
    let mut fds = [0; 2];
    // SAFETY: room for two fds.
    let r = unsafe {
        libc::socketpair(
            libc::AF_UNIX,
            libc::SOCK_STREAM | libc::SOCK_CLOEXEC,
            0,
            fds.as_mut_ptr(),
        )
    };
    assert_eq!(r, 0);
    let key = b.submit(
        Op::RecvMulti(RecvMulti::new(SharedFd::owned(fds[0]), 9, 64)),
        1,
    );
    write(fds[1], b"hello");
    let first = collect(b, 1);
    assert_eq!(
        (
            first[0].result,
            first[0].buffer_id(),
            first[0].buffer_more()
        ),
        (5, Some(0), true)
    );
    write(fds[1], b"0123456789abcdef");
    let mut got = Vec::new();
    let start = std::time::Instant::now();
    while got.iter().map(|c: &Completion| c.result).sum::<i32>() < 16
        && start.elapsed() < Duration::from_secs(5)
    {
        b.poll(Some(Duration::from_millis(50)), &mut got).unwrap();
    }
    let seen: Vec<_> = got
        .iter()
        .map(|c| (c.result, c.buffer_id(), c.buffer_more()))
        .collect();
    assert_eq!(seen, [(11, Some(0), false), (5, Some(1), true)]);
    // SAFETY: the bytes completions reported, in leaked memory.
    let (b0, b1) = unsafe {
        (
            std::slice::from_raw_parts(ptrs[0], 16),
            std::slice::from_raw_parts(ptrs[1], 5),
        )
    };
    assert_eq!((b0, b1), (&b"hello0123456789a"[..], &b"bcdef"[..]));
    b.cancel(key);
    let last = collect(b, 1);
    assert!(!last[0].more);
    // SAFETY: ours.
    unsafe { libc::close(fds[1]) };
}

/// A multishot accept hands over every connection already waiting in the same
/// turn, not one a turn: a server busy with open connections would otherwise
/// take a turn per newcomer, and a burst's last would wait for all of them.
pub fn a_burst_of_connections_is_accepted_in_one_turn(b: &mut dyn Backend) {
    use std::os::fd::IntoRawFd;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("listen");
    listener.set_nonblocking(true).expect("non-blocking");
    let addr = listener.local_addr().expect("address");
    // Connected once the handshake is done: they wait in the accept queue.
    let clients: Vec<_> = (0..20)
        .map(|_| std::net::TcpStream::connect(addr).expect("connect"))
        .collect();
    let fd = SharedFd::owned(listener.into_raw_fd());
    let key = b.submit(
        Op::Accept(Accept {
            fd,
            multishot: true,
        }),
        7,
    );
    let mut out = Vec::new();
    b.poll(Some(Duration::from_secs(2)), &mut out).unwrap();
    assert_eq!(
        out.len(),
        clients.len(),
        "every waiting connection in one turn"
    );
    for c in &out {
        assert!(c.result >= 0 && c.more && c.key == key);
        // SAFETY: the accepted fd is ours to close.
        unsafe { libc::close(c.result) };
    }
    b.cancel(key);
    collect(b, 1);
}

/// Instantiates every contract test for one driver. `$make` builds it; `$ready`
/// (a fn(&str) -> bool given the test's name) says whether the running kernel can
/// do what the test needs: when not, the test prints why and passes (a skip).
#[macro_export]
macro_rules! contract_tests {
    ($make:expr, $ready:expr) => {
        use $crate::backend::contract_tests as contract;
        #[test]
        fn keys_come_back_with_their_owners() {
            if !$ready("keys_come_back_with_their_owners") {
                return;
            }
            contract::keys_come_back_with_their_owners(&mut *$make);
        }
        #[test]
        fn a_full_queue_loses_nothing() {
            if !$ready("a_full_queue_loses_nothing") {
                return;
            }
            contract::a_full_queue_loses_nothing(&mut *$make);
        }
        #[test]
        fn an_in_flight_read_is_cancelled_and_returns_its_buffer() {
            if !$ready("an_in_flight_read_is_cancelled_and_returns_its_buffer") {
                return;
            }
            contract::an_in_flight_read_is_cancelled_and_returns_its_buffer(&mut *$make);
        }
        #[test]
        fn cancel_by_fd_reaches_every_op_on_it() {
            if !$ready("cancel_by_fd_reaches_every_op_on_it") {
                return;
            }
            contract::cancel_by_fd_reaches_every_op_on_it(&mut *$make);
        }
        #[test]
        fn multishot_poll_completes_until_cancelled() {
            if !$ready("multishot_poll_completes_until_cancelled") {
                return;
            }
            contract::multishot_poll_completes_until_cancelled(&mut *$make);
        }
        #[test]
        fn provided_buffers_are_picked_named_and_given_back() {
            if !$ready("provided_buffers_are_picked_named_and_given_back") {
                return;
            }
            contract::provided_buffers_are_picked_named_and_given_back(&mut *$make);
        }
        #[test]
        fn another_thread_wakes_the_loop() {
            if !$ready("another_thread_wakes_the_loop") {
                return;
            }
            contract::another_thread_wakes_the_loop(&mut *$make);
        }
        #[test]
        fn pool_work_runs_off_the_loop_thread() {
            if !$ready("pool_work_runs_off_the_loop_thread") {
                return;
            }
            contract::pool_work_runs_off_the_loop_thread(&mut *$make);
        }
        #[test]
        fn a_queued_pool_job_is_cancelled() {
            if !$ready("a_queued_pool_job_is_cancelled") {
                return;
            }
            contract::a_queued_pool_job_is_cancelled(&mut *$make);
        }
        #[test]
        fn datagrams_carry_their_source() {
            if !$ready("datagrams_carry_their_source") {
                return;
            }
            contract::datagrams_carry_their_source(&mut *$make);
        }
        #[test]
        fn multishot_recvmsg_lays_out_each_datagram() {
            if !$ready("multishot_recvmsg_lays_out_each_datagram") {
                return;
            }
            contract::multishot_recvmsg_lays_out_each_datagram(&mut *$make);
        }
        #[test]
        fn lent_buffers_fill_front_to_back() {
            if !$ready("lent_buffers_fill_front_to_back") {
                return;
            }
            contract::lent_buffers_fill_front_to_back(&mut *$make);
        }
        #[test]
        fn a_burst_of_connections_is_accepted_in_one_turn() {
            if !$ready("a_burst_of_connections_is_accepted_in_one_turn") {
                return;
            }
            contract::a_burst_of_connections_is_accepted_in_one_turn(&mut *$make);
        }
        #[test]
        fn teardown_frees_in_flight_ops() {
            if !$ready("teardown_frees_in_flight_ops") {
                return;
            }
            contract::teardown_frees_in_flight_ops($make);
        }
    };
}
