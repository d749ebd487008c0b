'use strict';
// A REPL's history kept in a file between sessions: read at start (newest entry
// first, one per line, as node's ~/.node_repl_history), rewritten on every
// 'history' event, created with mode 0600. Only a terminal REPL keeps history.

const fs = require('fs');
const {
  ArrayPrototypeFilter,
  ArrayPrototypeJoin,
  ArrayPrototypeSlice,
  RegExpPrototypeSymbolSplit,
  StringPrototypeTrim,
} = primordials;

function setupHistory(server, historyPath, ready) {
  if (typeof ready !== 'function') ready = () => {};
  if (typeof historyPath === 'string') historyPath = StringPrototypeTrim(historyPath);
  if (!server.terminal || !historyPath) {
    process.nextTick(ready, null, server);
    return;
  }
  let text = '';
  try {
    text = fs.readFileSync(historyPath, 'utf8');
  } catch (err) {
    if (err.code !== 'ENOENT') {
      process.nextTick(ready, err);
      return;
    }
  }
  const saved = ArrayPrototypeFilter(RegExpPrototypeSymbolSplit(/\r?\n/, text), (l) => l !== '');
  server.history = ArrayPrototypeSlice(saved, 0, server.historySize);
  server.on('history', (history) => {
    try {
      fs.writeFileSync(historyPath, ArrayPrototypeJoin(history, '\n'), { __proto__: null, mode: 0o600 });
    } catch (err) {
      server.output.write(`\nError: Could not write to history file: ${err.message}\n`);
    }
  });
  process.nextTick(ready, null, server);
}

module.exports = { setupHistory };
