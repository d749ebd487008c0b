//! readFile as one op: open, read to the end, close. On io_uring it is a chain of
//! linked SQEs through a direct descriptor (a slot of the ring's sparse file
//! table, chosen by the driver), so the kernel runs open → read → read without a
//! trip through user space and JS sees one completion:
//!
//!   OPENAT into slot S  (IO_LINK: a failed open cancels the reads)
//!   READ  S, the first read's bytes at the file position  (IO_HARDLINK: a short
//!         read, which breaks an IO_LINK chain, must not cancel the probe)
//!   READ  S, 64 bytes more at the file position  (the probe)
//!
//! The first read asks for what the thread's recent files needed, from 4 KiB to
//! 64 KiB - 64 (`FirstGuess`): a buffer barely bigger than the file can then
//! become the Buffer's memory itself, with no copy (src/binding/fs/read_file.rs).
//!
//! Only a read that returns 0 proves the end of any file: a regular file's first
//! read is short at its end, but a pipe, a FIFO or a /proc file may return less
//! and still have more. So the probe: for a small regular file it returns 0 and
//! the op is done in one phase. Otherwise (a big file, a FIFO whose writer is
//! slow) the op reads on from the same descriptor, one READ per phase into a
//! buffer that doubles, until a read returns 0 — never closing and reopening, so
//! no byte of a pipe is lost. The driver closes the slot afterwards, without a
//! JS completion. No SQE of the chain skips its CQE: every phase posts exactly
//! one CQE per SQE, tagged with its step in the user_data, so the op knows when
//! a phase has ended whatever failed.
//!
//! On epoll (and on a ring without a sparse file table) `run_blocking` does the
//! same work as plain syscalls on the work pool.
use io_uring::{opcode, squeue, types};

use super::buf::{syscall_result, OpPath};
use super::OpAble;

/// The most bytes the first read asks for; the probe reads just after them.
const FIRST_READ: usize = 64 * 1024 - PROBE;
/// The fewest.
const FIRST_READ_MIN: usize = 4096;
const PROBE: usize = 64;
/// Past this many bytes the op stops (Node's limit for readFile, 2 GiB - 1): the
/// caller then takes the path that measures the file and reports it too large.
const MAX_LEN: usize = i32::MAX as usize;
/// Bytes of first-read buffers kept for reuse (`Kept`).
const KEPT_BYTES: usize = 16 << 20;

/// First-read buffers kept for reuse, so a readFile allocates none in a steady
/// state: given back by a completion that copied from one, or, for one that
/// became a Buffer's memory, by V8 when that Buffer dies, on V8's sweeper thread
/// (so shared, behind a lock). Any size: `take` drops one of a size no longer
/// read (the guess moved).
struct Kept {
    bufs: Vec<Vec<u8>>,
    bytes: usize,
}

static KEPT: std::sync::Mutex<Kept> = std::sync::Mutex::new(Kept {
    bufs: Vec::new(),
    bytes: 0,
});

impl Kept {
    fn take(want: usize) -> Option<Vec<u8>> {
        let buf = {
            let mut kept = KEPT.lock().ok()?;
            let buf = kept.bufs.pop()?;
            kept.bytes -= buf.capacity();
            buf
        };
        (buf.capacity() == want).then_some(buf)
    }

    fn give(mut buf: Vec<u8>) {
        let cap = buf.capacity();
        if !(FIRST_READ_MIN + PROBE..=FIRST_READ + PROBE).contains(&cap) {
            return;
        }
        buf.clear();
        if let Ok(mut kept) = KEPT.lock() {
            if kept.bytes + cap <= KEPT_BYTES {
                kept.bytes += cap;
                kept.bufs.push(buf);
            }
        }
    }
}

thread_local! {
    /// Bytes the next first read asks for (FirstGuess).
    static FIRST_GUESS: std::cell::Cell<usize> = const { std::cell::Cell::new(FIRST_READ) };
}

/// The first read's size, from the files this thread read whole in a first phase:
/// up at once to what a file needed (64 KiB - 64 when one did not fit), down by
/// a quarter of the difference per smaller file: a run of 4 KiB files reads ~4 KiB
/// after ~20 of them, and a bigger file among them does not pay a second phase
/// twice.
struct FirstGuess;

impl FirstGuess {
    fn get() -> usize {
        FIRST_GUESS.with(|g| g.get())
    }

    /// A first phase read `len` bytes, and the file ended there (`fitted`) or not.
    fn note(len: usize, fitted: bool) {
        let needed = if fitted {
            len.next_multiple_of(4096).clamp(FIRST_READ_MIN, FIRST_READ)
        } else {
            FIRST_READ
        };
        FIRST_GUESS.with(|g| {
            let guess = g.get();
            g.set(if needed >= guess {
                needed
            } else {
                guess - (guess - needed) / 4
            });
        });
    }
}

