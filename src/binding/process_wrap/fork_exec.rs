//! Starting a child that runs under another user or group (spawn's `uid`/`gid`):
//! posix_spawn cannot change credentials, so this path forks and execs itself.
//! The parent has other threads (the pool, V8's platform), so the child may run
//! only async-signal-safe code: every C string, the argv/envp arrays and the fd
//! plan are built before fork, and the child makes raw syscalls only — no
//! allocation, no locks. A failure in the child travels to the parent as an errno
//! through a CLOEXEC pipe (EOF there means exec succeeded), so callers see the same
//! Err(errno) as from posix_spawn.
use std::ffi::CString;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};

use super::spawn::{candidates, last_errno, null_terminated, socketpair, Child, Command, Stdio};

/// The exit status of a child whose setup failed (it never reaches exec).
const SETUP_FAILED: libc::c_int = 127;

/// The highest signal number on Linux (_NSIG - 1).
const MAX_SIGNAL: libc::c_int = 64;

/// Everything the child needs, ready before fork.
struct Plan<'a> {
    /// Where to look for the program, in order: the search happens in the child,
    /// under its new credentials (a directory root may search and the new user
    /// may not gives EACCES, as execvp would).
    programs: &'a [CString],
    argv: Vec<*const libc::c_char>,
    envp: Vec<*const libc::c_char>,
    cwd: Option<&'a CString>,
    /// The fd to put at each child fd number, in order.
    sources: Vec<RawFd>,
    detached: bool,
    uid: Option<libc::uid_t>,
    gid: Option<libc::gid_t>,
    /// Whether the child drops supplementary groups (root changing uid).
    drop_groups: bool,
}

/// Spawns `cmd` by fork + exec.
pub fn spawn(cmd: &Command) -> Result<Child, i32> {
    let programs = candidates(&cmd.file, &cmd.env)?;
    let mut pipes: Vec<Option<OwnedFd>> = Vec::new();
    // The fds the child dups from: closed in the parent when this returns.
    let mut held: Vec<OwnedFd> = Vec::new();
    let mut sources = Vec::with_capacity(cmd.stdio.len());
    for how in &cmd.stdio {
        match *how {
            Stdio::Pipe => {
                let (ours, theirs) = socketpair()?;
                sources.push(theirs.as_raw_fd());
                held.push(theirs);
                pipes.push(Some(ours));
                continue;
            }
            Stdio::Ignore => {
                // SAFETY: a static NUL-terminated path.
                let fd =
                    unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDWR | libc::O_CLOEXEC) };
                if fd < 0 {
                    return Err(last_errno());
                }
                sources.push(fd);
                // SAFETY: open just returned this fd, owned by nobody else.
                held.push(unsafe { OwnedFd::from_raw_fd(fd) });
            }
            Stdio::Fd(fd) => sources.push(fd),
        }
        pipes.push(None);
    }
    let mut plan = Plan {
        programs: &programs,
        argv: null_terminated(&cmd.args),
        envp: null_terminated(&cmd.env),
        cwd: cmd.cwd.as_ref(),
        sources,
        detached: cmd.detached,
        uid: cmd.uid,
        gid: cmd.gid,
        // SAFETY: geteuid(2) cannot fail.
        drop_groups: cmd.uid.is_some() && unsafe { libc::geteuid() } == 0,
    };
    let (report_read, report_write) = cloexec_pipe()?;
    // No signal handler of ours may run in the child before it resets them.
    let old_mask = block_all_signals();
    // SAFETY: the child runs only `child_main`, which makes async-signal-safe calls
    // on memory prepared above and never returns.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        child_main(&mut plan, report_write.as_raw_fd());
    }
    let fork_errno = last_errno();
    restore_signals(&old_mask);
    drop(report_write);
    drop(held);
    if pid < 0 {
        return Err(fork_errno);
    }
    match read_report(&report_read) {
        None => Ok(Child { pid, pipes }),
        Some(errno) => {
            super::spawn::reap(pid, true);
            Err(errno)
        }
    }
}

fn cloexec_pipe() -> Result<(OwnedFd, OwnedFd), i32> {
    let mut fds = [0; 2];
    // SAFETY: fds has room for the two fds pipe2 writes.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } < 0 {
        return Err(last_errno());
    }
    // SAFETY: pipe2 just returned these two fds, owned by nobody else.
    Ok(unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) })
}

fn block_all_signals() -> libc::sigset_t {
    // SAFETY: sigset_t is plain data, filled by sigfillset/pthread_sigmask.
    unsafe {
        let mut all: libc::sigset_t = std::mem::zeroed();
        let mut old: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut all);
        libc::pthread_sigmask(libc::SIG_SETMASK, &all, &mut old);
        old
    }
}

fn restore_signals(old: &libc::sigset_t) {
    // SAFETY: old was filled by pthread_sigmask in block_all_signals.
    unsafe { libc::pthread_sigmask(libc::SIG_SETMASK, old, std::ptr::null_mut()) };
}

