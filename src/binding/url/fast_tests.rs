//! fast.rs against ada: every input the fast path takes must come out as ada's
//! href and component offsets, byte for byte. Inputs: several hundred tricky ones
//! written here, generated combinations of tricky parts, and the WPT URL test data
//! when a Node test tree is on the machine (COIL_URLTESTDATA names the file; the
//! node-suite tree's copy is tried too). Nothing here depends on that file.
use super::*;
use crate::binding::url::coil_url_parse;

fn ada(input: &str, base: Option<&str>) -> Option<Url> {
    let mut parts = [0u32; 8];
    let (mut href, mut len) = (std::ptr::null(), 0usize);
    let (b, blen) = base.map_or((std::ptr::null(), 0), |b| (b.as_ptr(), b.len()));
    // SAFETY: the strings live across the call; href/len are read before the next one.
    let ok = unsafe {
        coil_url_parse(
            input.as_ptr().cast(),
            input.len(),
            b.cast(),
            blen,
            base.is_some(),
            parts.as_mut_ptr(),
            &mut href,
            &mut len,
        )
    };
    ok.then(|| Url {
        // SAFETY: href/len are ada's current URL, read before the next call.
        href: unsafe { std::slice::from_raw_parts(href, len) }.to_vec(),
        parts,
    })
}

/// The fast path as url.rs runs it: the base alone first, then the input against it.
fn fast(input: &str, base: Option<&str>) -> Option<Url> {
    let mut out = Url::default();
    match base {
        None => parse_absolute(input.as_bytes(), &mut out).then_some(out),
        Some(b) => {
            let mut parsed = Url::default();
            if !parse_absolute(b.as_bytes(), &mut parsed) {
                return None;
            }
            parse_relative(input.as_bytes(), &parsed, &mut out).then_some(out)
        }
    }
}

/// True when the fast path took it (and then agreed with ada).
fn check(input: &str, base: Option<&str>) -> bool {
    let Some(got) = fast(input, base) else {
        return false;
    };
    let want = ada(input, base);
    let show = |u: &Option<Url>| {
        u.as_ref()
            .map(|u| (String::from_utf8_lossy(&u.href).into_owned(), u.parts))
    };
    assert!(
        want.as_ref()
            .is_some_and(|w| w.href == got.href && w.parts == got.parts),
        "input {input:?} base {base:?}: fast {:?}, ada {:?}",
        show(&Some(got.clone())),
        show(&want)
    );
    true
}

const BASES: &[&str] = &[
    "http://a.b.c/d/e/f",
    "https://www.example.org/base/index.html",
    "http://h/",
    "http://h",
    "http://u:p@h:8080/p/q?x#y",
    "http://h/a?q",
    "http://h/a#f",
    "http://h/p?",
    "http://h/p#",
    "http://h/p?#",
    "http://u@h:81?",
    "https://h/p/?#f",
    "http://h/a/b/?q=1#f",
    "HTTP://H/A/../B/",
    "wss://h:443/x/y",
    "ftp://h:21/a/b",
    "file:///home/x",
    "file:///C:/x",
    "about:blank",
    "sc://h/a",
    "http://[::1]/a",
    "http://1.2.3.4/a",
];

const RELATIVE: &[&str] = &[
    "",
    "x",
    "./x",
    "../x",
    "../../../../x",
    ".",
    "..",
    "./",
    "../",
    "x/",
    "x/..",
    "x/../",
    "x/.",
    "x/./",
    "?",
    "?q",
    "?q=1&r=2",
    "#",
    "#f",
    "#f#g",
    "?q#f",
    "/",
    "/x",
    "//x",
    "///x",
    "/x?y#z",
    "/..",
    "/./x",
    "../up/../x?z#h",
    "http:x",
    "https:x",
    "x:y",
    "a%2e",
    "%2e%2e/x",
    ".%2E/x",
    "x y",
    "x?y z",
    "x#y z",
    "C:/x",
    "c:x",
    ";x",
    "~x",
    "x#a#b",
    "http://other/",
    "HTTPS://A/",
    "mailto:x",
    "x\\y",
    "\\x",
    "x?'",
    "x#'",
    "x'y",
    "a/b/c/../../d",
    "a//b",
    "a/./../b",
    "..//x",
    "x?a/b?c",
    "x#a?b/c",
    "a:b/c",
    "a@b",
    "a=b;c",
    "é",
    "%41",
    "x%",
    "x%2",
    "x%zz",
    "?%zz",
    "#%zz",
    " x",
    "x ",
    "\tx",
    "x\ny",
    "/path/to/file.html?q=search",
    "file:///z",
    "file:z",
    "ws://h/",
    "//h:80/x",
    "?a`b",
    "#a`b",
    "x`",
    "x{y}",
    "x^y",
    "x|y",
    "x[y]",
    "x\"y",
];

