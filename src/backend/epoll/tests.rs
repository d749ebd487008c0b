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
