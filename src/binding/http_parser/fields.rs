//! What the parser reads from a head's bytes and fields besides httparse's
//! grammar: where a head ends (refusing bare CR and LF), list-valued fields, and
//! the framing a head's fields ask for (Content-Length, Transfer-Encoding,
//! Connection, Upgrade, Expect, Host), with the request-smuggling checks.
use super::message::{
    err, Kind, ParseError, F_CHUNKED, F_CONTENT_LENGTH, F_EXPECT_CONTINUE, F_EXPECT_OTHER, F_HOST,
    F_KEEP_ALIVE, F_UPGRADE,
};

pub(super) fn is_tchar(b: u8) -> bool {
    matches!(
        b,
        b'!' | b'#'
            | b'$'
            | b'%'
            | b'&'
            | b'\''
            | b'*'
            | b'+'
            | b'-'
            | b'.'
            | b'^'
            | b'_'
            | b'`'
            | b'|'
            | b'~'
    ) || b.is_ascii_alphanumeric()
}

/// A field value without its surrounding whitespace.
pub(super) fn trim(v: &[u8]) -> &[u8] {
    let start = v
        .iter()
        .position(|b| *b != b' ' && *b != b'\t')
        .unwrap_or(v.len());
    let end = v
        .iter()
        .rposition(|b| *b != b' ' && *b != b'\t')
        .map_or(start, |e| e + 1);
    &v[start..end]
}

/// Each comma-separated token of a list-valued header, trimmed.
fn tokens(v: &[u8]) -> impl Iterator<Item = &[u8]> {
    v.split(|b| *b == b',').map(trim).filter(|t| !t.is_empty())
}

/// Scans `buf[from..]` for the blank line ending a head, refusing a CR not
/// followed by LF and an LF not preceded by CR as llhttp does. Ok(Some(end)) is
/// the length of the head; Ok(None) means more bytes are needed (scan resumes at
/// the returned `scanned`). memchr2 jumps from line break to line break: a byte
/// loop cost ~8 instructions a byte of every head.
pub(super) fn find_head_end(
    buf: &[u8],
    from: usize,
    scanned: &mut usize,
) -> Result<Option<usize>, ParseError> {
    let mut i = from;
    while let Some(k) = memchr::memchr2(b'\r', b'\n', &buf[i..]) {
        i += k;
        if buf[i] == b'\n' {
            return Err(if buf[..i].contains(&b'\n') {
                err("HPE_CR_EXPECTED", "Missing expected CR after header value")
            } else {
                // On the request or status line (llhttp names the version).
                err("HPE_INVALID_VERSION", "Expected CRLF after version")
            });
        }
        if i + 1 == buf.len() {
            *scanned = i; // the CR's LF is still to come
            return Ok(None);
        }
        if buf[i + 1] != b'\n' {
            return Err(err(
                "HPE_LF_EXPECTED",
                "Missing expected LF after header value",
            ));
        }
        // A line of its own: the end of the head.
        if i >= 2 && buf[i - 2] == b'\r' && buf[i - 1] == b'\n' {
            *scanned = i + 2;
            return Ok(Some(i + 2));
        }
        i += 2;
    }
    *scanned = buf.len();
    Ok(None)
}

/// httparse's error for a whole head, named as llhttp names it: a field line that
/// starts with whitespace is obsolete line folding.
pub(super) fn head_error(e: httparse::Error, kind: Kind, head: &[u8]) -> ParseError {
    let folded = || head.windows(3).any(|w| w == b"\r\n " || w == b"\r\n\t");
    if e == httparse::Error::HeaderName && folded() {
        return err(
            "HPE_INVALID_HEADER_TOKEN",
            "Unexpected whitespace after header value",
        );
    }
    map_httparse(e, kind)
}

pub(super) fn map_httparse(e: httparse::Error, kind: Kind) -> ParseError {
    use httparse::Error as E;
    match e {
        E::HeaderName => err("HPE_INVALID_HEADER_TOKEN", "Invalid header token"),
        E::HeaderValue => err("HPE_INVALID_HEADER_TOKEN", "Invalid header value char"),
        E::NewLine => err("HPE_LF_EXPECTED", "Missing expected LF after header value"),
        E::Status => err("HPE_INVALID_STATUS", "Invalid status code"),
        E::Token if kind == Kind::Request => {
            err("HPE_INVALID_METHOD", "Invalid method encountered")
        }
        E::Token => err("HPE_INVALID_CONSTANT", "Expected HTTP/"),
        E::Version => err("HPE_INVALID_VERSION", "Invalid HTTP version"),
        E::TooManyHeaders => err("HPE_HEADER_OVERFLOW", "Header overflow"),
    }
}