const ABSOLUTE: &[&str] = &[
    "https://user:pass@example.com:8080/a/b/c?x=1&y=2#frag",
    "http://[::1]:3000/",
    "file:///home/user/doc.txt",
    "http://example.com",
    "http://example.com/",
    "http://EXAMPLE.COM/A/B",
    "HTTP://example.com:80/",
    "https://example.com:443",
    "https://example.com:0443/x",
    "https://example.com:80/x",
    "http://example.com:/x",
    "http://example.com:65535/",
    "http://example.com:65536/",
    "http://example.com:99999999999999/",
    "http://example.com:1a/",
    "http://example.com: 1/",
    "http://example.com:00000000000000000000080/",
    "ws://h:80/",
    "ws://h:81/",
    "wss://h:443/",
    "wss://h:444/",
    "ftp://h:21/",
    "ftp://h:22/",
    "http://a:b:c@h/",
    "http://a@b@h/",
    "http://@h/",
    "http://:@h/",
    "http://u:@h/",
    "http://:p@h/",
    "http://u;x@h/",
    "http://u=x@h/",
    "http://u%41@h/",
    "http://u!$&()*+,~@h/",
    "http://u'@h/",
    "http://u@/",
    "http://u:p@h:8080",
    "http://u@h?q",
    "http://u@h#f",
    "http://h?q",
    "http://h#f",
    "http://h?",
    "http://h#",
    "http://h?#",
    "http://h/?#",
    "http://xn--nxasmq6b.com/",
    "http://XN--abc.com/",
    "http://a.xn--b/",
    "http://ab--c.com/",
    "http://a..b/",
    "http://a./",
    "http://.a/",
    "http://./",
    "http://../",
    "http://a.b.",
    "http://a.b.c./x",
    "http://1.2.3.4/",
    "http://a.1/",
    "http://a.0x1/",
    "http://a.0x/",
    "http://0x.a/",
    "http://a.b1/",
    "http://a.1b/",
    "http://1/",
    "http://a.09/",
    "http://999999999999/",
    "http://a_b/",
    "http://_/",
    "http://-a-/",
    "http://a!b/",
    "http://a$b/",
    "http://a%41/",
    "http://a%2ecom/",
    "http://a b/",
    "http://a\tb/",
    "http://é/",
    "http://localhost/",
    "http://LOCALHOST:8080/",
    "http://h/a/../b",
    "http://h/a/./b",
    "http://h/..",
    "http://h/../..",
    "http://h/.",
    "http://h/a/.",
    "http://h/a/..",
    "http://h/a/../",
    "http://h/a/./",
    "http://h/%2e/",
    "http://h/a/%2E%2e",
    "http://h/a/.%2e/b",
    "http://h/a b",
    "http://h/a'b",
    "http://h/a;b=c:d@e",
    "http://h/C:/x",
    "http://h/c|/x",
    "http://h//x",
    "http://h/a//b",
    "http://h/~user",
    "http://h/a%20b",
    "http://h/é",
    "http://h/{}",
    "http://h/a\\b",
    "http://h/a^b",
    "http://h/a`b",
    "http://h/a|b",
    "http://h/a\"b",
    "http://h/a<b>",
    "http://h/[x]",
    "http://h?a b",
    "http://h?a'b",
    "http://h?a\"b",
    "http://h?a/b?c",
    "http://h?%zz",
    "http://h?a#",
    "http://h#a b",
    "http://h#a`b",
    "http://h#a#b",
    "http://h#a?b/c",
    "http://h#é",
    "http:/h/",
    "http:h/",
    "http:///h/",
    "http:\\\\h\\",
    "http:/\\h/",
    " http://h/",
    "http://h/ ",
    "http://h/\n",
    "http://h\n/",
    "ht\ntp://h/",
    "file://h/x",
    "file://localhost/x",
    "file:/x",
    "file:x",
    "file:///",
    "file://",
    "file:///C:/x",
    "file:///c:",
    "file:///c|/x",
    "file:///a/C:/x",
    "file:///a/../..",
    "file:///a/./b/",
    "file:///a?q#f",
    "file:///a b",
    "file:////x",
    "FILE:///X",
    "file:///%2e%2e/x",
    "foo://h/",
    "mailto:x@y",
    "data:text/plain,x",
    "blob:http://h/x",
    "javascript:1",
    "about:blank",
    "sc:",
    "h+t://h/",
    "1http://h/",
    "http",
    "http:",
    "http:/",
    "http://",
    "https://",
    "",
    ":",
    "//h/",
    "/x",
    "?q",
    "http://h:80a/",
    "http://h:-1/",
    "http://h:+1/",
    "http://[1:2::3]/",
    "http://[::1/",
    "http://h]/",
    "http://a:b@h:8080/p?q#f",
    "https://www.example.org/base/index.html",
    "http://a.b.c/d/e/f",
];

