//! IORING_OP_NOP: completes at once. Used to test the driver and to wake a ring.
use io_uring::{opcode, squeue};

use super::OpAble;

pub struct Nop;

impl OpAble for Nop {
    fn sqe(&mut self) -> squeue::Entry {
        opcode::Nop::new().build()
    }
    fn run_blocking(&mut self) -> i32 {
        0
    }
    fn opcode(&self) -> u8 {
        opcode::Nop::CODE
    }
}
