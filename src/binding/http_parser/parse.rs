//! The HTTP/1.x message parser behind internalBinding('http_parser'), free of V8 so
//! it can be unit-tested. httparse reads a complete head (request or status line
//! and header fields); this file adds what a server needs around it, as strict as
//! llhttp is by default in Node 20: the head is found and checked for bare CR/LF
//! before httparse sees it, methods are Node's list, Content-Length and
//! Transfer-Encoding are checked against each other (request smuggling), and the
//! body is framed here (Content-Length, chunked with validated sizes and
//! extensions, trailers, or read-until-EOF for responses). Errors carry Node's
//! `HPE_*` code and llhttp's reason text.
use std::mem::MaybeUninit;

use super::fields::{find_head_end, head_error, map_httparse, read_framing};
use super::head_size::{excess, raw_limit};
use super::lenient;
use super::message::{
    err, Head, Kind, Next, ParseError, Sink, F_CHUNKED, F_KEEP_ALIVE, F_NO_BODY, F_UPGRADE,
    ODD_VERSION_09, ODD_VERSION_20,
};
use super::methods::method_error_at;
pub use super::methods::METHODS;

const CONNECT: u16 = 3;

const BAD_REQUEST_TE: &str = "Request has invalid `Transfer-Encoding`";

/// Node's --max-http-header-size default.
pub const DEFAULT_MAX_HEADER_SIZE: usize = 16 * 1024;
/// Chunk extensions past this many bytes are refused (Node answers 413).
pub(super) const MAX_CHUNK_EXTENSIONS: usize = 16 * 1024;
/// Header fields read without allocating; more take a heap array once.
const STACK_HEADERS: usize = 64;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum State {
    Head,
    Body(u64),
    ChunkSize {
        size: u64,
        digits: u8,
    },
    ChunkSizeLf {
        size: u64,
    },
    ChunkExt {
        size: u64,
        ext: Ext,
        len: usize,
    },
    ChunkData(u64),
    ChunkDataCr,
    ChunkDataLf,
    Trailers,
    UntilEof,
    /// After an upgrade or CONNECT head: the rest of the stream is not HTTP.
    Upgraded,
    /// After a message that closes the connection: only stray CR/LF may follow.
    Closed,
    Failed,
}

/// Where a chunk extension's parse is (`;name[=value]`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Ext {
    NameStart,
    Name,
    ValueStart,
    Token,
    Quoted,
    QuotedEscape,
    QuotedEnd,
    Cr,
}

pub struct Parser {
    pub(super) kind: Kind,
    pub(super) max_header_size: usize,
    pub(super) state: State,
    /// A head (or trailer section) that arrived in pieces, kept until it ends.
    pub(super) pending: Vec<u8>,
    /// How far `pending` has been scanned for bare CR/LF and the end of the head.
    pub(super) scanned: usize,
    pub(super) keep_alive: bool,
    pub(super) upgrade: bool,
    /// insecureHTTPParser (lenient.rs).
    pub(super) lenient: bool,
    /// How far past the start of the failing head its error was found.
    pub(super) error_skip: usize,
}

fn odd_version(head: &[u8]) -> Option<u8> {
    match head.get(..8) {
        Some(b"HTTP/0.9") => Some(ODD_VERSION_09),
        Some(b"HTTP/2.0") => Some(ODD_VERSION_20),
        _ => None,
    }
}

/// httparse as llhttp reads requests: runs of spaces between the request line's
/// parts are taken ("GET  / HTTP/1.1"); nothing else is loosened.
fn request_config() -> httparse::ParserConfig {
    let mut config = httparse::ParserConfig::default();
    config.allow_multiple_spaces_in_request_line_delimiters(true);
    config
}

impl Parser {
    pub fn new(kind: Kind, max_header_size: usize) -> Parser {
        Parser {
            kind,
            max_header_size,
            state: State::Head,
            pending: Vec::new(),
            scanned: 0,
            keep_alive: true,
            upgrade: false,
            lenient: false,
            error_skip: 0,
        }
    }

    /// Parses as much of `data` as it can, calling `sink` per head, body part and
    /// completed message. Ok(n): n bytes consumed (less than data.len() only when
    /// the sink said Stop or the stream was upgraded).
    /// An error comes with the offset in `data` where parsing stopped.
    pub fn execute(
        &mut self,
        data: &[u8],
        sink: &mut impl Sink,
    ) -> Result<usize, (ParseError, usize)> {
        let mut at = 0;
        self.error_skip = 0;
        let r = self.run(data, &mut at, sink);
        r.map_err(|e| {
            self.state = State::Failed;
            (e, (at + self.error_skip).min(data.len()))
        })
    }

