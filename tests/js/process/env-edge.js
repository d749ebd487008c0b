// process.env: a name that cannot be an environment variable ('' or with '=') is
// ignored; structuredClone(process.env) gives a plain object with the same values.
process.env[''] = 'x';
process.env['a=b'] = '1';
process.env.COIL_ENV_EDGE = 42;
console.log(process.env[''], process.env['a=b'], process.env.COIL_ENV_EDGE);
const copy = structuredClone(process.env);
console.log(Object.getPrototypeOf(copy) === Object.prototype, copy.COIL_ENV_EDGE,
            Object.keys(copy).length === Object.keys(process.env).length);