/// What the header fields say about framing and the connection.
pub(super) struct Framing {
    pub flags: u32,
    pub content_length: Option<u64>,
    pub te_present: bool,
}

pub(super) fn read_framing(
    headers: &[httparse::Header],
    minor: u8,
    lenient: bool,
) -> Result<Framing, ParseError> {
    let mut f = Framing {
        flags: 0,
        content_length: None,
        te_present: false,
    };
    let (mut close, mut keep_alive, mut conn_upgrade, mut upgrade) = (false, false, false, false);
    for h in headers {
        let name = h.name.as_bytes();
        match name.len() {
            4 if name.eq_ignore_ascii_case(b"host") => f.flags |= F_HOST,
            6 if name.eq_ignore_ascii_case(b"expect") => {
                f.flags |= if trim(h.value).eq_ignore_ascii_case(b"100-continue") {
                    F_EXPECT_CONTINUE
                } else {
                    F_EXPECT_OTHER
                };
            }
            7 if name.eq_ignore_ascii_case(b"upgrade") => upgrade = true,
            10 if name.eq_ignore_ascii_case(b"connection") => {
                for t in tokens(h.value) {
                    if t.eq_ignore_ascii_case(b"close") {
                        close = true;
                    } else if t.eq_ignore_ascii_case(b"keep-alive") {
                        keep_alive = true;
                    } else if t.eq_ignore_ascii_case(b"upgrade") {
                        conn_upgrade = true;
                    }
                }
            }
            14 if name.eq_ignore_ascii_case(b"content-length") => {
                if f.content_length.is_some() {
                    return Err(err(
                        "HPE_UNEXPECTED_CONTENT_LENGTH",
                        "Duplicate Content-Length",
                    ));
                }
                let v = trim(h.value);
                if v.is_empty() {
                    return Err(err("HPE_INVALID_CONTENT_LENGTH", "Empty Content-Length"));
                }
                let mut n: u64 = 0;
                for &b in v {
                    if !b.is_ascii_digit() {
                        return Err(err(
                            "HPE_INVALID_CONTENT_LENGTH",
                            "Invalid character in Content-Length",
                        ));
                    }
                    n = n
                        .checked_mul(10)
                        .and_then(|n| n.checked_add(u64::from(b - b'0')))
                        .ok_or(err("HPE_INVALID_CONTENT_LENGTH", "Content-Length overflow"))?;
                }
                f.content_length = Some(n);
            }
            17 if name.eq_ignore_ascii_case(b"transfer-encoding") => {
                f.te_present = true;
                for t in tokens(h.value) {
                    // chunked must be the last coding, once.
                    if f.flags & F_CHUNKED != 0 {
                        return Err(err(
                            "HPE_INVALID_TRANSFER_ENCODING",
                            "Invalid `Transfer-Encoding` header value",
                        ));
                    }
                    if t.eq_ignore_ascii_case(b"chunked") {
                        f.flags |= F_CHUNKED;
                    }
                }
            }
            _ => {}
        }
    }
    if lenient && f.flags & F_CHUNKED != 0 {
        f.content_length = None; // llhttp's lenient choice: chunked framing wins
    }
    if f.te_present && f.content_length.is_some() {
        return Err(err(
            "HPE_INVALID_TRANSFER_ENCODING",
            "Transfer-Encoding can't be present with Content-Length",
        ));
    }
    // A request whose Transfer-Encoding does not end in chunked: see parse.rs.
    if f.content_length.is_some() {
        f.flags |= F_CONTENT_LENGTH;
    }
    if if minor >= 1 { !close } else { keep_alive } {
        f.flags |= F_KEEP_ALIVE;
    }
    if conn_upgrade && upgrade {
        f.flags |= F_UPGRADE;
    }
    Ok(f)
}
