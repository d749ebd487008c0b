'use strict';
// The context's promise hooks. V8 keeps one init, before, after and resolve hook
// per context (Context::SetPromiseHooks); async_hooks and v8.promiseHooks share
// them through here. A kind with one hook has it installed as it is, so a lone
// async_hooks hook pays no dispatch; with several, a dispatcher calls each in the
// order they were added. Binding: async_context.setPromiseHooks.

const { ArrayPrototypeIndexOf, ArrayPrototypePush, ArrayPrototypeSlice, ArrayPrototypeSplice } = primordials;
const { setPromiseHooks } = internalBinding('async_context');

const KINDS = ['init', 'before', 'after', 'settled'];
const lists = { __proto__: null, init: [], before: [], after: [], settled: [] };

function dispatcher(list) {
  if (list.length === 0) return undefined;
  if (list.length === 1) return list[0];
  return function promiseHook(promise, parent) {
    for (let i = 0; i < list.length; i++) list[i](promise, parent);
  };
}

function install() {
  setPromiseHooks(dispatcher(lists.init), dispatcher(lists.before),
                  dispatcher(lists.after), dispatcher(lists.settled));
}

// Adds `fn` as a hook of `kind`; returns the function that removes it. The lists
// are replaced, not changed, so a dispatcher running keeps the list it started.
function addHook(kind, fn) {
  const list = ArrayPrototypeSlice(lists[kind]);
  ArrayPrototypePush(list, fn);
  lists[kind] = list;
  install();
  let removed = false;
  return function removeHook() {
    if (removed) return;
    removed = true;
    const now = ArrayPrototypeSlice(lists[kind]);
    const i = ArrayPrototypeIndexOf(now, fn);
    if (i !== -1) ArrayPrototypeSplice(now, i, 1);
    lists[kind] = now;
    install();
  };
}

module.exports = { KINDS, addHook };