#[test]
fn fast_path_matches_ada_on_written_inputs() {
    // Taken by the fast path: labels past DNS's 63 bytes and hosts past 253 (the URL
    // standard allows them), IPv4 addresses in their serialized form.
    let long = [
        "http://127.0.0.1:8080/x".to_string(),
        "https://10.0.255.1/".to_string(),
        format!("http://{}.com/", "a".repeat(64)),
        format!("http://{}x/", "abcdefghi.".repeat(30)),
        format!(
            "http://h/{}?{}#{}",
            "p/".repeat(500),
            "q".repeat(3000),
            "f".repeat(3000)
        ),
    ];
    for input in &long {
        assert!(check(input, None), "{input}");
    }
    let mut taken = 0;
    for input in ABSOLUTE {
        taken += usize::from(check(input, None));
        for base in BASES {
            taken += usize::from(check(input, Some(base)));
        }
    }
    for input in RELATIVE {
        taken += usize::from(check(input, None));
        for base in BASES {
            taken += usize::from(check(input, Some(base)));
        }
    }
    // The fast path must really be exercised, not fall back everywhere.
    assert!(taken > 1200, "fast path took only {taken} inputs");
}

/// A deterministic mix of tricky parts: xorshift picks, so every run checks the
/// same combinations.
#[test]
fn fast_path_matches_ada_on_generated_inputs() {
    const SCHEMES: &[&str] = &[
        "http", "HTTP", "https", "hTTps", "ws", "wss", "ftp", "file", "foo", "h+t",
    ];
    const SEPS: &[&str] = &["://", "://", "://", ":/", ":", ":///", "://///"];
    const AUTHS: &[&str] = &[
        "",
        "a",
        "example.com",
        "EXAMPLE.com",
        "user@a",
        "user:pass@a",
        ":pass@a",
        "user:@a",
        "@a",
        "a@b@c",
        "a:b:c@d",
        "xn--abc.com",
        "a..b",
        "a.",
        ".a",
        "1.2.3.4",
        "a.1",
        "a.0x1",
        "a.b1",
        "a_b",
        "a-b",
        "a:80",
        "a:443",
        "a:0080",
        "a:",
        "a:65535",
        "a:65536",
        "a:8a",
        "a:21",
        "[::1]",
        "a%41",
        "a b",
        "a!b",
        "localhost",
    ];
    const SEGS: &[&str] = &[
        "a", "b", "..", ".", "", "%2e", "%2E%2e", "c:", "C|", "a b", "x;y=z", "~u", "é", "a'b",
        "q%20",
    ];
    const QUERIES: &[&str] = &["", "?", "?a=1&b=2", "?a b", "?a'b", "?a/b?c", "?%zz", "?`"];
    const FRAGS: &[&str] = &["", "#", "#f", "#a#b", "#a b", "#`", "#a?b/c", "#'"];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut pick = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let (mut taken, mut taken_relative) = (0, 0);
    for _ in 0..200_000 {
        let mut path = String::new();
        for _ in 0..pick(5) {
            path.push('/');
            path.push_str(SEGS[pick(SEGS.len())]);
        }
        let tail = format!(
            "{}{}",
            QUERIES[pick(QUERIES.len())],
            FRAGS[pick(FRAGS.len())]
        );
        let scheme = SCHEMES[pick(SCHEMES.len())];
        let url = format!(
            "{scheme}{}{}{path}{tail}",
            SEPS[pick(SEPS.len())],
            AUTHS[pick(AUTHS.len())]
        );
        taken += usize::from(check(&url, None));
        // The same path as a relative reference, with and without its leading '/'.
        let base = BASES[pick(BASES.len())];
        let relative = if pick(2) == 0 {
            format!("{path}{tail}")
        } else {
            format!("{}{tail}", path.trim_start_matches('/'))
        };
        taken_relative += usize::from(check(&relative, Some(base)));
        check(&url, Some(base));
    }
    assert!(
        taken > 4_000 && taken_relative > 15_000,
        "fast path took {taken} + {taken_relative}"
    );
}