    fn run(
        &mut self,
        data: &[u8],
        pos: &mut usize,
        sink: &mut impl Sink,
    ) -> Result<usize, ParseError> {
        while *pos < data.len() {
            let at = *pos;
            let (used, next) = match self.state {
                State::Head => self.head(data, at, sink)?,
                State::Body(left) => {
                    let n = left.min((data.len() - at) as u64) as usize;
                    let next = sink.on_body(at, n);
                    if left == n as u64 {
                        self.state = State::Head;
                        let next2 = self.complete(sink, &[]);
                        (n, if next == Next::Stop { next } else { next2 })
                    } else {
                        self.state = State::Body(left - n as u64);
                        (n, next)
                    }
                }
                State::ChunkData(left) => {
                    let n = left.min((data.len() - at) as u64) as usize;
                    self.state = if left == n as u64 {
                        State::ChunkDataCr
                    } else {
                        State::ChunkData(left - n as u64)
                    };
                    (n, sink.on_body(at, n))
                }
                State::UntilEof => (data.len() - at, sink.on_body(at, data.len() - at)),
                State::Trailers => self.trailers(data, at, sink)?,
                State::Upgraded => return Ok(at),
                State::Failed => {
                    return Err(err("HPE_CLOSED_CONNECTION", "Parser is in a failed state"))
                }
                State::Closed => {
                    if data[at] != b'\r' && data[at] != b'\n' {
                        return Err(err(
                            "HPE_CLOSED_CONNECTION",
                            "Data after `Connection: close`",
                        ));
                    }
                    (1, Next::Go)
                }
                _ => self.chunk_byte(data[at])?,
            };
            *pos = at + used;
            if next == Next::Stop {
                break;
            }
        }
        Ok(*pos)
    }

    /// Whether the parser waits for a new message with nothing of it read yet
    /// (no partial head kept, no body in progress).
    pub fn at_message_start(&self) -> bool {
        self.state == State::Head && self.pending.is_empty()
    }

    /// Whether a request's head has begun and is not yet whole (blank lines
    /// between messages do not count).
    pub fn mid_request_head(&self) -> bool {
        self.kind == Kind::Request
            && self.state == State::Head
            && self.pending.iter().any(|b| *b != b'\r' && *b != b'\n')
    }

    /// The peer closed its side: ends a read-until-EOF body; an unfinished message
    /// is an error.
    pub fn finish(&mut self, sink: &mut impl Sink) -> Result<(), ParseError> {
        match self.state {
            State::UntilEof => {
                self.state = State::Closed;
                sink.on_complete(&[]);
                Ok(())
            }
            State::Head if self.pending.iter().all(|b| *b == b'\r' || *b == b'\n') => Ok(()),
            State::Closed | State::Upgraded | State::Failed => Ok(()),
            _ => {
                self.state = State::Failed;
                Err(err("HPE_INVALID_EOF_STATE", "Invalid EOF state"))
            }
        }
    }

    /// Reads a head starting at data[at..]: from `data` directly when it holds the
    /// whole head, else through `pending`.
    fn head(
        &mut self,
        data: &[u8],
        at: usize,
        sink: &mut impl Sink,
    ) -> Result<(usize, Next), ParseError> {
        if self.pending.is_empty() {
            // Empty lines between messages are skipped (RFC 9112 2.2).
            let mut start = at;
            while start + 1 < data.len() && data[start] == b'\r' && data[start + 1] == b'\n' {
                start += 2;
            }
            let mut scanned = 0;
            if let Some(end) = find_head_end(&data[start..], 0, &mut scanned)? {
                let found = excess(
                    &data[start..start + end],
                    self.kind,
                    self.max_header_size,
                    true,
                );
                self.size_error(found, start - at, 0)?;
                let ends_input = start + end == data.len();
                let next = self.parse_head(&data[start..start + end], ends_input, sink);
                if let Err(e) = &next {
                    if e.reason == BAD_REQUEST_TE {
                        self.error_skip = start - at + end; // found after the head
                    } else {
                        self.locate_method_error(&data[start..start + end], start - at);
                    }
                }
                return Ok((start - at + end, next?));
            }
            if self.locate_method_error(&data[start..], start - at) {
                return Err(err("HPE_INVALID_METHOD", "Invalid method encountered"));
            }
            self.check_partial(&data[start..])?;
            let found = excess(&data[start..], self.kind, self.max_header_size, false);
            self.size_error(found, start - at, 0)?;
            self.pending.extend_from_slice(&data[start..]);
            self.scanned = scanned;
            return Ok((data.len() - at, Next::Go));
        }
        // Only as many bytes as could still belong to a head are copied.
        let had = self.pending.len();
        let room = (raw_limit(self.max_header_size) + 1).saturating_sub(had);
        let take = room.min(data.len() - at);
        self.pending.extend_from_slice(&data[at..at + take]);
        let mut scanned = self.scanned;
        let found = find_head_end(&self.pending, self.scanned, &mut scanned)?;
        let part = &self.pending[..found.unwrap_or(self.pending.len())];
        let over = excess(part, self.kind, self.max_header_size, found.is_some());
        self.size_error(over, 0, had)?;
        match found {
            Some(end) => {
                let pending = std::mem::take(&mut self.pending);
                self.scanned = 0;
                let ends_input = end - had == data.len() - at;
                let next = self.parse_head(&pending[..end], ends_input, sink);
                if matches!(&next, Err(e) if e.reason == BAD_REQUEST_TE) {
                    self.error_skip = end - had;
                }
                // Keep the allocation for the next split head.
                self.pending = pending;
                self.pending.clear();
                Ok((end - had, next?))
            }
            None => {
                if !self.lenient && method_error_at(&self.pending).is_some() {
                    return Err(err("HPE_INVALID_METHOD", "Invalid method encountered"));
                }
                self.check_partial(&self.pending)?;
                self.scanned = scanned;
                Ok((take, Next::Go))
            }
        }
    }

