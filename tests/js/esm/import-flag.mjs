// args: --import ./fixtures/preload.mjs --import=./fixtures/preload2.cjs -r ./fixtures/plain.cjs
// --import: ES modules (or CommonJS) imported before the program runs, in order,
// each finished (its top-level await too) before the next; after -r preloads.
console.log(globalThis.preloaded.join(', '));