/// A read the file position decides (the kernel's -1).
const AT_POSITION: u64 = u64::MAX;

/// What a phase's CQE means to the driver.
pub enum ChainStep {
    /// More CQEs of this phase are coming.
    Wait,
    /// The phase is over and another must be submitted (`Chain::sqes` again).
    Next,
    /// The op is over: `result` is its result; `opened` says the slot holds a
    /// file the driver must close.
    Done { result: i32, opened: bool },
}

/// An op made of phases of linked SQEs on a direct descriptor (io_uring only).
pub trait Chain {
    /// Appends the next phase's SQEs, in order, flags set; the driver adds the
    /// user_data (key and step). The memory they point to is the op's and stays
    /// put until the phase's last CQE.
    fn sqes(&mut self, slot: u32, out: &mut Vec<squeue::Entry>);
    /// CQE number `step` (from 0) of the current phase.
    fn on_cqe(&mut self, step: usize, result: i32) -> ChainStep;
}

#[derive(Clone, Copy, PartialEq)]
enum Phase {
    /// open, first read, probe.
    First,
    /// A file past the first 64 KiB: a statx of the path, for its size (a
    /// regular file's buffer is then sized once, and one past 2 GiB is refused
    /// unread, as Node refuses it from fstat).
    Measure,
    /// One read at a time until a read returns 0.
    More,
}

pub struct ReadFile {
    path: OpPath,
    flags: i32,
    mode: u32,
    /// The file so far (`len`); the kernel writes into the spare capacity. Its
    /// heap block moves only between phases, when no read is in flight.
    pub buf: Vec<u8>,
    phase: Phase,
    /// Results of the current phase, by step.
    results: [i32; 3],
    seen: usize,
    /// The syscall that failed, for the error ("open" or "read").
    pub failed: &'static str,
    /// The file passed MAX_LEN: the result is 0 and the caller measures it.
    pub too_large: bool,
    /// Filled by the Measure phase.
    stat: Option<Box<libc::statx>>,
    /// The buffer was sized from the file's size.
    sized: bool,
    /// Bytes the first read asked for (the probe's bytes go after them).
    first: usize,
}

impl ReadFile {
    pub fn new(path: OpPath, flags: i32, mode: u32) -> ReadFile {
        ReadFile {
            path,
            flags: flags | libc::O_CLOEXEC,
            mode,
            // Taken when the first read is built: an op waiting for a slot (all but
            // 256 of 10,000 readFiles made at once) holds no 64 KiB buffer.
            buf: Vec::new(),
            phase: Phase::First,
            results: [0; 3],
            seen: 0,
            failed: "read",
            too_large: false,
            stat: None,
            sized: false,
            first: FIRST_READ,
        }
    }

    pub fn path(&self) -> &std::ffi::CStr {
        &self.path
    }

