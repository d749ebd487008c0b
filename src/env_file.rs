//! --env-file: KEY=VALUE lines read into the environment before anything runs
//! (Node 20.6+). Variables already set win over the file; `#` starts a comment
//! outside quotes; '...', "..." and `...` quote a value, which may span lines; in
//! "..." a \n is a newline; `export ` before a key is ignored.

/// The (key, value) pairs of an env file's text, in order.
pub fn parse(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let (line, after) = rest.split_once('\n').unwrap_or((rest, ""));
        rest = after;
        let line = line.trim_start();
        if line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let key = key.trim();
        let key = key.strip_prefix("export ").map(str::trim).unwrap_or(key);
        if key.is_empty() {
            continue;
        }
        let value = value.trim_start();
        let quote = value
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '\'' | '`'));
        if let Some(q) = quote {
            // The value runs to the matching quote, across lines if need be.
            let body = &value[1..];
            if let Some(end) = body.find(q) {
                push(&mut out, key, &body[..end], q);
                continue;
            }
            let joined = format!("{body}\n{rest}");
            if let Some(end) = joined.find(q) {
                let consumed = end - body.len() - 1;
                push(&mut out, key, &joined[..end], q);
                let skip = rest[consumed..]
                    .find('\n')
                    .map_or(rest.len(), |i| consumed + i + 1);
                rest = &rest[skip..];
                continue;
            }
            // No closing quote: the text is taken as is.
        }
        let value = value.split('#').next().unwrap_or("").trim_end();
        out.push((key.to_string(), value.to_string()));
    }
    out
}

fn push(out: &mut Vec<(String, String)>, key: &str, value: &str, quote: char) {
    let value = if quote == '"' {
        value.replace("\\n", "\n")
    } else {
        value.to_string()
    };
    out.push((key.to_string(), value));
}

/// Applies the file at `path` to the environment; Err(message) if it cannot be read.
pub fn apply(path: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|_| format!("coil: {path}: not found\n"))?;
    for (key, value) in parse(&text) {
        if std::env::var_os(&key).is_none() {
            std::env::set_var(key, value);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn lines_quotes_and_comments() {
        let text = "# c\nA=1\nB = two words  \nC=\"q\\nx\"\nD='s\\n'\nexport E=5\nF=a#b\n\
                    H=\"multi\nline\"\nI=\nJ\n  L=lead\nM=\"open\n";
        let got = parse(text);
        let want = [
            ("A", "1"),
            ("B", "two words"),
            ("C", "q\nx"),
            ("D", "s\\n"),
            ("E", "5"),
            ("F", "a"),
            ("H", "multi\nline"),
            ("I", ""),
            ("L", "lead"),
            ("M", "\"open"),
        ];
        let got: Vec<(&str, &str)> = got.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(got, want);
    }
}