/// WPT's urltestdata.json, when a Node test tree is at hand.
#[test]
fn fast_path_matches_ada_on_wpt_inputs() {
    let path = std::env::var("COIL_URLTESTDATA").unwrap_or_else(|_| {
        "/tmp/coil-node-test/test/fixtures/wpt/url/resources/urltestdata.json".into()
    });
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("{path} not found: WPT inputs not checked");
        return;
    };
    let cases = wpt_cases(&text);
    assert!(cases.len() > 500, "{} cases read from {path}", cases.len());
    let mut taken = 0;
    for (input, base) in &cases {
        taken += usize::from(check(input, base.as_deref()));
        // Each input against every base too, and each base alone.
        for b in BASES {
            check(input, Some(b));
        }
        if let Some(b) = base {
            check(b, None);
        }
    }
    eprintln!("WPT: {} cases, {taken} taken by the fast path", cases.len());
}

/// (input, base) of each test object in urltestdata.json: a minimal JSON reader
/// for its shape (an array of comment strings and flat objects).
fn wpt_cases(text: &str) -> Vec<(String, Option<String>)> {
    let mut chars = text.chars().peekable();
    let mut cases = Vec::new();
    let (mut key, mut input, mut base): (Option<String>, Option<String>, Option<String>) =
        (None, None, None);
    let mut depth = 0;
    while let Some(c) = chars.next() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if let Some(i) = input.take() {
                    cases.push((i, base.take()));
                }
                base = None;
            }
            '"' => {
                let mut s = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => match chars.next() {
                            Some('n') => s.push('\n'),
                            Some('t') => s.push('\t'),
                            Some('r') => s.push('\r'),
                            Some('b') => s.push('\u{8}'),
                            Some('f') => s.push('\u{c}'),
                            Some('u') => {
                                let hex = |chars: &mut std::iter::Peekable<std::str::Chars>| {
                                    let h: String = chars.take(4).collect();
                                    u32::from_str_radix(&h, 16).unwrap()
                                };
                                let mut u = hex(&mut chars);
                                if (0xD800..0xDC00).contains(&u) && chars.peek() == Some(&'\\') {
                                    chars.next();
                                    chars.next();
                                    let lo = hex(&mut chars);
                                    u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                                }
                                s.push(char::from_u32(u).unwrap_or('\u{FFFD}'));
                            }
                            Some(c) => s.push(c),
                            None => break,
                        },
                        c => s.push(c),
                    }
                }
                if depth == 1 {
                    // A key, or a string value of the key before it.
                    while chars.peek().is_some_and(|c| c.is_whitespace()) {
                        chars.next();
                    }
                    if chars.peek() == Some(&':') {
                        key = Some(s);
                    } else {
                        match key.take().as_deref() {
                            Some("input") => input = Some(s),
                            Some("base") => base = Some(s),
                            _ => {}
                        }
                    }
                }
            }
            _ => {}
        }
    }
    cases
}
