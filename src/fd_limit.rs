//! The open-file limit a coil process runs with. Node raises its soft
//! RLIMIT_NOFILE to the hard limit at start-up, so that a server can hold as many
//! connections as the system lets it without the user running `ulimit -n`; coil
//! does the same (and its children inherit the raised limit, as node's do). It
//! matters to the io_uring driver too: the ring's registered file table mirrors fd
//! numbers only up to the soft limit (src/backend/uring/fixed_fds.rs).

/// Sets the soft limit to the hard one (to the kernel's `fs.nr_open` when the
/// hard limit is unlimited). A failure leaves the limit as it was.
pub fn raise() {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes one rlimit into `lim`.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) } != 0 {
        return;
    }
    let mut target = lim.rlim_max;
    if target == libc::RLIM_INFINITY {
        // The kernel refuses a soft limit above nr_open.
        match std::fs::read_to_string("/proc/sys/fs/nr_open")
            .ok()
            .and_then(|s| s.trim().parse().ok())
        {
            Some(n) => target = n,
            None => return,
        }
    }
    if target <= lim.rlim_cur {
        return;
    }
    lim.rlim_cur = target;
    // SAFETY: setrlimit reads one rlimit; raising the soft limit up to the hard one
    // needs no privilege.
    unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &lim) };
}
