'use strict';
// A REPL's history kept in a file between sessions: read at start (newest entry
// first, one per line, as node's ~/.node_repl_history), rewritten on every
// 'history' event, created with mode 0600. Only a terminal REPL keeps history.

const fs = require('fs');
const {
  ArrayPrototypeJoin,
  ArrayPrototypeSlice,
  RegExpPrototypeSymbolSplit,
  StringPrototypeTrim,
} = primordials;

function setupHistory(server, historyPath, ready) {
  if (typeof ready !== 'function') ready = () => {};
  if (typeof historyPath === 'string') historyPath = StringPrototypeTrim(historyPath);
  if (!historyPath) {
    process.nextTick(ready, null, server);
    return;
  }
  let text;
  try {
    // Created (0600) when missing, as node does, terminal or not.
    fs.closeSync(fs.openSync(historyPath, 'a+', 0o600));
    text = fs.readFileSync(historyPath, 'utf8');
  } catch (err) {
    process.nextTick(ready, err);
    return;
  }
  if (!server.terminal) {
    process.nextTick(ready, null, server);
    return;
  }
  // node keeps what its split gives, the empty entry after a last newline too.
  server.history = text === '' ? [] :
    ArrayPrototypeSlice(RegExpPrototypeSymbolSplit(/[\n\r]+/, text), 0, server.historySize);
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
