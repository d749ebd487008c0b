// import() from CommonJS: an ES module, a CommonJS module (default plus detected
// names), a built-in and a JSON file, each giving the same namespace every time;
// a missing file rejects with ERR_MODULE_NOT_FOUND.
(async () => {
  const esm = await import('./fixtures/lib.mjs');
  console.log(esm.alpha, typeof esm.default);
  const cjs = await import('./fixtures/plain.cjs');
  console.log(cjs.default, cjs.kind);
  const fs = await import('fs');
  console.log(fs.default === require('fs'), (await import('node:fs')) === fs);
  const json = await import('./fixtures/data.json', { assert: { type: 'json' } });
  console.log(json.default.name);
  console.log((await import('./fixtures/lib.mjs')) === esm);
  await import('./fixtures/missing.mjs').catch((err) => console.log(err.code));
  const evaluated = eval('import("./fixtures/more.mjs")');
  console.log((await evaluated).beta);
})();
