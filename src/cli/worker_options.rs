//! A Worker's execArgv (worker_threads): which options it may hold, and the option
//! values its thread runs with.
use std::collections::BTreeMap;

use super::{Collector, Kind, OptionValue, KNOWN};

/// Options that act on the whole process: a Worker's execArgv may not hold them.
const PROCESS_WIDE: &[&str] = &[
    "--title",
    "--check",
    "--interactive",
    "--env-file",
    "--stats",
    "--backend",
    "--trace-uring",
    "--trace-epoll",
];

/// A Worker's execArgv as its own option values (what it does not set comes from
/// `parent`, as node's process-wide options do), or the text of
/// ERR_WORKER_INVALID_EXEC_ARGV: the flags it refuses (V8's, process-wide ones,
/// unknown ones), or an option missing its value.
pub fn worker_option_values(
    args: &[String],
    parent: &BTreeMap<String, OptionValue>,
) -> Result<BTreeMap<String, OptionValue>, String> {
    let mut c = Collector::default();
    for (name, value) in parent {
        if PROCESS_WIDE.contains(&name.as_str()) {
            c.values.insert(name.clone(), value.clone());
        }
    }
    let mut bad = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        if name == "--no-warnings" {
            c.values
                .insert("--warnings".into(), OptionValue::Bool(false));
            continue;
        }
        let known = KNOWN
            .iter()
            .find(|(long, short, _, _)| *long == name || (!short.is_empty() && *short == name));
        match known {
            Some(&(long, _, kind, _)) if !PROCESS_WIDE.contains(&long) => {
                let value = if kind == Kind::Bool {
                    None
                } else {
                    match inline.or_else(|| it.next().cloned()) {
                        Some(v) => Some(v),
                        None => return Err(format!("{name} requires an argument")),
                    }
                };
                c.set(kind, long, value);
            }
            _ => bad.push(arg.clone()),
        }
    }
    if bad.is_empty() {
        Ok(c.values)
    } else {
        Err(bad.join(", "))
    }
}
