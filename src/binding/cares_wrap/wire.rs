//! The DNS wire format for lib/internal/dns/channel.js, over the simple-dns crate
//! (README: why this one): a query for (name, type) under a random id, and an answer turned into
//! flat arrays JS shapes into Node's result objects:
//!   [id, rcode, truncated, [[type, ttl, ...fields], ...]]
//! with the fields per type: A/AAAA address; CNAME/NS/PTR name; MX priority,
//! exchange; TXT [strings]; SRV priority, weight, port, name; SOA nsname,
//! hostmaster, serial, refresh, retry, expire, minttl; NAPTR order, preference,
//! flags, service, regexp, replacement; CAA critical, tag, value. Other types are
//! left out. A packet that does not parse gives -1 (lib/: EBADRESP).
use std::net::{Ipv4Addr, Ipv6Addr};

use simple_dns::rdata::{RData, TXT};
use simple_dns::{Name, Packet, PacketFlag, Question, ResourceRecord, CLASS, QCLASS, QTYPE, TYPE};

use crate::v8::{CallbackArgs, Local, Scope, Value};

/// encodeQuery(name, type) -> ArrayBuffer (its first two bytes are the query's
/// id, from the kernel's random source, so answers are hard to forge), or -EINVAL
/// for a name that is no DNS name (a label over 63 bytes, a name over 255).
pub fn encode_query<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let name = a.get(0).to_rust_string(s);
    let qtype = a.get(1).integer(s).unwrap_or(1) as u16;
    match query(&name, qtype, random_id()) {
        Some(bytes) => a.ret(s.array_buffer_from_vec(bytes).value()),
        None => a.ret(s.number(-libc::EINVAL as f64)),
    }
}

/// Whether c-ares would send `name`: no empty label inside it, and no ASCII
/// besides letters, digits and `-_.*/` (bytes past ASCII pass, as c-ares lets them).
fn sendable(name: &str) -> bool {
    let inner = name.strip_suffix('.').unwrap_or(name);
    if !inner.is_empty() && inner.split('.').any(str::is_empty) {
        return false;
    }
    name.bytes()
        .all(|b| !b.is_ascii() || b.is_ascii_alphanumeric() || b"-_.*/".contains(&b))
}

fn random_id() -> u16 {
    let mut id = [0u8; 2];
    // SAFETY: writes at most 2 bytes into a local of 2 bytes.
    let n = unsafe { libc::getrandom(id.as_mut_ptr().cast(), 2, libc::GRND_NONBLOCK) };
    if n != 2 {
        // No entropy yet (early boot): the clock's nanoseconds still vary.
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        return (t ^ (t >> 16)) as u16;
    }
    u16::from_ne_bytes(id)
}

/// The query packet: one question, recursion desired (as c-ares sends).
pub fn query(name: &str, qtype: u16, id: u16) -> Option<Vec<u8>> {
    if !sendable(name) {
        return None;
    }
    let name = name.strip_suffix('.').unwrap_or(name);
    let qname = Name::new(name).ok()?;
    let qtype = QTYPE::try_from(qtype).ok()?;
    let mut packet = Packet::new_query(id);
    packet.set_flags(PacketFlag::RECURSION_DESIRED);
    packet
        .questions
        .push(Question::new(qname, qtype, QCLASS::CLASS(CLASS::IN), false));
    packet.build_bytes_vec().ok()
}

/// parseAnswer(bytes) -> [id, rcode, truncated, records] or -1.
pub fn parse_answer<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(bytes) = a.get(0).view_bytes() else {
        return a.ret(s.number(-1.0));
    };
    let Some(header) = header(bytes) else {
        return a.ret(s.number(-1.0));
    };
    let Ok(packet) = Packet::parse(bytes) else {
        return a.ret(s.number(-1.0));
    };
    let records: Vec<Local<Value>> = packet
        .answers
        .iter()
        .filter_map(|rr| record(s, rr))
        .collect();
    let items = [
        s.number(f64::from(header.0)),
        s.number(f64::from(header.1)),
        s.boolean(header.2),
        s.array(&records).value(),
    ];
    a.ret(s.array(&items).value());
}

/// (id, rcode, truncated) from the 12-byte header.
fn header(bytes: &[u8]) -> Option<(u16, u8, bool)> {
    if bytes.len() < 12 {
        return None;
    }
    let id = u16::from_be_bytes([bytes[0], bytes[1]]);
    Some((id, bytes[3] & 0x0f, bytes[2] & 0x02 != 0))
}

