//! The URLs most programs parse, without ada: ASCII `http`, `https`, `ws`, `wss`
//! and `ftp` URLs with a plain domain (and `file:///` URLs), and paths, queries and
//! fragments relative to one of them, made of characters the URL standard keeps as
//! they are. The result is ada's: the same href and the same component offsets
//! (fast_tests.rs compares the two over the WPT inputs and several hundred tricky
//! ones). Everything else — percent-encoding, IDNA, IPv6 hosts, IPv4 ones not
//! written as "1.2.3.4", backslashes, Windows drive letters, other schemes, odd
//! slashes, invalid input — answers `false` here and is ada's to parse, so this
//! never decides an error.

/// ada's url_components marks an absent part with u32::MAX.
pub const OMITTED: u32 = u32::MAX;
pub const PROTOCOL_END: usize = 0;
pub const USERNAME_END: usize = 1;
pub const HOST_START: usize = 2;
pub const HOST_END: usize = 3;
pub const PORT: usize = 4;
pub const PATHNAME_START: usize = 5;
pub const SEARCH_START: usize = 6;
pub const HASH_START: usize = 7;

/// The serialized URL and ada's eight offsets into it.
#[derive(Default, Clone)]
pub struct Url {
    pub href: Vec<u8>,
    pub parts: [u32; 8],
}

// Character classes: which bytes each part keeps unchanged. A byte outside its
// part's class (spaces, controls, non-ASCII, quotes, '\\', '[', '^', '|', '{' ...)
// sends the whole URL to ada, which percent-encodes it, rejects it or strips it.
const HOST: u8 = 1;
const USERINFO: u8 = 2;
const PATH: u8 = 4;
const QUERY: u8 = 8;
const FRAGMENT: u8 = 16;
const SCHEME: u8 = 32;

const fn classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        let alnum = b.is_ascii_alphanumeric();
        let mut m = 0;
        if alnum || b == b'-' || b == b'.' || b == b'_' {
            m |= HOST;
        }
        if alnum
            || matches!(
                b,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b'%'
            )
        {
            m |= USERINFO;
        }
        if m & USERINFO != 0 || matches!(b, b';' | b'=' | b':' | b'@') {
            m |= PATH;
        }
        if m & PATH != 0 || matches!(b, b'/' | b'?') {
            m |= QUERY;
        }
        if m & QUERY != 0 || b == b'#' {
            m |= FRAGMENT;
        }
        if alnum || matches!(b, b'+' | b'-' | b'.') {
            m |= SCHEME;
        }
        t[c] = m;
        c += 1;
    }
    t
}
static CLASS: [u8; 256] = classes();

fn is(b: u8, class: u8) -> bool {
    CLASS[b as usize] & class != 0
}

#[derive(Clone, Copy, PartialEq)]
enum Scheme {
    /// A special scheme with a host; its default port.
    Network(u32),
    File,
}

fn special_scheme(name: &[u8]) -> Option<Scheme> {
    // `name` is lowercase already.
    Some(match name {
        b"http" | b"ws" => Scheme::Network(80),
        b"https" | b"wss" => Scheme::Network(443),
        b"ftp" => Scheme::Network(21),
        b"file" => Scheme::File,
        _ => return None,
    })
}

/// Where `input` ends its scheme (the ':'), if it starts with one.
fn scheme_end(input: &[u8]) -> Option<usize> {
    if !input.first()?.is_ascii_alphabetic() {
        return None;
    }
    let n = input.iter().position(|&b| !is(b, SCHEME))?;
    (input[n] == b':').then_some(n)
}

/// Parses `input` alone into `out`; false leaves the URL to ada.
pub fn parse_absolute(input: &[u8], out: &mut Url) -> bool {
    let Some(colon) = scheme_end(input) else {
        return false;
    };
    out.href.clear();
    out.href
        .extend(input[..=colon].iter().map(u8::to_ascii_lowercase));
    let Some(scheme) = special_scheme(&out.href[..colon]) else {
        return false;
    };
    let rest = &input[colon + 1..];
    // Exactly two slashes, then the authority: anything else (one slash, three, a
    // backslash) is a case of the standard's slash-forgiving states.
    let Some(after) = rest.strip_prefix(b"//") else {
        return false;
    };
    out.parts = [OMITTED; 8];
    out.parts[PROTOCOL_END] = (colon + 1) as u32;
    out.href.extend_from_slice(b"//");
    let rest = match scheme {
        Scheme::File => {
            // Only an empty host: `file:///path`.
            if after.first() != Some(&b'/') {
                return false;
            }
            let at = out.href.len() as u32;
            out.parts[USERNAME_END] = at;
            out.parts[HOST_START] = at;
            out.parts[HOST_END] = at;
            after
        }
        Scheme::Network(default_port) => {
            let end = after
                .iter()
                .position(|&b| matches!(b, b'/' | b'?' | b'#'))
                .unwrap_or(after.len());
            if !authority(&after[..end], default_port, out) {
                return false;
            }
            &after[end..]
        }
    };
    path_query_fragment(rest, scheme, out)
}

