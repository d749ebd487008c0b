//! Starting a child with posix_spawn(3): glibc runs it as clone(CLONE_VFORK) +
//! exec and hands back exec's errno (ENOENT, EACCES) synchronously, without ever
//! running our code in the child — safe from a process with other threads (the
//! pool, V8's platform), and the loop never blocks longer than the exec.
//!
//! The child's stdio is described fd by fd: a new socketpair end (the parent keeps
//! the other as a Pipe handle, as libuv makes stdio pipes), /dev/null, or an fd of
//! ours. A child with other credentials (uid/gid) starts through fork_exec.rs
//! instead. The child gets an empty signal mask and default dispositions, whatever
//! the loop blocked or ignored for itself.
use std::ffi::{CStr, CString};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};

/// How one of the child's fds is set up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stdio {
    /// A socketpair: the child gets one end, the parent the other.
    Pipe,
    /// /dev/null.
    Ignore,
    /// This fd of ours.
    Fd(RawFd),
}

pub struct Command {
    pub file: CString,
    pub args: Vec<CString>,
    pub env: Vec<CString>,
    pub cwd: Option<CString>,
    pub stdio: Vec<Stdio>,
    pub detached: bool,
    /// Credentials for the child (then it starts through fork_exec).
    pub uid: Option<libc::uid_t>,
    pub gid: Option<libc::gid_t>,
}

pub struct Child {
    pub pid: libc::pid_t,
    /// The parent's end of each `Stdio::Pipe`, by child fd.
    pub pipes: Vec<Option<OwnedFd>>,
}

/// Where the program may be: `file` itself if it has a slash, else `file` in each
/// directory of the PATH in the child's environment, in order (as execvp in the
/// child would search it).
pub(super) fn candidates(file: &CStr, env: &[CString]) -> Result<Vec<CString>, i32> {
    let bytes = file.to_bytes();
    if bytes.is_empty() {
        return Err(libc::ENOENT);
    }
    if bytes.contains(&b'/') {
        return Ok(vec![file.to_owned()]);
    }
    let path = env
        .iter()
        .find_map(|e| e.to_bytes().strip_prefix(b"PATH="))
        .map(<[u8]>::to_vec)
        .unwrap_or_else(|| b"/usr/local/bin:/usr/bin:/bin".to_vec());
    Ok(path
        .split(|b| *b == b':')
        .filter_map(|dir| {
            let dir: &[u8] = if dir.is_empty() { b"." } else { dir };
            let mut full = dir.to_vec();
            full.push(b'/');
            full.extend_from_slice(bytes);
            CString::new(full).ok()
        })
        .collect())
}

/// The program to exec: the first candidate we may execute.
fn resolve(file: &CStr, env: &[CString]) -> Result<CString, i32> {
    let mut denied = false;
    for c in candidates(file, env)? {
        // SAFETY: c is a NUL-terminated path.
        if unsafe { libc::access(c.as_ptr(), libc::X_OK) } == 0 {
            return Ok(c);
        }
        if last_errno() == libc::EACCES {
            denied = true;
        }
    }
    Err(if denied { libc::EACCES } else { libc::ENOENT })
}

/// posix_spawn's attribute and file-action objects, destroyed on drop.
struct SpawnState {
    attr: libc::posix_spawnattr_t,
    actions: libc::posix_spawn_file_actions_t,
}

impl SpawnState {
    fn new() -> Box<SpawnState> {
        // SAFETY: both are plain C structs that their init functions fill in.
        let mut st: Box<SpawnState> = Box::new(unsafe { std::mem::zeroed() });
        // SAFETY: initialising the objects in place; destroyed in Drop.
        unsafe {
            libc::posix_spawnattr_init(&mut st.attr);
            libc::posix_spawn_file_actions_init(&mut st.actions);
        }
        st
    }
}

impl Drop for SpawnState {
    fn drop(&mut self) {
        // SAFETY: initialised in `new`, destroyed once.
        unsafe {
            libc::posix_spawnattr_destroy(&mut self.attr);
            libc::posix_spawn_file_actions_destroy(&mut self.actions);
        }
    }
}

fn check(r: libc::c_int) -> Result<(), i32> {
    if r == 0 {
        Ok(())
    } else {
        Err(r)
    }
}

