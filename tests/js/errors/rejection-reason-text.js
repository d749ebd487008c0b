// exit: 1
// An unhandled rejection's non-Error reason is named without running any of its
// code: a string as it is, an object by its class, never through its toString.
'use strict';
process.on('exit', () => console.log('exit'));
Promise.reject({ toString() { console.log('toString ran'); return 'x'; } });