/// Writes `[username[:password]@]host[:port]`; false when any of it needs ada.
fn authority(auth: &[u8], default_port: u32, out: &mut Url) -> bool {
    let mut hostport = auth;
    let start = out.href.len() as u32;
    out.parts[USERNAME_END] = start;
    out.parts[HOST_START] = start;
    if let Some(at) = auth.iter().position(|&b| b == b'@') {
        let (userinfo, tail) = (&auth[..at], &auth[at + 1..]);
        hostport = tail;
        if tail.contains(&b'@') {
            return false; // an earlier '@' becomes %40
        }
        let (user, pass) = match userinfo.iter().position(|&b| b == b':') {
            Some(c) => (&userinfo[..c], &userinfo[c + 1..]),
            None => (userinfo, &b""[..]),
        };
        if !user.iter().chain(pass).all(|&b| is(b, USERINFO)) {
            return false;
        }
        if !user.is_empty() || !pass.is_empty() {
            out.href.extend_from_slice(user);
            out.parts[USERNAME_END] = out.href.len() as u32;
            if !pass.is_empty() {
                out.href.push(b':');
                out.href.extend_from_slice(pass);
            }
            out.parts[HOST_START] = out.href.len() as u32;
            out.href.push(b'@');
        }
    }
    let (host, port) = match hostport.iter().position(|&b| b == b':') {
        Some(c) => (&hostport[..c], Some(&hostport[c + 1..])),
        None => (hostport, None),
    };
    if !domain(host) {
        return false;
    }
    out.href.extend(host.iter().map(u8::to_ascii_lowercase));
    out.parts[HOST_END] = out.href.len() as u32;
    if let Some(port) = port {
        if !port.iter().all(u8::is_ascii_digit) {
            return false;
        }
        let mut value: u32 = 0;
        for &d in port {
            value = value * 10 + u32::from(d - b'0');
            if value > 65535 {
                return false;
            }
        }
        if !port.is_empty() && value != default_port {
            out.parts[PORT] = value;
            let mut value = value;
            out.href.push(b':');
            // Its digits without leading zeros, written backwards and turned round.
            let from = out.href.len();
            loop {
                out.href.push(b'0' + (value % 10) as u8);
                value /= 10;
                if value == 0 {
                    break;
                }
            }
            out.href[from..].reverse();
        }
    }
    true
}

/// A host the standard keeps as it is, but for ASCII case: dot-separated labels of
/// letters, digits, '-' and '_', none empty, none an IDNA `xn--` label, the last
/// not starting with a digit (which would make it an IPv4 address, or invalid) —
/// or an IPv4 address already written as the standard writes it.
fn domain(host: &[u8]) -> bool {
    if host.is_empty() || !host.iter().all(|&b| is(b, HOST)) {
        return false;
    }
    let mut last: &[u8] = b"";
    for label in host.split(|&b| b == b'.') {
        if label.is_empty() || (label.len() >= 4 && label[..4].eq_ignore_ascii_case(b"xn--")) {
            return false;
        }
        last = label;
    }
    !last[0].is_ascii_digit() || canonical_ipv4(host)
}

/// Four decimal numbers of 0 to 255 without leading zeros ("127.0.0.1"): the form
/// the standard serializes an IPv4 address in. Octal, hex, shorter or out-of-range
/// forms are ada's.
fn canonical_ipv4(host: &[u8]) -> bool {
    let mut count = 0;
    for part in host.split(|&b| b == b'.') {
        count += 1;
        let valid = match part {
            [d] => d.is_ascii_digit(),
            [b'1'..=b'9', rest @ ..] if rest.len() <= 2 && rest.iter().all(u8::is_ascii_digit) => {
                part.iter().fold(0u32, |n, &d| n * 10 + u32::from(d - b'0')) <= 255
            }
            _ => false,
        };
        if !valid || count > 4 {
            return false;
        }
    }
    count == 4
}

/// After the host (or a base's path, for a relative reference): the path from
/// `rest` (which starts with '/', '?', '#' or is empty), then query and fragment.
fn path_query_fragment(rest: &[u8], scheme: Scheme, out: &mut Url) -> bool {
    out.parts[PATHNAME_START] = out.href.len() as u32;
    let path_end = rest
        .iter()
        .position(|&b| b == b'?' || b == b'#')
        .unwrap_or(rest.len());
    let path = match rest[..path_end].split_first() {
        Some((b'/', segments)) => segments,
        // An empty path (`http://host?q`) serializes as "/".
        Some(_) => return false,
        None => &b""[..],
    };
    let start = out.href.len();
    if !segments(path, start, scheme, out) {
        return false;
    }
    query_fragment(&rest[path_end..], out)
}