/// Spawns `cmd`; Err(errno) when it could not be started.
pub fn spawn(cmd: &Command) -> Result<Child, i32> {
    if cmd.uid.is_some() || cmd.gid.is_some() {
        return super::fork_exec::spawn(cmd);
    }
    let program = resolve(&cmd.file, &cmd.env)?;
    let mut st = SpawnState::new();
    let mut pipes: Vec<Option<OwnedFd>> = Vec::new();
    // The child's ends: closed in the parent when this function returns.
    let mut child_ends: Vec<OwnedFd> = Vec::new();
    let devnull = c"/dev/null";
    for (i, how) in cmd.stdio.iter().enumerate() {
        let target = i as RawFd;
        match *how {
            Stdio::Pipe => {
                let (ours, theirs) = socketpair()?;
                // SAFETY: st.actions is initialised; the fd stays open until spawn ran.
                check(unsafe {
                    libc::posix_spawn_file_actions_adddup2(
                        &mut st.actions,
                        theirs.as_raw_fd(),
                        target,
                    )
                })?;
                child_ends.push(theirs);
                pipes.push(Some(ours));
                continue;
            }
            Stdio::Ignore => {
                // SAFETY: as above; the path is a static C string.
                check(unsafe {
                    libc::posix_spawn_file_actions_addopen(
                        &mut st.actions,
                        target,
                        devnull.as_ptr(),
                        libc::O_RDWR,
                        0,
                    )
                })?;
            }
            Stdio::Fd(fd) => {
                // dup2 onto itself clears FD_CLOEXEC in glibc's posix_spawn, so an
                // fd passed at its own number is inherited too.
                // SAFETY: as above.
                check(unsafe {
                    libc::posix_spawn_file_actions_adddup2(&mut st.actions, fd, target)
                })?;
            }
        }
        pipes.push(None);
    }
    if let Some(cwd) = &cmd.cwd {
        // SAFETY: as above; cwd outlives the spawn call.
        check(unsafe {
            libc::posix_spawn_file_actions_addchdir_np(&mut st.actions, cwd.as_ptr())
        })?;
    }
    let mut flags = libc::POSIX_SPAWN_SETSIGMASK | libc::POSIX_SPAWN_SETSIGDEF;
    if cmd.detached {
        flags |= libc::POSIX_SPAWN_SETSID as i32;
    }
    // SAFETY: sigset_t values filled by sigemptyset/sigfillset before use; attr is
    // initialised.
    unsafe {
        let mut none: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut none);
        let mut all: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut all);
        check(libc::posix_spawnattr_setsigmask(&mut st.attr, &none))?;
        check(libc::posix_spawnattr_setsigdefault(&mut st.attr, &all))?;
        check(libc::posix_spawnattr_setflags(
            &mut st.attr,
            flags as libc::c_short,
        ))?;
    }
    let argv = null_terminated(&cmd.args);
    let envp = null_terminated(&cmd.env);
    let mut pid = 0;
    // SAFETY: every pointer is to a NUL-terminated string or a NULL-terminated
    // array of them, all alive for the call; st holds initialised objects.
    let r = unsafe {
        libc::posix_spawn(
            &mut pid,
            program.as_ptr(),
            &st.actions,
            &st.attr,
            argv.as_ptr() as *const *mut libc::c_char,
            envp.as_ptr() as *const *mut libc::c_char,
        )
    };
    drop(child_ends);
    check(r)?;
    Ok(Child { pid, pipes })
}

pub(super) fn null_terminated(strings: &[CString]) -> Vec<*const libc::c_char> {
    let mut v: Vec<*const libc::c_char> = strings.iter().map(|s| s.as_ptr()).collect();
    v.push(std::ptr::null());
    v
}

pub(super) fn last_errno() -> i32 {
    std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EIO)
}

/// A connected pair of CLOEXEC Unix stream sockets: a piped stdio fd (ours, theirs).
pub(super) fn socketpair() -> Result<(OwnedFd, OwnedFd), i32> {
    let mut fds = [0; 2];
    // SAFETY: fds has room for the two fds socketpair writes.
    let r = unsafe {
        libc::socketpair(
            libc::AF_UNIX,
            libc::SOCK_STREAM | libc::SOCK_CLOEXEC,
            0,
            fds.as_mut_ptr(),
        )
    };
    if r < 0 {
        return Err(last_errno());
    }
    // SAFETY: socketpair just returned these two fds, owned by nobody else.
    Ok(unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) })
}

/// A pidfd for `pid` (Linux 5.3): readable once the child has exited.
pub fn pidfd(pid: libc::pid_t) -> Result<OwnedFd, i32> {
    // SAFETY: pidfd_open takes a pid and flags and returns a new fd or -1.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) };
    if fd < 0 {
        return Err(last_errno());
    }
    // SAFETY: a new fd nobody else owns.
    Ok(unsafe { OwnedFd::from_raw_fd(fd as RawFd) })
}

/// How a child ended: (exit code, terminating signal); None if it has not yet.
pub fn reap(pid: libc::pid_t, block: bool) -> Option<(i32, i32)> {
    let mut status = 0;
    let flags = if block { 0 } else { libc::WNOHANG };
    loop {
        // SAFETY: status is a local the kernel writes.
        let r = unsafe { libc::waitpid(pid, &mut status, flags) };
        if r < 0 && last_errno() == libc::EINTR {
            continue;
        }
        if r <= 0 {
            return if r < 0 { Some((0, 0)) } else { None };
        }
        break;
    }
    if libc::WIFSIGNALED(status) {
        Some((0, libc::WTERMSIG(status)))
    } else {
        Some((libc::WEXITSTATUS(status), 0))
    }
}
