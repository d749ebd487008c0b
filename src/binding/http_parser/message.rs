//! What a parse hands out and to whom: a head with its flags, the caller's
//! answer to it, the sink that receives heads, body parts and completions, and
//! the errors, named as llhttp names them (parse.rs is the parser itself).

/// Head flags handed to JS with the head (lib/_http_common.js has the same list).
pub const F_KEEP_ALIVE: u32 = 1;
pub const F_UPGRADE: u32 = 2;
pub const F_CHUNKED: u32 = 4;
pub const F_CONTENT_LENGTH: u32 = 8;
/// The message ends with its head: no body, and no separate completion call.
pub const F_NO_BODY: u32 = 16;
pub const F_EXPECT_CONTINUE: u32 = 32;
pub const F_EXPECT_OTHER: u32 = 64;
pub const F_HOST: u32 = 128;
/// Set by a consumed read's sink only (consume.rs): the head ends the read, so
/// nothing of it is left to parse once onHead returns.
pub const F_ENDS_READ: u32 = 256;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Request,
    Response,
}

#[derive(Debug, PartialEq, Eq)]
pub struct ParseError {
    pub code: &'static str,
    pub reason: &'static str,
}

pub(super) const fn err(code: &'static str, reason: &'static str) -> ParseError {
    ParseError { code, reason }
}

/// One parsed head, borrowed from the bytes it was read from.
pub struct Head<'a> {
    /// Index into METHODS (requests) or the status code (responses).
    pub method_or_status: u16,
    /// The request target, or the status line's reason phrase.
    pub target: &'a [u8],
    /// 0 or 1 (HTTP/1.x); a response's HTTP/0.9 or HTTP/2.0 is ODD_VERSION_09 or _20.
    pub minor: u8,
    pub headers: &'a [httparse::Header<'a>],
    pub flags: u32,
    /// The head's last byte is the last of the bytes given to execute.
    pub ends_input: bool,
}

/// What the caller wants after a head or a completed message.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Next {
    Go,
    /// A response to HEAD (or one the caller knows has no body): frame it empty.
    SkipBody,
    /// Stop now: execute returns the bytes consumed so far.
    Stop,
    /// An upgrade head the caller does not take: parse its body and go on.
    NotUpgrade,
}

/// Where parsed parts go. Body parts are offsets into the slice given to execute.
pub trait Sink {
    fn on_head(&mut self, head: &Head) -> Next;
    fn on_body(&mut self, start: usize, len: usize) -> Next;
    fn on_complete(&mut self, trailers: &[httparse::Header]) -> Next;
}

/// `Head::minor` of a response whose status line says HTTP/0.9 or HTTP/2.0.
pub const ODD_VERSION_09: u8 = 9;
pub const ODD_VERSION_20: u8 = 20;
