//! internalBinding('options'): the options coil acts on, from the command line and
//! NODE_OPTIONS together (src/cli.rs), for lib/internal/options.js.
use super::set_methods;
use crate::cli::OptionValue;
use crate::runtime::Runtime;
use crate::v8::{CallbackArgs, Local, Object, Scope, Value};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(s, target, crate::methods!["getOptions" => get_options]);
}

/// getOptions() -> { '--name': true | 'text' | ['a', 'b'] } (lib/ copies it into a null-prototype object).
fn get_options<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let o = s.object();
    for (name, value) in &Runtime::get(s).options.values {
        let v: Local<Value> = match value {
            OptionValue::Bool(b) => s.boolean(*b),
            OptionValue::Text(t) => s.string(t).value(),
            OptionValue::List(l) => {
                let items: Vec<Local<Value>> = l.iter().map(|x| s.string(x).value()).collect();
                s.array(&items).value()
            }
        };
        o.set_str(s, name, v);
    }
    args.ret(o.value());
}
