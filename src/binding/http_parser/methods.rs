//! Request methods: Node's http.METHODS (a request head names its method by its
//! index there), and where a request's first bytes stop being any method llhttp
//! reads, so a bad method is refused at the byte node refuses it.

/// Node's http.METHODS, in its order: a request head names its method by index.
pub const METHODS: [&str; 35] = [
    "ACL",
    "BIND",
    "CHECKOUT",
    "CONNECT",
    "COPY",
    "DELETE",
    "GET",
    "HEAD",
    "LINK",
    "LOCK",
    "M-SEARCH",
    "MERGE",
    "MKACTIVITY",
    "MKCALENDAR",
    "MKCOL",
    "MOVE",
    "NOTIFY",
    "OPTIONS",
    "PATCH",
    "POST",
    "PROPFIND",
    "PROPPATCH",
    "PURGE",
    "PUT",
    "QUERY",
    "REBIND",
    "REPORT",
    "SEARCH",
    "SOURCE",
    "SUBSCRIBE",
    "TRACE",
    "UNBIND",
    "UNLINK",
    "UNLOCK",
    "UNSUBSCRIBE",
];

/// llhttp reads these too (RTSP's, HTTP/2's preface) before it refuses them, so
/// a bad method is found where none of either list goes on.
const LLHTTP_OTHER_METHODS: [&str; 12] = [
    "PRI",
    "DESCRIBE",
    "ANNOUNCE",
    "SETUP",
    "PLAY",
    "PAUSE",
    "TEARDOWN",
    "GET_PARAMETER",
    "SET_PARAMETER",
    "REDIRECT",
    "RECORD",
    "FLUSH",
];

/// Where a request's first bytes stop being the start of a known method (none:
/// they still are, or a CR/LF leads); the space after a whole method is fine.
pub(super) fn method_error_at(bytes: &[u8]) -> Option<usize> {
    if matches!(bytes.first(), None | Some(b'\r') | Some(b'\n')) {
        return None;
    }
    for (i, &b) in bytes.iter().enumerate() {
        let starts = |m: &&str| m.len() > i && m.as_bytes()[..=i] == bytes[..=i];
        if b == b' ' {
            let whole = METHODS.iter().any(|m| m.as_bytes() == &bytes[..i]);
            return if whole { None } else { Some(i) };
        }
        if !METHODS.iter().any(starts) && !LLHTTP_OTHER_METHODS.iter().any(starts) {
            return Some(i);
        }
    }
    None
}
