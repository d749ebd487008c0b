module.exports = { kind: typeof require === 'function' ? 'commonjs' : 'module' };
