//! The contract on the io_uring driver, plus what only a ring has: EBUSY on a
//! full completion queue, one enter per turn. Tests of an opcode the running
//! kernel lacks skip (they print why) instead of failing.
use std::time::Duration;

use io_uring::opcode;

use super::Uring;
use crate::backend::op::Nop;
use crate::backend::{Backend, Op};

fn make() -> Box<dyn Backend> {
    Box::new(Uring::new().expect("io_uring"))
}

/// Skips the test when the kernel lacks `code` (as io-uring-test's `require!`).
macro_rules! require {
    ($ring:expr, $code:expr) => {
        if !$ring.supports($code) {
            eprintln!("skipped: the kernel lacks opcode {}", $code);
            return;
        }
    };
}

/// The opcodes (and features) each contract test needs from the running kernel.
fn ready(test: &str) -> bool {
    let ring = Uring::new().expect("io_uring");
    let needs: &[u8] = match test {
        "an_in_flight_read_is_cancelled_and_returns_its_buffer"
        | "cancel_by_fd_reaches_every_op_on_it"
        | "teardown_frees_in_flight_ops" => &[opcode::Read::CODE, opcode::AsyncCancel::CODE],
        "multishot_poll_completes_until_cancelled"
        | "another_thread_wakes_the_loop"
        | "pool_work_runs_off_the_loop_thread"
        | "a_queued_pool_job_is_cancelled" => &[opcode::PollAdd::CODE, opcode::AsyncCancel::CODE],
        "provided_buffers_are_picked_named_and_given_back" => &[opcode::Read::CODE],
        "lent_buffers_fill_front_to_back" => &[opcode::RecvMulti::CODE, opcode::AsyncCancel::CODE],
        // Multishot accept is Linux 5.19, as RecvMulti (which the probe does name).
        "a_burst_of_connections_is_accepted_in_one_turn" => &[
            opcode::Accept::CODE,
            opcode::RecvMulti::CODE,
            opcode::AsyncCancel::CODE,
        ],
        "datagrams_carry_their_source" | "multishot_recvmsg_lays_out_each_datagram" => &[
            opcode::RecvMsg::CODE,
            opcode::SendMsg::CODE,
            opcode::AsyncCancel::CODE,
        ],
        _ => &[opcode::Nop::CODE],
    };
    if let Some(code) = needs.iter().find(|c| !ring.supports(**c)) {
        eprintln!("skipped {test}: the kernel lacks opcode {code}");
        return false;
    }
    if test.starts_with("provided_buffers") || test.contains("datagram") {
        // IORING_REGISTER_PBUF_RING: Linux 5.19.
        let mut probe = Uring::new().expect("io_uring");
        if let Err(e) = probe.register_buffers(1, 2, 16) {
            eprintln!("skipped {test}: no provided-buffer rings ({e})");
            return false;
        }
    }
    true
}

mod contract_suite {
    use super::*;
    crate::contract_tests!(make(), ready);
}

#[test]
fn completions_reaped_on_ebusy_are_delivered() {
    let mut ring = Uring::with_entries(8).expect("io_uring");
    require!(ring, opcode::Nop::CODE);
    ring.force_ebusy = 2;
    let n = 40;
    for owner in 0..n {
        ring.submit(Op::Nop(Nop), owner);
    }
    assert_eq!(ring.force_ebusy, 0, "the EBUSY path ran");
    let mut owners: Vec<_> = crate::backend::contract_tests::collect(&mut ring, n as usize)
        .iter()
        .map(|c| c.owner)
        .collect();
    owners.sort();
    assert_eq!(owners, (0..n).collect::<Vec<_>>());
}

#[test]
fn a_round_of_nops_costs_one_enter() {
    let mut ring = Uring::new().expect("io_uring");
    require!(ring, opcode::Nop::CODE);
    for owner in 0..10 {
        ring.submit(Op::Nop(Nop), owner);
    }
    let mut out = Vec::new();
    ring.poll(Some(Duration::from_secs(1)), &mut out).unwrap();
    assert_eq!(out.len(), 10);
    let s = ring.stats();
    assert_eq!(
        (s.sqes_submitted, s.cqes_reaped, s.enter_calls),
        (10, 10, 1)
    );
}

#[test]
fn wait_is_bounded_by_the_timeout() {
    let mut ring = Uring::new().expect("io_uring");
    let start = std::time::Instant::now();
    let mut out = Vec::new();
    ring.poll(Some(Duration::from_millis(30)), &mut out)
        .unwrap();
    let waited = start.elapsed();
    assert!(out.is_empty());
    assert!(waited >= Duration::from_millis(25), "{waited:?}");
    assert!(waited < Duration::from_millis(500), "{waited:?}");
}

#[test]
fn zero_timeout_with_nothing_to_do_skips_the_kernel() {
    let mut ring = Uring::new().expect("io_uring");
    ring.poll(Some(Duration::ZERO), &mut Vec::new()).unwrap();
    assert_eq!(ring.stats().enter_calls, 0);
}
