//! IORING_OP_NOP: completes at once. Used to test the driver and to wake a ring.
use io_uring::{opcode, squeue};

use super::OpAble;

pub struct Nop;

impl OpAble for Nop {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        Some(opcode::Nop::new().build())
    }
    fn run_blocking(&mut self) -> i32 {
        0
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::Nop::CODE)
    }
    fn name(&self) -> &'static str {
        "nop"
    }
}
