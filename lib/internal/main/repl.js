'use strict';
// `coil` with no script on a terminal, and `coil -i`: a REPL over stdin/stdout in
// the global scope, its history in ~/.coil_repl_history (COIL_REPL_HISTORY, or
// node's NODE_REPL_HISTORY, names another file; '' keeps none), the process
// exiting when the REPL does.

const {
  NumberParseInt,
} = primordials;

function startRepl() {
  const repl = require('repl');
  const path = require('path');
  const os = require('os');
  const env = process.env;
  let historySize = NumberParseInt(env.NODE_REPL_HISTORY_SIZE, 10);
  if (!(historySize >= 0)) historySize = 1000;
  process.stdout.write(`Welcome to coil v${process.versions.coil} (Node.js ${process.version} API).\n` +
    'Type ".help" for more information.\n');
  const server = repl.start({
    __proto__: null,
    prompt: '> ',
    useGlobal: true,
    ignoreUndefined: false,
    historySize,
  });
  let historyFile = env.COIL_REPL_HISTORY ?? env.NODE_REPL_HISTORY;
  if (historyFile === undefined) historyFile = path.join(os.homedir(), '.coil_repl_history');
  server.setupHistory(historyFile, () => {});
  server.on('exit', () => process.exit());
}

module.exports = { startRepl };
