//! Unit tests of the HTTP parser: framing, split input, pipelining and each
//! request-smuggling defence, fed whole and one byte at a time.
use super::*;
use crate::binding::http_parser::message::F_HOST;

/// Records what the parser reports, as text.
#[derive(Default)]
struct Log {
    events: Vec<String>,
    data: Vec<u8>,
    skip_body: bool,
}

impl Sink for Log {
    fn on_head(&mut self, h: &Head) -> Next {
        let fields: Vec<String> = h
            .headers
            .iter()
            .map(|f| format!("{}={}", f.name, String::from_utf8_lossy(f.value)))
            .collect();
        self.events.push(format!(
            "head {} {} 1.{} [{}] {:#x}",
            h.method_or_status,
            String::from_utf8_lossy(h.target),
            h.minor,
            fields.join(","),
            h.flags
        ));
        if self.skip_body {
            Next::SkipBody
        } else {
            Next::Go
        }
    }
    fn on_body(&mut self, start: usize, len: usize) -> Next {
        self.events.push(format!(
            "body {}",
            String::from_utf8_lossy(&self.data[start..start + len])
        ));
        Next::Go
    }
    fn on_complete(&mut self, trailers: &[httparse::Header]) -> Next {
        let fields: Vec<String> = trailers
            .iter()
            .map(|f| format!("{}={}", f.name, String::from_utf8_lossy(f.value)))
            .collect();
        self.events.push(format!("complete [{}]", fields.join(",")));
        Next::Go
    }
}

/// Parses `input` in one piece: the events, or the error code.
fn whole(kind: Kind, input: &str) -> Result<Vec<String>, &'static str> {
    let mut p = Parser::new(kind, DEFAULT_MAX_HEADER_SIZE);
    let mut log = Log {
        data: input.as_bytes().to_vec(),
        ..Log::default()
    };
    let data = log.data.clone();
    p.execute(&data, &mut log).map_err(|e| e.0.code)?;
    Ok(log.events)
}

/// Parses `input` one byte per execute; body parts are merged for comparison.
fn bytewise(kind: Kind, input: &str) -> Result<Vec<String>, &'static str> {
    let mut p = Parser::new(kind, DEFAULT_MAX_HEADER_SIZE);
    let mut log = Log::default();
    for b in input.as_bytes() {
        log.data = vec![*b];
        p.execute(&[*b], &mut log).map_err(|e| e.0.code)?;
    }
    Ok(merge_bodies(log.events))
}

/// Adjacent body parts as one (how the input was split is not compared).
fn merge_bodies(events: Vec<String>) -> Vec<String> {
    let mut merged: Vec<String> = Vec::new();
    for e in events {
        match (merged.last_mut(), e.strip_prefix("body ")) {
            (Some(last), Some(rest)) if last.starts_with("body ") => last.push_str(rest),
            _ => merged.push(e),
        }
    }
    merged
}

fn both(input: &str) -> Result<Vec<String>, &'static str> {
    let a = whole(Kind::Request, input);
    let b = bytewise(Kind::Request, input);
    assert_eq!(
        a.clone().map(merge_bodies),
        b,
        "whole and byte-at-a-time differ for {input:?}"
    );
    a
}

#[test]
fn get_without_body_completes_with_its_head() {
    let ev = both("GET /a?b HTTP/1.1\r\nHost: x\r\nX-Y:  v  \r\n\r\n").unwrap();
    let flags = F_KEEP_ALIVE | F_NO_BODY | F_HOST;
    assert_eq!(
        ev,
        vec![format!("head 6 /a?b 1.1 [Host=x,X-Y=v] {flags:#x}")]
    );
}

#[test]
fn runs_of_spaces_in_the_request_line_are_taken_as_llhttp_does() {
    let ev = both("GET  /x  HTTP/1.1\r\nHost: h\r\n\r\n").unwrap();
    assert!(ev[0].starts_with("head 6 /x 1.1"), "{ev:?}");
}

#[test]
fn content_length_body_and_pipelining() {
    let ev =
        both("POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET /2 HTTP/1.1\r\n\r\n").unwrap();
    assert_eq!(ev[1], "body abc");
    assert_eq!(ev[2], "complete []");
    assert!(ev[3].starts_with("head 6 /2 1.1"));
}

#[test]
fn chunked_body_with_extensions_and_trailers() {
    let ev = both(
        "POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n3;a=b;c=\"d e\"\r\nabc\r\nA\r\n0123456789\r\n0\r\nX-T: 1\r\n\r\n",
    )
    .unwrap();
    assert_eq!(
        &ev[1..],
        ["body abc", "body 0123456789", "complete [X-T=1]"]
    );
}

#[test]
fn http10_keep_alive_only_when_asked() {
    let ev = both("GET / HTTP/1.0\r\n\r\n").unwrap();
    assert!(ev[0].ends_with(&format!("{:#x}", F_NO_BODY)));
    let ev = both("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").unwrap();
    assert!(ev[0].ends_with(&format!("{:#x}", F_NO_BODY | F_KEEP_ALIVE)));
}