fn record<'s>(s: &Scope<'s>, rr: &ResourceRecord) -> Option<Local<'s, Value>> {
    let num = |n: f64| s.number(n);
    let text = |t: &str| s.string(t).value();
    let (ty, fields): (TYPE, Vec<Local<Value>>) = match &rr.rdata {
        RData::A(r) => (TYPE::A, vec![text(&Ipv4Addr::from(r.address).to_string())]),
        RData::AAAA(r) => (
            TYPE::AAAA,
            vec![text(&Ipv6Addr::from(r.address).to_string())],
        ),
        RData::CNAME(r) => (TYPE::CNAME, vec![text(&r.0.to_string())]),
        RData::NS(r) => (TYPE::NS, vec![text(&r.0.to_string())]),
        RData::PTR(r) => (TYPE::PTR, vec![text(&r.0.to_string())]),
        RData::MX(r) => (
            TYPE::MX,
            vec![num(f64::from(r.preference)), text(&r.exchange.to_string())],
        ),
        RData::TXT(r) => {
            let strings: Vec<Local<Value>> = txt_strings(r).iter().map(|t| text(t)).collect();
            (TYPE::TXT, vec![s.array(&strings).value()])
        }
        RData::SRV(r) => (
            TYPE::SRV,
            vec![
                num(f64::from(r.priority)),
                num(f64::from(r.weight)),
                num(f64::from(r.port)),
                text(&r.target.to_string()),
            ],
        ),
        RData::SOA(r) => (
            TYPE::SOA,
            vec![
                text(&r.mname.to_string()),
                text(&r.rname.to_string()),
                num(f64::from(r.serial)),
                num(f64::from(r.refresh as u32)),
                num(f64::from(r.retry as u32)),
                num(f64::from(r.expire as u32)),
                num(f64::from(r.minimum)),
            ],
        ),
        RData::NAPTR(r) => (
            TYPE::NAPTR,
            vec![
                num(f64::from(r.order)),
                num(f64::from(r.preference)),
                text(&r.flags.to_string()),
                text(&r.services.to_string()),
                text(&r.regexp.to_string()),
                text(&r.replacement.to_string()),
            ],
        ),
        RData::CAA(r) => (
            TYPE::CAA,
            vec![
                num(f64::from(r.flag)),
                text(&r.tag.to_string()),
                text(&String::from_utf8_lossy(&r.value)),
            ],
        ),
        _ => return None,
    };
    let mut items = vec![num(f64::from(u16::from(ty))), num(f64::from(rr.ttl))];
    items.extend(fields);
    Some(s.array(&items).value())
}

/// A TXT record's strings, each on its own. simple-dns keeps them private (it
/// offers only key=value attributes, or all of them joined), so the record is
/// written into a packet of its own and its RDATA read back: a list of
/// length-prefixed strings.
fn txt_strings(txt: &TXT) -> Vec<String> {
    let mut packet = Packet::new_reply(0);
    packet.answers.push(ResourceRecord::new(
        Name::new_unchecked(""),
        CLASS::IN,
        0,
        RData::TXT(txt.clone()),
    ));
    let Ok(bytes) = packet.build_bytes_vec() else {
        return Vec::new();
    };
    // Header (12), the root name (1), type, class, ttl, rdlength (10).
    let mut rdata = bytes.get(23..).unwrap_or_default();
    let mut out = Vec::new();
    while let Some((&len, rest)) = rdata.split_first() {
        let len = (len as usize).min(rest.len());
        out.push(String::from_utf8_lossy(&rest[..len]).into_owned());
        rdata = &rest[len..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_names_its_question() {
        let q = query("a.test.", 28, 0x1234).unwrap();
        assert_eq!(&q[..2], &[0x12, 0x34]);
        assert_eq!(q[2] & 0x01, 0x01, "recursion desired");
        assert_eq!(&q[12..20], b"\x01a\x04test\x00");
        assert_eq!(&q[20..24], &[0, 28, 0, 1]);
        assert!(
            query(&"x".repeat(64), 1, 0).is_none(),
            "a label over 63 bytes"
        );
    }

    #[test]
    fn txt_strings_stay_apart() {
        let mut txt = TXT::new();
        txt.add_string("v=spf1").unwrap();
        txt.add_string(" -all").unwrap();
        txt.add_string("").unwrap();
        assert_eq!(txt_strings(&txt), ["v=spf1", " -all", ""]);
    }

    #[test]
    fn the_header_gives_id_rcode_and_truncation() {
        let bytes = [0xab, 0xcd, 0x82, 0x83, 0, 0, 0, 0, 0, 0, 0, 0];
        assert_eq!(header(&bytes), Some((0xabcd, 3, true)));
        assert_eq!(header(&bytes[..5]), None);
    }
}
