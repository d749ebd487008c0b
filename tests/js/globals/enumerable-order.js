// The enumerable globals are node's, no more and no fewer, in node's order (what
// Object.keys and for-in over globalThis show); each is writable and configurable.
console.log(Object.keys(globalThis).join('\n'));
for (const k of Object.keys(globalThis)) {
  const d = Object.getOwnPropertyDescriptor(globalThis, k);
  if (!d.configurable || (('value' in d) && !d.writable)) console.log('not writable/configurable:', k);
}
