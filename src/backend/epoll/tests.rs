//! The contract on the epoll driver, plus its pool's own behaviour.
use super::Epoll;
use crate::backend::Backend;

fn make() -> Box<dyn Backend> {
    Box::new(Epoll::new().expect("epoll"))
}

/// epoll needs nothing the kernel may lack.
fn ready(_test: &str) -> bool {
    true
}

crate::contract_tests!(make(), ready);

#[test]
fn file_ops_run_on_the_pool_and_wake_the_loop() {
    let mut ep = Epoll::new().unwrap();
    for o in 0..8 {
        ep.submit(crate::backend::Op::Nop(crate::backend::op::Nop), o);
    }
    let out = contract::collect(&mut ep, 8);
    assert_eq!(out.len(), 8);
    assert!(ep.pool.threads() >= 1 && ep.pool.threads() <= 4);
    assert_eq!(ep.pool.busy(), 0);
}

#[test]
fn a_pool_job_blocked_in_its_syscall_does_not_hang_teardown() {
    let mut ep = Epoll::new().unwrap();
    let (r, w) = contract::pipe();
    // Not a stream read: it goes to the pool and blocks there (no data, writer open).
    let read = crate::backend::op::Read {
        fd: crate::backend::SharedFd::owned(r),
        buf: crate::backend::op::IoBuf::from_vec(vec![0; 8]),
        pos: None,
        stream: false,
    };
    ep.submit(read.into(), 0);
    // Time for a pool thread to take the job (a loaded machine needed more than 20 ms).
    std::thread::sleep(std::time::Duration::from_millis(200));
    let start = std::time::Instant::now();
    drop(ep);
    assert!(start.elapsed() < std::time::Duration::from_secs(2));
    // The blocked op was left alone (its fd stays open), not freed under the thread.
    assert!(contract::is_open(r));
    contract::write(w, b"x"); // lets the detached thread finish
}