/// The child's errno, or None once the pipe reached EOF (exec succeeded).
fn read_report(fd: &OwnedFd) -> Option<i32> {
    let mut buf = [0u8; 4];
    loop {
        // SAFETY: buf is a local of the length given.
        let r = unsafe { libc::read(fd.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
        if r < 0 && last_errno() == libc::EINTR {
            continue;
        }
        return (r == 4).then(|| i32::from_ne_bytes(buf));
    }
}

/// The child between fork and exec: async-signal-safe calls only. It has its own
/// copy of the plan, so it may rewrite it without allocating.
fn child_main(plan: &mut Plan, report: RawFd) -> ! {
    // The report pipe must survive the dup2s onto the child's fd numbers.
    let report = lift(report, plan.sources.len() as RawFd).unwrap_or(report);
    let errno = match child_setup(plan) {
        Ok(()) => exec_first(plan),
        Err(e) => e,
    };
    let bytes = errno.to_ne_bytes();
    // SAFETY: write(2) and _exit(2) are async-signal-safe; bytes is a local.
    unsafe {
        libc::write(report, bytes.as_ptr().cast(), bytes.len());
        libc::_exit(SETUP_FAILED)
    }
}

/// Execs the first candidate that runs; the errno to report when none did: the
/// last one's, except that a directory we were denied wins over a later ENOENT.
fn exec_first(plan: &Plan) -> i32 {
    let mut denied = false;
    let mut last = libc::ENOENT;
    for program in plan.programs {
        // SAFETY: program, argv and envp are NUL-terminated strings and
        // NULL-terminated arrays built before fork.
        unsafe { libc::execve(program.as_ptr(), plan.argv.as_ptr(), plan.envp.as_ptr()) };
        last = errno();
        match last {
            libc::EACCES => denied = true,
            libc::ENOENT | libc::ENOTDIR | libc::ESTALE | libc::ENODEV | libc::ETIMEDOUT => {}
            _ => return last,
        }
    }
    if denied {
        libc::EACCES
    } else {
        last
    }
}

/// errno without touching anything but the thread-local errno (safe after fork).
fn errno() -> i32 {
    // SAFETY: __errno_location returns this thread's errno slot.
    unsafe { *libc::__errno_location() }
}

fn ok_or_errno(r: libc::c_long) -> Result<(), i32> {
    if r < 0 {
        Err(errno())
    } else {
        Ok(())
    }
}

fn child_setup(plan: &mut Plan) -> Result<(), i32> {
    // SAFETY: every call below is a raw syscall or an async-signal-safe libc
    // function on memory the plan owns; nothing allocates or takes a lock.
    unsafe {
        // Default dispositions for everything the runtime caught or ignored
        // (glibc's own reserved signals refuse: that is fine), then no mask.
        let mut dfl: libc::sigaction = std::mem::zeroed();
        dfl.sa_sigaction = libc::SIG_DFL;
        for sig in 1..=MAX_SIGNAL {
            if sig != libc::SIGKILL && sig != libc::SIGSTOP {
                libc::sigaction(sig, &dfl, std::ptr::null_mut());
            }
        }
        let mut none: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut none);
        libc::sigprocmask(libc::SIG_SETMASK, &none, std::ptr::null_mut());
        if plan.detached {
            ok_or_errno(libc::setsid() as libc::c_long)?;
        }
        // A dup2 onto a child fd number could clobber a source still needed:
        // every source below the last target moves out of the way first (the
        // copies are CLOEXEC and vanish at exec).
        let targets = plan.sources.len() as RawFd;
        for src in plan.sources.iter_mut() {
            *src = lift(*src, targets)?;
        }
        for (target, &src) in plan.sources.iter().enumerate() {
            // dup2 clears FD_CLOEXEC on the new fd: the child inherits it.
            ok_or_errno(libc::dup2(src, target as RawFd) as libc::c_long)?;
        }
        if let Some(cwd) = plan.cwd {
            ok_or_errno(libc::chdir(cwd.as_ptr()) as libc::c_long)?;
        }
        // Raw syscalls: glibc's wrappers would broadcast to threads the child
        // does not have. Groups go first (setgid and setuid drop the right to).
        if plan.drop_groups {
            ok_or_errno(libc::syscall(
                libc::SYS_setgroups,
                0,
                std::ptr::null::<libc::gid_t>(),
            ))?;
        }
        if let Some(gid) = plan.gid {
            ok_or_errno(libc::syscall(libc::SYS_setgid, gid))?;
        }
        if let Some(uid) = plan.uid {
            ok_or_errno(libc::syscall(libc::SYS_setuid, uid))?;
        }
    }
    Ok(())
}

/// `fd` itself if it is at or above `floor`, else a CLOEXEC copy that is.
fn lift(fd: RawFd, floor: RawFd) -> Result<RawFd, i32> {
    if fd >= floor {
        return Ok(fd);
    }
    // SAFETY: fcntl(F_DUPFD_CLOEXEC) is async-signal-safe and takes plain ints.
    let copy = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, floor) };
    ok_or_errno(copy as libc::c_long).map(|()| copy)
}