#[test]
fn data_after_connection_close_is_refused() {
    let r = whole(
        Kind::Request,
        "GET / HTTP/1.1\r\nConnection: close\r\n\r\nGET / HTTP/1.1\r\n\r\n",
    );
    assert_eq!(r, Err("HPE_CLOSED_CONNECTION"));
}

#[test]
fn upgrade_stops_after_the_head() {
    let mut p = Parser::new(Kind::Request, DEFAULT_MAX_HEADER_SIZE);
    let input = b"GET / HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\nrest";
    let mut log = Log {
        data: input.to_vec(),
        ..Log::default()
    };
    assert_eq!(p.execute(input, &mut log), Ok(input.len() - 4));
    assert!(log.events[0].ends_with(&format!("{:#x}", F_KEEP_ALIVE | F_UPGRADE | F_NO_BODY)));
    // Nobody takes it: the head is a plain message and parsing goes on.
    struct Refuse(Log);
    impl Sink for Refuse {
        fn on_head(&mut self, h: &Head) -> Next {
            self.0.on_head(h);
            Next::NotUpgrade
        }
        fn on_body(&mut self, s: usize, l: usize) -> Next {
            self.0.on_body(s, l)
        }
        fn on_complete(&mut self, t: &[httparse::Header]) -> Next {
            self.0.on_complete(t)
        }
    }
    let input =
        b"GET / HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: x\r\n\r\nGET /2 HTTP/1.1\r\n\r\n";
    let mut p = Parser::new(Kind::Request, DEFAULT_MAX_HEADER_SIZE);
    let mut sink = Refuse(Log {
        data: input.to_vec(),
        ..Log::default()
    });
    assert_eq!(p.execute(input, &mut sink), Ok(input.len()));
    assert_eq!(sink.0.events.len(), 2);
}

#[test]
fn smuggling_and_malformed_heads_are_refused() {
    let cases = [
        ("FOO / HTTP/1.1\r\n\r\n", "HPE_INVALID_METHOD"),
        ("get / HTTP/1.1\r\n\r\n", "HPE_INVALID_METHOD"),
        ("GET / HTTP/1.1\nHost: x\n\n", "HPE_INVALID_VERSION"),
        ("GET / HTTP/1.1\r\nHost: x\n\r\n", "HPE_CR_EXPECTED"),
        ("GET / HTTP/1.1\r\nHost: x\rY\r\n\r\n", "HPE_LF_EXPECTED"),
        (
            "GET / HTTP/1.1\r\nHost : x\r\n\r\n",
            "HPE_INVALID_HEADER_TOKEN",
        ),
        (
            "GET / HTTP/1.1\r\nHost: x\r\n y\r\n\r\n",
            "HPE_INVALID_HEADER_TOKEN",
        ),
        (
            "GET / HTTP/1.1\r\nX: a\x01b\r\n\r\n",
            "HPE_INVALID_HEADER_TOKEN",
        ),
        ("GET / HTTP/1.2\r\n\r\n", "HPE_INVALID_VERSION"),
        (
            "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
            "HPE_INVALID_TRANSFER_ENCODING",
        ),
        (
            "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc",
            "HPE_UNEXPECTED_CONTENT_LENGTH",
        ),
        (
            "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
            "HPE_UNEXPECTED_CONTENT_LENGTH",
        ),
        (
            "POST / HTTP/1.1\r\nContent-Length: 3, 3\r\n\r\nabc",
            "HPE_INVALID_CONTENT_LENGTH",
        ),
        (
            "POST / HTTP/1.1\r\nContent-Length: +3\r\n\r\nabc",
            "HPE_INVALID_CONTENT_LENGTH",
        ),
        (
            "POST / HTTP/1.1\r\nContent-Length: \r\n\r\n",
            "HPE_INVALID_CONTENT_LENGTH",
        ),
        (
            "POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n",
            "HPE_INVALID_CONTENT_LENGTH",
        ),
        (
            "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n",
            "HPE_INVALID_TRANSFER_ENCODING",
        ),
        (
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\n",
            "HPE_INVALID_TRANSFER_ENCODING",
        ),
        (
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
            "HPE_INVALID_TRANSFER_ENCODING",
        ),
    ];
    for (input, code) in cases {
        assert_eq!(whole(Kind::Request, input), Err(code), "{input:?}");
        assert_eq!(
            bytewise(Kind::Request, input),
            Err(code),
            "bytewise {input:?}"
        );
    }
}