/// The standard's path state over `path` (segments after a '/'), appended to the
/// path already in out.href[start..]: "." and ".." segments resolved.
fn segments(path: &[u8], start: usize, scheme: Scheme, out: &mut Url) -> bool {
    let mut rest = path;
    loop {
        let end = rest.iter().position(|&b| b == b'/').unwrap_or(rest.len());
        let seg = &rest[..end];
        let last = end == rest.len();
        if !seg.iter().all(|&b| is(b, PATH)) {
            return false;
        }
        // "%2e" is a dot to the path state ("%2e%2E" is ".."): ada's to decide.
        if seg
            .windows(3)
            .any(|w| w[0] == b'%' && w[1] == b'2' && (w[2] | 0x20) == b'e')
        {
            return false;
        }
        // Windows drive letters ("c:") change file URLs' path rules, and ada takes
        // any segment starting like one for one ("a:80" is not popped by "..").
        // ada also keeps a last "." of a file path with an empty segment in it.
        if scheme == Scheme::File && (seg.contains(&b':') || (seg.is_empty() && !last)) {
            return false;
        }
        match seg {
            b".." => {
                let cut = out.href[start..]
                    .iter()
                    .rposition(|&b| b == b'/')
                    .map_or(start, |p| start + p);
                out.href.truncate(cut);
                if last {
                    out.href.push(b'/');
                }
            }
            b"." => {
                if last {
                    out.href.push(b'/');
                }
            }
            _ => {
                out.href.push(b'/');
                out.href.extend_from_slice(seg);
            }
        }
        if last {
            return true;
        }
        rest = &rest[end + 1..];
    }
}

/// `rest` is empty or starts with '?' or '#'.
fn query_fragment(rest: &[u8], out: &mut Url) -> bool {
    let (query, fragment) = match rest.iter().position(|&b| b == b'#') {
        Some(h) => (&rest[..h], Some(&rest[h + 1..])),
        None => (rest, None),
    };
    if let Some((_, q)) = query.split_first() {
        if !q.iter().all(|&b| is(b, QUERY)) {
            return false;
        }
        out.parts[SEARCH_START] = out.href.len() as u32;
        out.href.extend_from_slice(query);
    }
    if let Some(f) = fragment {
        if !f.iter().all(|&b| is(b, FRAGMENT)) {
            return false;
        }
        out.parts[HASH_START] = out.href.len() as u32;
        out.href.push(b'#');
        out.href.extend_from_slice(f);
    }
    true
}

/// Where a URL's query (or, without one, its path) ends.
fn query_end(parts: &[u32; 8], len: u32) -> u32 {
    if parts[HASH_START] != OMITTED {
        parts[HASH_START]
    } else {
        len
    }
}

/// Parses `input` against `base` (a URL this module produced for a network
/// scheme) into `out`; false leaves both to ada.
pub fn parse_relative(input: &[u8], base: &Url, out: &mut Url) -> bool {
    if scheme_end(input).is_some() {
        return parse_absolute(input, out);
    }
    let b = &base.parts;
    let base_scheme = &base.href[..b[PROTOCOL_END] as usize - 1];
    let Some(scheme @ Scheme::Network(_)) = special_scheme(base_scheme) else {
        return false;
    };
    let len = base.href.len() as u32;
    let query_or_end = if b[SEARCH_START] != OMITTED {
        b[SEARCH_START]
    } else if b[HASH_START] != OMITTED {
        b[HASH_START]
    } else {
        len
    };
    let (keep, copy_query) = match input.first() {
        // `//host`: the standard's slash states, and rarely used.
        Some(b'/') if input.get(1) == Some(&b'/') => return false,
        Some(b'/') => (b[PATHNAME_START], false),
        Some(b'?') => (query_or_end, false),
        // ada drops a base's empty query ("?") here, where the standard keeps it.
        Some(b'#') if b[SEARCH_START] != OMITTED && b[SEARCH_START] + 1 == query_end(b, len) => {
            return false
        }
        Some(b'#') => (query_end(b, len), true),
        None => return false,
        Some(_) => (query_or_end, false),
    };
    out.href.clear();
    out.href.extend_from_slice(&base.href[..keep as usize]);
    out.parts = *b;
    out.parts[SEARCH_START] = OMITTED;
    out.parts[HASH_START] = OMITTED;
    if copy_query {
        out.parts[SEARCH_START] = b[SEARCH_START];
    }
    match input[0] {
        b'/' => path_query_fragment(input, scheme, out),
        b'?' | b'#' => query_fragment(input, out),
        _ => {
            // A path relative to the base's directory: drop its last segment.
            let start = b[PATHNAME_START] as usize;
            let cut = out.href[start..]
                .iter()
                .rposition(|&c| c == b'/')
                .map_or(start, |p| start + p);
            out.href.truncate(cut);
            let path_end = input
                .iter()
                .position(|&c| c == b'?' || c == b'#')
                .unwrap_or(input.len());
            segments(&input[..path_end], start, scheme, out)
                && query_fragment(&input[path_end..], out)
        }
    }
}

#[cfg(test)]
#[path = "fast_tests.rs"]
mod tests;
