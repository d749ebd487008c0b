//! How large a head may be, measured as Node measures it: its parser counts the
//! bytes of the request target (or of a response's reason phrase), of the field
//! names and of the field values, but not the method, the version, separators or
//! line breaks, and fails once the count reaches maxHeaderSize. A head Node takes
//! may so be larger in bytes than the limit; `raw_limit` bounds what is buffered
//! of one all the same (what Node's count leaves out is a few bytes a line).

use super::message::{err, Kind, ParseError};
use super::parse::Parser;

/// The most bytes of an unfinished head kept: four times the limit covers
/// fields down to one counted byte a line ("a:" CRLF).
pub(super) fn raw_limit(max: usize) -> usize {
    max.saturating_mul(4).saturating_add(4096)
}

/// Whether `head` (all of it when `done`, else what has come of it) is too large:
/// where the error is, else None. Heads no larger in bytes than the limit are
/// never counted.
pub(super) fn excess(head: &[u8], kind: Kind, max: usize, done: bool) -> Option<usize> {
    if head.len() <= max {
        return None;
    }
    let found = overflow_at(head, kind == Kind::Request, max);
    found.or_else(|| (!done && head.len() > raw_limit(max)).then_some(head.len()))
}

impl Parser {
    /// Fails with Node's overflow error when `excess` found one, at `lead` plus
    /// its place in the head, less the `had` bytes of it that came before.
    pub(super) fn size_error(
        &mut self,
        found: Option<usize>,
        lead: usize,
        had: usize,
    ) -> Result<(), ParseError> {
        let Some(pos) = found else { return Ok(()) };
        self.error_skip = (lead + pos).saturating_sub(had);
        Err(err("HPE_HEADER_OVERFLOW", "Header overflow"))
    }
}

/// Where in `head` Node's count reaches `max`: the byte after the span (target,
/// reason, name or value) that reached it, as llhttp reports a callback's error
/// (the end of `head` when that span is cut by it, as an unfinished head's is).
/// None while the count stays under `max`.
pub(super) fn overflow_at(head: &[u8], request: bool, max: usize) -> Option<usize> {
    let mut count = 0usize;
    let mut add = |start: usize, end: usize| {
        count += end - start;
        (count >= max).then(|| (end + 1).min(head.len()))
    };
    let line_end = |from: usize| {
        head[from..]
            .iter()
            .position(|b| *b == b'\r' || *b == b'\n')
            .map_or(head.len(), |i| from + i)
    };
    let first = line_end(0);
    let sp1 = head[..first].iter().position(|b| *b == b' ')?;
    let after = sp1 + 1;
    let span_end = if request {
        head[after..first]
            .iter()
            .position(|b| *b == b' ')
            .map_or(first, |i| after + i)
    } else {
        first
    };
    // A response's reason phrase follows the status code and its space.
    let span_start = if request {
        after
    } else {
        head[after..first]
            .iter()
            .position(|b| *b == b' ')
            .map_or(first, |i| after + i + 1)
    };
    if let Some(at) = add(span_start, span_end) {
        return Some(at);
    }
    let skip_break = |mut i: usize| {
        if i < head.len() && head[i] == b'\r' {
            i += 1;
        }
        if i < head.len() && head[i] == b'\n' {
            i += 1;
        }
        i
    };
    // Field lines up to the empty one (or the end of what has come).
    let mut line = skip_break(first);
    while line < head.len() && head[line] != b'\r' && head[line] != b'\n' {
        let end = line_end(line);
        let colon = head[line..end]
            .iter()
            .position(|b| *b == b':')
            .map_or(end, |i| line + i);
        if let Some(at) = add(line, colon) {
            return Some(at);
        }
        if colon < end {
            let value = head[colon + 1..end]
                .iter()
                .position(|b| *b != b' ' && *b != b'\t')
                .map_or(end, |i| colon + 1 + i);
            if let Some(at) = add(value, end) {
                return Some(at);
            }
        }
        line = skip_break(end);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::overflow_at;

    #[test]
    fn counts_target_names_and_values_only() {
        // "/", "Host", "x", "A", "bc": 9 bytes.
        let head = b"GET / HTTP/1.1\r\nHost: x\r\nA:   bc\r\n\r\n";
        assert_eq!(overflow_at(head, true, 10), None);
        // The tenth byte would be past "bc": 9 reaches 9 at the end of "bc".
        let bc_end = head.len() - 4;
        assert_eq!(overflow_at(head, true, 9), Some(bc_end + 1));
        // Reached inside the target: after its span.
        assert_eq!(overflow_at(head, true, 1), Some(6));
        // A response counts its reason phrase.
        let res = b"HTTP/1.1 200 OK\r\nA: b\r\n\r\n";
        assert_eq!(overflow_at(res, false, 4), Some(res.len() - 4 + 1));
        assert_eq!(overflow_at(res, false, 5), None);
        // An unfinished head: a cut value fails at the end.
        let cut = b"GET / HTTP/1.1\r\nX: aaaaaaaa";
        assert_eq!(overflow_at(cut, true, 5), Some(cut.len()));
    }
}
