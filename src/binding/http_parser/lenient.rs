//! insecureHTTPParser: the few things llhttp lets through when a server or client
//! asks for leniency, and coil's strict parse refuses. A field value may hold
//! control bytes, and a field may be folded onto the next line (obs-fold, which
//! comes out joined without the line break); Content-Length beside a chunked
//! Transfer-Encoding is in `fields::read_framing`. The strict parse runs first:
//! only a head it refused is loosened, so leniency costs nothing otherwise.
use super::message::ParseError;

/// A refused head, made parseable: `parsed` is what httparse reads (a control
/// byte in a value stands in as '!'), `delivered` the same bytes with the control
/// bytes kept, from which the field values are taken. Same length, same layout.
pub(super) struct Loosened {
    pub(super) parsed: Vec<u8>,
    pub(super) delivered: Vec<u8>,
}

/// Whether leniency could make a head that failed with `e` parse.
pub(super) fn may_help(e: &ParseError) -> bool {
    e.code == "HPE_INVALID_HEADER_TOKEN"
}

pub(super) fn loosen(head: &[u8]) -> Loosened {
    let mut delivered = Vec::with_capacity(head.len());
    let first_line_end = head
        .windows(2)
        .position(|w| w == b"\r\n")
        .unwrap_or(head.len());
    delivered.extend_from_slice(&head[..first_line_end]);
    let mut i = first_line_end;
    while i < head.len() {
        let folded = head[i..].starts_with(b"\r\n")
            && matches!(head.get(i + 2), Some(b' ' | b'\t'))
            && i + 2 < head.len();
        if folded {
            i += 2; // the line break goes, the whitespace stays
        } else {
            delivered.push(head[i]);
            i += 1;
        }
    }
    let mut parsed = delivered.clone();
    let mut in_value = false;
    for byte in parsed.iter_mut().skip(first_line_end) {
        match *byte {
            b'\r' | b'\n' => in_value = false,
            b':' if !in_value => in_value = true,
            b if in_value && (b < 0x20 && b != b'\t' || b == 0x7f) => *byte = b'!',
            _ => {}
        }
    }
    Loosened { parsed, delivered }
}

/// httparse's fields over `parsed`, re-pointed at the same places in `delivered`.
pub(super) fn remap<'b>(
    fields: &[httparse::Header<'b>],
    parsed: &[u8],
    delivered: &'b [u8],
) -> Vec<httparse::Header<'b>> {
    fields
        .iter()
        .map(|h| {
            let at = h.value.as_ptr() as usize - parsed.as_ptr() as usize;
            httparse::Header {
                name: h.name,
                value: &delivered[at..at + h.value.len()],
            }
        })
        .collect()
}
