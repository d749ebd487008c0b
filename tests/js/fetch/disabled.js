// args: --no-experimental-fetch
// --no-experimental-fetch leaves fetch and its classes out of the globals;
// Blob and File stay.
console.log(typeof fetch, typeof Request, typeof Response, typeof Headers, typeof FormData);
console.log(typeof Blob, typeof File, Object.keys(globalThis).includes('fetch'));
