// fetch of the schemes answered without a network: blob: URLs from
// URL.createObjectURL (GET only; a revoked or unknown one fails), and the
// causes node gives for about:, file: and an unknown scheme.
async function main() {
  const url = URL.createObjectURL(new Blob(['blob body'], { type: 'text/x-blob' }));
  const res = await fetch(url);
  console.log(res.status, res.statusText, [...res.headers], await res.text(), res.url === url);
  const copy = await fetch(url);
  console.log(new Uint8Array(await copy.arrayBuffer()).length);
  for (const [target, init] of [
    [url, { method: 'POST', body: 'x' }],
    ['blob:nodedata:00000000-0000-0000-0000-000000000000', undefined],
    ['about:blank', undefined],
    ['file:///etc/hostname', undefined],
    ['gopher://example/', undefined],
  ]) {
    try {
      await fetch(target, init);
      console.log('resolved');
    } catch (err) {
      console.log(err.name, err.message, '| cause:', err.cause.name, err.cause.message);
    }
  }
  URL.revokeObjectURL(url);
  await fetch(url).catch((err) => console.log('revoked:', err.cause.message));
}
main();