    /// The file's bytes, leaving the op empty.
    pub fn take_bytes(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.buf)
    }

    /// Whether the file nearly fills its buffer (its spare bytes are at most a
    /// quarter of the file's and the probe's), which is then worth keeping as
    /// it is rather than copied from.
    pub fn nearly_full(buf: &[u8], capacity: usize) -> bool {
        capacity - buf.len() <= buf.len() / 4 + PROBE
    }

    /// Whether the buffer is still the first read's (not sized from the file,
    /// as on epoll, nor grown): one `recycle` keeps.
    pub fn first_read_buffer(&self) -> bool {
        !self.sized && self.buf.capacity() == self.first + PROBE
    }

    /// Keeps a first read's buffer for a later op (from any thread).
    pub fn recycle(buf: Vec<u8>) {
        Kept::give(buf);
    }

    /// Makes room for the next read and says how much to ask for.
    fn room(&mut self) -> usize {
        let want = if self.buf.capacity() == 0 {
            self.first = FirstGuess::get();
            let want = self.first + PROBE;
            if let Some(reused) = Kept::take(want) {
                self.buf = reused;
                return want;
            }
            want
        } else {
            self.buf.len().max(64 * 1024)
        };
        let spare = self.buf.capacity() - self.buf.len();
        // A buffer sized from the file's size is not grown before it is full.
        if spare == 0 || (!self.sized && spare < want) {
            self.buf.reserve_exact(want);
        }
        (self.buf.capacity() - self.buf.len()).min(i32::MAX as usize)
    }

    /// `n` more bytes were written by the kernel (or read(2)) after `len`.
    fn grew(&mut self, n: usize) {
        let len = self.buf.len();
        crate::backend::valgrind::mark_defined(self.buf.as_ptr().wrapping_add(len), n);
        // SAFETY: the read that returned n wrote n bytes into the spare capacity
        // just after len (room() guaranteed they were there).
        unsafe { self.buf.set_len(len + n) };
    }

    fn end(&mut self, result: i32) -> ChainStep {
        if result == 0 && self.buf.len() > MAX_LEN {
            self.too_large = true;
        }
        ChainStep::Done {
            result: if result < 0 { result } else { 0 },
            opened: true,
        }
    }

    fn first_phase_done(&mut self) -> ChainStep {
        let [open, first, probe] = self.results;
        if open < 0 {
            self.failed = "open";
            return ChainStep::Done {
                result: open,
                opened: false,
            };
        }
        if first < 0 {
            return self.end(first);
        }
        let first = first as usize;
        self.grew(first);
        if probe < 0 {
            return self.end(probe);
        }
        let probe = probe as usize;
        FirstGuess::note(first + probe, probe == 0);
        if probe > 0 && first < self.first {
            // A short first read that was not the end (a pipe, /proc): the probe's
            // bytes sit after the gap; bring them down.
            // SAFETY: self.first + probe <= capacity, and both ranges lie in the
            // buffer's allocation; the spare part was written by the kernel.
            unsafe {
                let p = self.buf.as_mut_ptr();
                std::ptr::copy(p.add(self.first), p.add(first), probe);
            }
        }
        self.grew(probe);
        if probe == 0 {
            return self.end(0);
        }
        self.phase = Phase::Measure;
        ChainStep::Next
    }

    /// What the statx of the path says: a regular file's size sizes the buffer
    /// (a hint only: the reads still go on until one returns 0).
    fn measured(&mut self, result: i32) -> ChainStep {
        self.phase = Phase::More;
        let Some(st) = self.stat.as_deref().filter(|_| result >= 0) else {
            return ChainStep::Next;
        };
        let size = std::mem::size_of::<libc::statx>();
        crate::backend::valgrind::mark_defined((st as *const libc::statx).cast(), size);
        if u32::from(st.stx_mode) & libc::S_IFMT != libc::S_IFREG {
            return ChainStep::Next;
        }
        self.sized(st.stx_size)
    }

    fn sized(&mut self, size: u64) -> ChainStep {
        if size > MAX_LEN as u64 {
            self.too_large = true;
            return ChainStep::Done {
                result: 0,
                opened: true,
            };
        }
        // One byte more, so the read that finds the end needs no new room.
        self.sized = true;
        let want = (size as usize + 1).saturating_sub(self.buf.len());
        self.buf.reserve_exact(want);
        ChainStep::Next
    }
}

impl Chain for ReadFile {
    fn sqes(&mut self, slot: u32, out: &mut Vec<squeue::Entry>) {
        self.seen = 0;
        let fixed = types::Fixed(slot);
        if self.phase == Phase::First {
            self.room();
            let base = self.buf.as_mut_ptr();
            let dest = types::DestinationSlot::try_from_slot_target(slot).expect("a table slot");
            out.push(
                // A direct descriptor is in no fd table: the kernel refuses O_CLOEXEC.
                opcode::OpenAt::new(types::Fd(libc::AT_FDCWD), self.path.as_ptr())
                    .flags(self.flags & !libc::O_CLOEXEC)
                    .mode(self.mode)
                    .file_index(Some(dest))
                    .build()
                    .flags(squeue::Flags::IO_LINK),
            );
            out.push(
                opcode::Read::new(fixed, base, self.first as u32)
                    .offset(AT_POSITION)
                    .build()
                    .flags(squeue::Flags::IO_HARDLINK),
            );
            // SAFETY: the buffer has self.first + PROBE bytes of capacity (room()).
            let probe = unsafe { base.add(self.first) };
            out.push(
                opcode::Read::new(fixed, probe, PROBE as u32)
                    .offset(AT_POSITION)
                    .build(),
            );
            return;
        }
        if self.phase == Phase::Measure {
            let st = self.stat.get_or_insert_with(|| {
                // SAFETY: statx is plain old data; all-zero is a valid value.
                Box::new(unsafe { std::mem::zeroed() })
            });
            let buf = (&mut **st as *mut libc::statx).cast::<types::statx>();
            out.push(
                opcode::Statx::new(types::Fd(libc::AT_FDCWD), self.path.as_ptr(), buf)
                    .flags(libc::AT_STATX_SYNC_AS_STAT)
                    .mask(libc::STATX_TYPE | libc::STATX_SIZE)
                    .build(),
            );
            return;
        }
        let n = self.room();
        // SAFETY: len <= capacity: the spare part starts there.
        let at = unsafe { self.buf.as_mut_ptr().add(self.buf.len()) };
        out.push(
            opcode::Read::new(fixed, at, n as u32)
                .offset(AT_POSITION)
                .build(),
        );
    }

