// process.version is the Node version coil follows (packages such as yargs and npm
// refuse to run on an old one), and agrees with process.versions.node.
'use strict';
console.log(process.version === `v${process.versions.node}`);
console.log(/^v\d+\.\d+\.\d+$/.test(process.version));
console.log(Number(process.version.match(/^v(\d+)/)[1]) >= 20);
console.log(process.release.name);
