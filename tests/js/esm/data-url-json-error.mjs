// A JSON module that does not parse rejects with Node 20's SyntaxError wording (the
// first comma of a data: URL ends its MIME type, so this body is `",0`).
try {
  await import('data:application/json;foo="test,",0', { with: { type: 'json' } });
} catch (err) {
  console.log(err.name, /Unterminated string in JSON at position 3/.test(err.message));
}
const ns = await import('data:application/json;foo="test,"this"', { with: { type: 'json' } });
console.log(ns.default);
