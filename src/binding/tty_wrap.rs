//! internalBinding('tty_wrap'): what lib/tty.js needs of a terminal beyond the
//! stream handle it reads and writes through (tcp_wrap.openFd): whether an fd is a
//! terminal, its size (TIOCGWINSZ), and raw mode through termios. The mode a
//! terminal had before the first setRawMode is put back when the process exits,
//! as node does, so a program that exits in raw mode leaves a usable shell.
use std::sync::Mutex;

use super::fs::args;
use super::set_methods;
use crate::v8::{CallbackArgs, Local, Object, Scope};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "isTTY" => is_tty,
            "getWindowSize" => get_window_size,
            "setRawMode" => set_raw_mode,
        ],
    );
}

/// Terminals whose mode setRawMode changed, with the mode they had before.
static SAVED: Mutex<Vec<(i32, libc::termios)>> = Mutex::new(Vec::new());

fn last_errno() -> i32 {
    std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EIO)
}

/// isTTY(fd) -> boolean.
fn is_tty<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let fd = args::int(s, a, 0);
    let fd = i32::try_from(fd).unwrap_or(-1);
    // SAFETY: isatty accepts any integer.
    a.ret(s.boolean(fd >= 0 && unsafe { libc::isatty(fd) } == 1));
}

/// getWindowSize(fd) -> [columns, rows] or -errno.
fn get_window_size<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let fd = args::int(s, a, 0) as i32;
    // SAFETY: winsize is plain data that the ioctl fills in.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ writes one winsize into ws.
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) } != 0 {
        return a.ret(s.number(-last_errno() as f64));
    }
    let items = [s.number(ws.ws_col as f64), s.number(ws.ws_row as f64)];
    a.ret(s.array(&items).value());
}

/// setRawMode(fd, raw) -> 0 or -errno. Raw: bytes as typed, one at a time, no echo,
/// no signals from ^C (termios(3)'s raw mode, keeping output's \n → \r\n as
/// node's terminal streams do). Not raw: the mode from before the first call.
fn set_raw_mode<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let fd = args::int(s, a, 0) as i32;
    let raw = a.get(1).boolean(s);
    let r = if raw { make_raw(fd) } else { restore(fd) };
    a.ret(s.number(r.map_or_else(|e| -e as f64, |()| 0.0)));
}

fn make_raw(fd: i32) -> Result<(), i32> {
    // SAFETY: termios is plain data that tcgetattr fills in.
    let mut mode: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: mode is a valid, writable termios.
    if unsafe { libc::tcgetattr(fd, &mut mode) } != 0 {
        return Err(last_errno());
    }
    {
        let mut saved = SAVED.lock().unwrap_or_else(|p| p.into_inner());
        if !saved.iter().any(|(f, _)| *f == fd) {
            if saved.is_empty() {
                // SAFETY: reset_at_exit is an extern "C" fn that never unwinds.
                unsafe { libc::atexit(reset_at_exit) };
            }
            saved.push((fd, mode));
        }
    }
    mode.c_iflag &= !(libc::BRKINT | libc::ICRNL | libc::INPCK | libc::ISTRIP | libc::IXON);
    mode.c_oflag |= libc::ONLCR;
    mode.c_cflag |= libc::CS8;
    mode.c_lflag &= !(libc::ECHO | libc::ICANON | libc::IEXTEN | libc::ISIG);
    mode.c_cc[libc::VMIN] = 1;
    mode.c_cc[libc::VTIME] = 0;
    set_mode(fd, &mode)
}

fn restore(fd: i32) -> Result<(), i32> {
    let saved = SAVED.lock().unwrap_or_else(|p| p.into_inner());
    match saved.iter().find(|(f, _)| *f == fd) {
        Some((_, mode)) => set_mode(fd, mode),
        // Never made raw: nothing to undo, but still an error for a non-terminal.
        // SAFETY: isatty accepts any integer.
        None if unsafe { libc::isatty(fd) } == 1 => Ok(()),
        None => Err(last_errno()),
    }
}

fn set_mode(fd: i32, mode: &libc::termios) -> Result<(), i32> {
    loop {
        // SAFETY: mode is a valid termios; TCSADRAIN lets queued output go first.
        if unsafe { libc::tcsetattr(fd, libc::TCSADRAIN, mode) } == 0 {
            return Ok(());
        }
        let e = last_errno();
        if e != libc::EINTR {
            return Err(e);
        }
    }
}

/// At exit: every terminal back in the mode it had before setRawMode.
extern "C" fn reset_at_exit() {
    let saved = match SAVED.try_lock() {
        Ok(s) => s,
        Err(_) => return,
    };
    for (fd, mode) in saved.iter() {
        let _ = set_mode(*fd, mode);
    }
}
