//! internalBinding('cares_wrap'): what lib/dns.js needs from native code, after
//! Node's binding of that name (coil has no c-ares: the resolver is JS over the
//! loop's socket ops, docs/net.md).
//! - getaddrinfo / getnameinfo: the system's resolver (files, then DNS as
//!   nsswitch.conf says), which may block for seconds, so each call is an op
//!   that runs on the backend's work pool on both drivers (`Inline::on_pool`).
//! - encodeQuery / parseAnswer: the DNS wire format (wire.rs, over simple-dns).
//! - udpOpen / udpBind / udpConnect / send / recv / close: a connected UDP socket per query
//!   (udp.rs), its datagrams sent and received as ops on the loop.
use std::ffi::CString;

use super::fs::args;
use super::set_methods;
use crate::backend::op::{Inline, InlineOutput};
use crate::backend::sockaddr::SockAddr;
use crate::backend::{Op, OpBox};
use crate::runtime::{Finish, Runtime};
use crate::v8::{CallbackArgs, Local, Object, Scope, ValueKind};

mod addrinfo;
mod idna;
mod udp;
mod wire;

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "getaddrinfo" => getaddrinfo,
            "getnameinfo" => getnameinfo,
            "encodeQuery" => wire::encode_query,
            "parseAnswer" => wire::parse_answer,
            "udpOpen" => udp::open,
            "udpConnect" => udp::connect,
            "udpBind" => udp::bind,
            "send" => udp::send,
            "recv" => udp::recv,
            "close" => udp::close,
        ],
    );
    for (name, value) in [
        ("maxDatagram", udp::DATAGRAM_MAX as i32),
        ("AI_ADDRCONFIG", libc::AI_ADDRCONFIG),
        ("AI_V4MAPPED", libc::AI_V4MAPPED),
        ("AI_ALL", libc::AI_ALL),
    ] {
        target.set_str(s, name, s.number(value as f64));
    }
}

fn output<T: 'static>(op: Option<Op>) -> Option<T> {
    let Some(Op::Inline(mut op)) = op else {
        return None;
    };
    op.output.take()?.downcast::<T>().ok().map(|b| *b)
}

/// getaddrinfo(req, hostname, family 0|4|6, hints) -> 0 or -EINVAL (a name over
/// 255 bytes); on the pool, then
/// req.oncomplete(null, [address, family, ...] in getaddrinfo's order | uv errno).
fn getaddrinfo<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = a.get(0).to::<Object>(ValueKind::Object) else {
        return;
    };
    let host = a.get(1).to_rust_string(s);
    let family = args::int(s, a, 2) as i32;
    let hints = args::int(s, a, 3) as i32;
    // As libuv: non-ASCII labels in punycode, EINVAL past 255 bytes (at once).
    let host = match idna::to_ascii(&host) {
        Ok(h) => h,
        Err(e) => return a.ret(s.number(-e as f64)),
    };
    let Ok(host) = CString::new(host) else {
        // A NUL inside the name: getaddrinfo would see a shorter one.
        return a.ret(s.number(addrinfo::EAI_NONAME_UV as f64));
    };
    let op = Inline::on_pool("getaddrinfo", move || {
        // Inline's Err carries a positive code, which its result negates.
        addrinfo::lookup(&host, family, hints)
            .map(|v| Box::new(v) as InlineOutput)
            .map_err(|uv| -uv)
    });
    let finish: Finish = Box::new(|s, c| {
        if c.result < 0 {
            return Ok(s.number(c.result as f64));
        }
        let found: Vec<(String, u8)> = output(c.op.map(OpBox::into_op)).unwrap_or_default();
        let mut items = Vec::with_capacity(found.len() * 2);
        for (address, family) in &found {
            items.push(s.string(address).value());
            items.push(s.number(f64::from(*family)));
        }
        Ok(s.array(&items).value())
    });
    Runtime::get(s).submit_request(s, req, op.into(), finish);
    a.ret(s.number(0.0));
}

/// getnameinfo(req, address, port) -> 0 or -EINVAL (not a numeric address); on the
/// pool, then req.oncomplete(null, [hostname, service] | uv errno).
fn getnameinfo<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = a.get(0).to::<Object>(ValueKind::Object) else {
        return;
    };
    let host = a.get(1).to_rust_string(s);
    let port = args::int(s, a, 2) as u16;
    let Some(addr) = SockAddr::ip(&host, port) else {
        return a.ret(s.number(-libc::EINVAL as f64));
    };
    let op = Inline::on_pool("getnameinfo", move || {
        addrinfo::name_of(&addr)
            .map(|v| Box::new(v) as InlineOutput)
            .map_err(|uv| -uv)
    });
    let finish: Finish = Box::new(|s, c| {
        if c.result < 0 {
            return Ok(s.number(c.result as f64));
        }
        let (host, service): (String, String) =
            output(c.op.map(OpBox::into_op)).unwrap_or_default();
        Ok(
            s.array(&[s.string(&host).value(), s.string(&service).value()])
                .value(),
        )
    });
    Runtime::get(s).submit_request(s, req, op.into(), finish);
    a.ret(s.number(0.0));
}