#[test]
fn bad_chunks_are_refused() {
    let head = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
    let cases = [
        ("x\r\nabc\r\n0\r\n\r\n", "HPE_INVALID_CHUNK_SIZE"),
        ("3 \r\nabc\r\n0\r\n\r\n", "HPE_INVALID_CHUNK_SIZE"),
        ("\r\n", "HPE_INVALID_CHUNK_SIZE"),
        ("10000000000000000\r\n", "HPE_INVALID_CHUNK_SIZE"),
        ("3\nabc\n0\n\n", "HPE_CR_EXPECTED"),
        ("3\rabc", "HPE_STRICT"),
        ("3\r\nabcX\r\n", "HPE_STRICT"),
        ("3;\r\nabc\r\n", "HPE_STRICT"),
        ("3;a b\r\nabc\r\n", "HPE_STRICT"),
        ("3;a=\"b\x01\"\r\nabc\r\n", "HPE_STRICT"),
        ("3;a=\r\nabc\r\n", "HPE_STRICT"),
        (
            "3\r\nabc\r\n0\r\nX: 1\r\nY\r\n\r\n",
            "HPE_INVALID_HEADER_TOKEN",
        ),
    ];
    for (body, code) in cases {
        let input = format!("{head}{body}");
        assert_eq!(whole(Kind::Request, &input), Err(code), "{body:?}");
        assert_eq!(
            bytewise(Kind::Request, &input),
            Err(code),
            "bytewise {body:?}"
        );
    }
    let long_ext = format!("{head}3;{}\r\n", "a".repeat(MAX_CHUNK_EXTENSIONS + 1));
    assert_eq!(
        whole(Kind::Request, &long_ext),
        Err("HPE_CHUNK_EXTENSIONS_OVERFLOW")
    );
}

#[test]
fn header_overflow_whole_and_split() {
    let big = format!(
        "GET / HTTP/1.1\r\nX: {}\r\n\r\n",
        "a".repeat(DEFAULT_MAX_HEADER_SIZE)
    );
    assert_eq!(whole(Kind::Request, &big), Err("HPE_HEADER_OVERFLOW"));
    let mut p = Parser::new(Kind::Request, DEFAULT_MAX_HEADER_SIZE);
    let mut log = Log::default();
    let r = big
        .as_bytes()
        .chunks(1000)
        .try_for_each(|c| p.execute(c, &mut log).map(|_| ()));
    assert_eq!(r.map_err(|e| e.0.code), Err("HPE_HEADER_OVERFLOW"));
    // Just under the limit, with many fields (past the stack array), passes.
    let many: String = (0..300).map(|i| format!("X-{i}: v\r\n")).collect();
    let ok = format!("GET / HTTP/1.1\r\n{many}\r\n");
    let ev = both(&ok).unwrap();
    assert_eq!(ev.len(), 1);
}

#[test]
fn responses_frame_by_status_length_and_eof() {
    let ev = whole(
        Kind::Response,
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi",
    )
    .unwrap();
    assert_eq!(ev.len(), 4, "{ev:?}");
    assert!(ev[0].starts_with("head 100 Continue"));
    let ev = whole(
        Kind::Response,
        "HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n",
    )
    .unwrap();
    assert_eq!(ev.len(), 1);
    let mut p = Parser::new(Kind::Response, DEFAULT_MAX_HEADER_SIZE);
    let input = b"HTTP/1.0 200 OK\r\n\r\nuntil eof";
    let mut log = Log {
        data: input.to_vec(),
        ..Log::default()
    };
    p.execute(input, &mut log).unwrap();
    p.finish(&mut log).unwrap();
    assert_eq!(&log.events[1..], ["body until eof", "complete []"]);
    // A response to HEAD: the caller skips the body its Content-Length names.
    let mut p = Parser::new(Kind::Response, DEFAULT_MAX_HEADER_SIZE);
    let input =
        b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    let mut log = Log {
        data: input.to_vec(),
        skip_body: true,
        ..Log::default()
    };
    p.execute(input, &mut log).unwrap();
    assert_eq!(log.events.len(), 2, "{:?}", log.events);
}

#[test]
fn eof_in_the_middle_of_a_message_is_an_error() {
    let mut p = Parser::new(Kind::Request, DEFAULT_MAX_HEADER_SIZE);
    let input = b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab";
    let mut log = Log {
        data: input.to_vec(),
        ..Log::default()
    };
    p.execute(input, &mut log).unwrap();
    assert_eq!(
        p.finish(&mut log).map_err(|e| e.code),
        Err("HPE_INVALID_EOF_STATE")
    );
}

#[test]
fn responses_in_http_0_9_and_2_0_parse_as_1_0() {
    for (line, minor) in [("HTTP/0.9", ODD_VERSION_09), ("HTTP/2.0", ODD_VERSION_20)] {
        let mut p = Parser::new(Kind::Response, DEFAULT_MAX_HEADER_SIZE);
        let text = format!("{line} 200 OK\r\nX: y\r\n\r\nuntil eof");
        let input = text.as_bytes();
        let mut log = Log {
            data: input.to_vec(),
            ..Log::default()
        };
        p.execute(input, &mut log).unwrap();
        p.finish(&mut log).unwrap();
        assert_eq!(log.events[0], format!("head 200 OK 1.{minor} [X=y] 0x0"));
        assert_eq!(&log.events[1..], ["body until eof", "complete []"]);
    }
    assert!(whole(Kind::Response, "HTTP/1.2 200 OK\r\n\r\n").is_err());
}