    fn on_cqe(&mut self, step: usize, result: i32) -> ChainStep {
        if let Some(r) = self.results.get_mut(step) {
            *r = result;
        }
        self.seen += 1;
        match self.phase {
            Phase::First if self.seen < 3 => ChainStep::Wait,
            Phase::First => self.first_phase_done(),
            Phase::Measure => self.measured(result),
            Phase::More if result <= 0 => self.end(result),
            Phase::More => {
                self.grew(result as usize);
                if self.buf.len() > MAX_LEN {
                    self.too_large = true;
                    return ChainStep::Done {
                        result: 0,
                        opened: true,
                    };
                }
                ChainStep::Next
            }
        }
    }
}

impl OpAble for ReadFile {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        None
    }
    fn run_blocking(&mut self) -> i32 {
        // SAFETY: path is a valid NUL-terminated string owned by self.
        let fd = unsafe { libc::openat(libc::AT_FDCWD, self.path.as_ptr(), self.flags, self.mode) };
        if fd < 0 {
            self.failed = "open";
            return syscall_result(-1);
        }
        // SAFETY: stat is plain old data; all-zero is a valid value.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: fd is open; st is a valid out-pointer.
        if unsafe { libc::fstat(fd, &mut st) } == 0 && st.st_mode & libc::S_IFMT == libc::S_IFREG {
            if let ChainStep::Done { .. } = self.sized(st.st_size as u64) {
                // SAFETY: fd was opened above and is closed once.
                unsafe { libc::close(fd) };
                return 0;
            }
        }
        let mut result = 0;
        loop {
            let n = self.room();
            // SAFETY: the spare capacity after len has n writable bytes.
            let r = unsafe { libc::read(fd, self.buf.as_mut_ptr().add(self.buf.len()).cast(), n) };
            if r < 0 {
                result = syscall_result(-1);
                if result == -libc::EINTR {
                    continue;
                }
                break;
            }
            if r == 0 {
                break;
            }
            self.grew(r as usize);
            if self.buf.len() > MAX_LEN {
                self.too_large = true;
                break;
            }
        }
        // SAFETY: fd was opened above and is closed once.
        unsafe { libc::close(fd) };
        result
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::OpenAt::CODE)
    }
    fn name(&self) -> &'static str {
        "readfile"
    }
    fn chain(&mut self) -> Option<&mut dyn Chain> {
        Some(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guess_after(sizes: &[(usize, bool)]) -> usize {
        FIRST_GUESS.with(|g| g.set(FIRST_READ));
        for &(len, fitted) in sizes {
            FirstGuess::note(len, fitted);
        }
        FirstGuess::get()
    }

    #[test]
    fn first_read_shrinks_to_small_files_and_jumps_back() {
        assert_eq!(guess_after(&[]), FIRST_READ);
        // One 4 KiB file takes a quarter of the way down, not all of it.
        assert_eq!(
            guess_after(&[(4096, true)]),
            FIRST_READ - (FIRST_READ - 4096) / 4
        );
        // Twenty of them: within a few hundred bytes of 4 KiB, never below it.
        let g = guess_after(&[(4096, true); 20]);
        assert!((4096..4096 + 256).contains(&g), "{g}");
        assert_eq!(guess_after(&[(4096, true); 200]) / 4096, 1);
        // An empty file needs the smallest read; a file that did not fit, the largest.
        assert!(guess_after(&[(0, true); 200]) >= FIRST_READ_MIN);
        assert_eq!(guess_after(&[(4096, true), (4096, false)]), FIRST_READ);
        // A bigger file that fitted raises it at once to its size, in 4 KiB steps.
        assert_eq!(
            guess_after(
                &[(4096, true); 200]
                    .iter()
                    .copied()
                    .chain([(10_000, true)])
                    .collect::<Vec<_>>()
            ),
            12288
        );
    }

    #[test]
    fn kept_buffers_are_first_read_sized_and_taken_by_size() {
        Kept::give(Vec::with_capacity(100));
        Kept::give(Vec::with_capacity(4096 + PROBE));
        assert!(
            Kept::take(4096 + PROBE).is_some_and(|b| b.capacity() == 4096 + PROBE && b.is_empty())
        );
        // One of another size is dropped, not handed out.
        Kept::give(Vec::with_capacity(8192 + PROBE));
        assert!(Kept::take(4096 + PROBE).is_none());
        assert!(ReadFile::nearly_full(&[0; 4096], 4096 + PROBE));
        assert!(!ReadFile::nearly_full(&[0; 100], 4096 + PROBE));
    }
}