    /// A request whose method no known one starts with fails at that byte, as
    /// llhttp's does (error_skip: where, from the head's start plus `lead`).
    fn locate_method_error(&mut self, bytes: &[u8], lead: usize) -> bool {
        if self.kind != Kind::Request || self.lenient {
            return false;
        }
        match method_error_at(bytes) {
            Some(i) => {
                self.error_skip = lead + i;
                true
            }
            None => false,
        }
    }

    /// An unfinished head is checked as far as it goes, so a bad method or a
    /// bad header byte is refused before the rest arrives.
    fn check_partial(&self, bytes: &[u8]) -> Result<(), ParseError> {
        if self.lenient {
            return Ok(()); // what leniency lets through shows only in a whole head
        }
        let mut headers = [httparse::EMPTY_HEADER; STACK_HEADERS];
        let r = match self.kind {
            Kind::Request => request_config()
                .parse_request(&mut httparse::Request::new(&mut headers), bytes)
                .map(|_| ()),
            Kind::Response => httparse::Response::new(&mut headers)
                .parse(bytes)
                .map(|_| ()),
        };
        match r {
            Err(httparse::Error::TooManyHeaders) | Ok(()) => Ok(()),
            Err(e) => Err(map_httparse(e, self.kind)),
        }
    }

    /// `ends_input`: the head's last byte is the last of the bytes given to
    /// execute (Head::ends_input).
    fn parse_head(
        &mut self,
        bytes: &[u8],
        ends_input: bool,
        sink: &mut impl Sink,
    ) -> Result<Next, ParseError> {
        match self.parse_head_sized(bytes, None, ends_input, sink) {
            Err(e) if self.lenient && lenient::may_help(&e) => {
                let loose = lenient::loosen(bytes);
                self.parse_head_sized(&loose.parsed, Some(&loose.delivered), ends_input, sink)
            }
            r => r,
        }
    }

    /// parse_head_with, on the stack when the fields fit, else on the heap.
    fn parse_head_sized(
        &mut self,
        bytes: &[u8],
        delivered: Option<&[u8]>,
        ends_input: bool,
        sink: &mut impl Sink,
    ) -> Result<Next, ParseError> {
        let mut stack = [const { MaybeUninit::<httparse::Header>::uninit() }; STACK_HEADERS];
        match self.parse_head_with(bytes, delivered, ends_input, &mut stack, sink) {
            Err(e) if e.code == "HPE_HEADER_OVERFLOW" => {
                // More fields than the stack array: at most one per 4 bytes of head.
                let mut heap = Vec::new();
                heap.resize_with(bytes.len() / 4 + 1, MaybeUninit::uninit);
                self.parse_head_with(bytes, delivered, ends_input, &mut heap, sink)
            }
            r => r,
        }
    }

