//! BroadcastChannel: every channel of one name, in any thread, is a port in a
//! process-wide registry; a post pushes a copy of the serialized message into each
//! other port's queue (waking its loop), so delivery is the MessagePort path.
use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};

use super::port::{Kind, Message, PortCore};
use crate::v8::SendStore;

static CHANNELS: Mutex<Option<HashMap<String, Vec<Weak<PortCore>>>>> = Mutex::new(None);

fn with<R>(f: impl FnOnce(&mut HashMap<String, Vec<Weak<PortCore>>>) -> R) -> R {
    let mut g = CHANNELS.lock().unwrap_or_else(|p| p.into_inner());
    f(g.get_or_insert_with(HashMap::new))
}

pub fn join(name: &str, core: &Arc<PortCore>) {
    with(|m| {
        let list = m.entry(name.to_string()).or_default();
        list.retain(|w| w.strong_count() > 0);
        list.push(Arc::downgrade(core));
    });
}

pub fn leave(name: &str, core: &Arc<PortCore>) {
    with(|m| {
        if let Some(list) = m.get_mut(name) {
            list.retain(|w| w.strong_count() > 0 && !std::ptr::eq(w.as_ptr(), Arc::as_ptr(core)));
            if list.is_empty() {
                m.remove(name);
            }
        }
    });
}

/// Sends the bytes to every other channel named `name`, each getting the same
/// SharedArrayBuffer memory (a broadcast has no transfer list).
pub fn post(name: &str, from: &Arc<PortCore>, data: &[u8], shared: &[SendStore]) {
    let targets: Vec<Arc<PortCore>> = with(|m| {
        m.get(name)
            .map(|l| l.iter().filter_map(Weak::upgrade).collect())
            .unwrap_or_default()
    });
    for t in targets {
        if Arc::ptr_eq(&t, from) {
            continue;
        }
        let mut msg = Message::signal(Kind::Message);
        msg.data = data.to_vec();
        msg.shared = shared.iter().map(SendStore::share).collect();
        t.push(msg);
    }
}
