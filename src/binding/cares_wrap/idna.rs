//! A host name as getaddrinfo gets it in node: libuv turns each label that is not
//! ASCII into its punycode form ("bücher" → "xn--bcher-kva", RFC 3492), splits
//! labels at the four dots IDNA knows (. 。 ． ｡), and refuses a result longer
//! than 255 bytes (EINVAL). No other mapping is done (no case folding, no
//! normalisation), as libuv does none.

/// The name to pass to getaddrinfo, or Err(EINVAL).
pub fn to_ascii(host: &str) -> Result<String, i32> {
    let mut out = String::with_capacity(host.len());
    for (i, label) in host
        .split(['.', '\u{3002}', '\u{ff0e}', '\u{ff61}'])
        .enumerate()
    {
        if i > 0 {
            out.push('.');
        }
        if label.is_ascii() {
            out.push_str(label);
        } else {
            out.push_str("xn--");
            punycode(label, &mut out);
        }
    }
    if out.len() > 255 {
        return Err(libc::EINVAL);
    }
    Ok(out)
}

const BASE: u32 = 36;
const T_MIN: u32 = 1;
const T_MAX: u32 = 26;

fn digit(d: u32) -> char {
    // 0-25: a-z, 26-35: 0-9.
    char::from(if d < 26 {
        b'a' + d as u8
    } else {
        b'0' + (d - 26) as u8
    })
}

fn adapt(delta: u32, points: u32, first: bool) -> u32 {
    let mut delta = if first { delta / 700 } else { delta / 2 };
    delta += delta / points;
    let mut k = 0;
    while delta > ((BASE - T_MIN) * T_MAX) / 2 {
        delta /= BASE - T_MIN;
        k += BASE;
    }
    k + (BASE - T_MIN + 1) * delta / (delta + 38)
}

/// RFC 3492's encoding of `label` appended to `out`.
fn punycode(label: &str, out: &mut String) {
    let points: Vec<u32> = label.chars().map(u32::from).collect();
    let basic = points.iter().filter(|&&c| c < 0x80).count() as u32;
    out.extend(
        points
            .iter()
            .filter(|&&c| c < 0x80)
            .filter_map(|&c| char::from_u32(c)),
    );
    if basic > 0 {
        out.push('-');
    }
    let (mut n, mut delta, mut bias, mut handled) = (0x80u32, 0u32, 72u32, basic);
    let total = points.len() as u32;
    while handled < total {
        let m = points
            .iter()
            .copied()
            .filter(|&c| c >= n)
            .min()
            .unwrap_or(n);
        delta = delta.saturating_add((m - n).saturating_mul(handled + 1));
        n = m;
        for &c in &points {
            if c < n {
                delta = delta.saturating_add(1);
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        T_MIN
                    } else if k >= bias + T_MAX {
                        T_MAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    out.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta = delta.saturating_add(1);
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::to_ascii;

    #[test]
    fn labels_that_are_not_ascii_become_punycode() {
        assert_eq!(to_ascii("bücher.example").unwrap(), "xn--bcher-kva.example");
        assert_eq!(to_ascii("münchen.de").unwrap(), "xn--mnchen-3ya.de");
        assert_eq!(to_ascii("日本語。jp").unwrap(), "xn--wgv71a119e.jp");
        assert_eq!(to_ascii("localhost").unwrap(), "localhost");
        assert_eq!(to_ascii("Example.COM").unwrap(), "Example.COM");
    }

    #[test]
    fn a_name_over_255_bytes_is_einval() {
        assert!(to_ascii(&"a.".repeat(127)).is_ok());
        assert_eq!(to_ascii(&"a.".repeat(128)), Err(libc::EINVAL));
    }
}