    /// `delivered`: where a loosened head's field values are taken from.
    fn parse_head_with<'b>(
        &mut self,
        bytes: &'b [u8],
        delivered: Option<&'b [u8]>,
        ends_input: bool,
        storage: &mut [MaybeUninit<httparse::Header<'b>>],
        sink: &mut impl Sink,
    ) -> Result<Next, ParseError> {
        let mut response_fields;
        let patched: Vec<u8>;
        let (method_or_status, target, minor, headers): (u16, &[u8], u8, &[httparse::Header]) =
            match self.kind {
                Kind::Request => {
                    let mut req = httparse::Request::new(&mut []);
                    match request_config()
                        .parse_request_with_uninit_headers(&mut req, bytes, storage)
                    {
                        Ok(httparse::Status::Complete(_)) => {}
                        Ok(httparse::Status::Partial) => {
                            return Err(err("HPE_INVALID_CONSTANT", "Incomplete head"))
                        }
                        Err(e) => return Err(head_error(e, self.kind, bytes)),
                    }
                    let method = req.method.unwrap_or("");
                    let Some(index) = METHODS.iter().position(|m| *m == method) else {
                        return Err(err("HPE_INVALID_METHOD", "Invalid method encountered"));
                    };
                    (
                        index as u16,
                        req.path.unwrap_or("").as_bytes(),
                        req.version.unwrap_or(1),
                        req.headers,
                    )
                }
                Kind::Response => {
                    // httparse has no uninitialized-storage entry for responses.
                    response_fields = vec![httparse::EMPTY_HEADER; storage.len()];
                    let mut res = httparse::Response::new(&mut response_fields);
                    // llhttp also takes an HTTP/0.9 or HTTP/2.0 status line, which
                    // httparse does not: parsed as 1.0 (same framing), reported
                    // through `minor` as ODD_VERSION_09 / ODD_VERSION_20.
                    let odd = if delivered.is_none() {
                        odd_version(bytes)
                    } else {
                        None
                    };
                    let src: &[u8] = match odd {
                        Some(_) => {
                            let mut copy = bytes.to_vec();
                            copy[5..8].copy_from_slice(b"1.0");
                            patched = copy;
                            &patched
                        }
                        None => bytes,
                    };
                    match res.parse(src) {
                        Ok(httparse::Status::Complete(_)) => {}
                        Ok(httparse::Status::Partial) => {
                            return Err(err("HPE_INVALID_CONSTANT", "Incomplete head"))
                        }
                        Err(e) => return Err(head_error(e, self.kind, bytes)),
                    }
                    (
                        res.code.unwrap_or(0),
                        res.reason.unwrap_or("").as_bytes(),
                        odd.unwrap_or(res.version.unwrap_or(1)),
                        res.headers,
                    )
                }
            };
        let remapped;
        let headers = match delivered {
            Some(d) => {
                remapped = lenient::remap(headers, bytes, d);
                &remapped[..]
            }
            None => headers,
        };
        let framed_minor = if minor > 1 { 0 } else { minor };
        let framing = read_framing(headers, framed_minor, self.lenient)?;
        let mut flags = framing.flags;
        let request = self.kind == Kind::Request;
        if request && method_or_status == CONNECT {
            flags |= F_UPGRADE;
        }
        if !request && method_or_status != 101 {
            flags &= !F_UPGRADE;
        }
        let informational =
            !request && (100..200).contains(&method_or_status) && method_or_status != 101;
        let no_body_status =
            !request && (informational || method_or_status == 204 || method_or_status == 304);
        let length_known = flags & F_CHUNKED != 0 || framing.content_length.is_some();
        if !request && !no_body_status && !length_known {
            flags &= !F_KEEP_ALIVE; // read until the server closes
        }
        // F_NO_BODY is what the framing says; an upgrade the caller takes stops
        // the parse after the head whatever it says.
        // A request whose Transfer-Encoding does not end in chunked fails after its
        // head is delivered, as llhttp's does; its request has a body that never comes.
        let bad_te = request && framing.te_present && flags & F_CHUNKED == 0;
        let bodiless = no_body_status
            || (request && !length_known && !bad_te)
            || (flags & F_CHUNKED == 0 && framing.content_length == Some(0));
        if bodiless {
            flags |= F_NO_BODY;
        }
        let head = Head {
            method_or_status,
            target,
            minor,
            headers,
            flags,
            ends_input,
        };
        let next = sink.on_head(&head);
        if bad_te {
            return Err(err("HPE_INVALID_TRANSFER_ENCODING", BAD_REQUEST_TE));
        }
        self.keep_alive = flags & F_KEEP_ALIVE != 0 || informational;
        self.upgrade = flags & F_UPGRADE != 0 && next != Next::NotUpgrade;
        let go = if next == Next::Stop {
            Next::Stop
        } else {
            Next::Go
        };
        if self.upgrade {
            self.state = State::Upgraded;
            return Ok(go);
        }
        if bodiless || next == Next::SkipBody {
            self.end_message();
            return Ok(go);
        }
        self.state = if flags & F_CHUNKED != 0 {
            State::ChunkSize { size: 0, digits: 0 }
        } else if let Some(n) = framing.content_length {
            State::Body(n)
        } else {
            State::UntilEof
        };
        Ok(go)
    }

    /// The state after a message: the next head, or nothing more.
    fn end_message(&mut self) {
        self.state = if self.upgrade {
            State::Upgraded
        } else if self.keep_alive {
            State::Head
        } else {
            State::Closed
        };
    }

    pub(super) fn complete(&mut self, sink: &mut impl Sink, trailers: &[httparse::Header]) -> Next {
        self.end_message();
        sink.on_complete(trailers)
    }
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
