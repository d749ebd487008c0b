'use strict';
// The REPL's dot-commands: .break .clear .exit .help .load .save, and .editor on a
// terminal. Each is { help, action } in server.commands; action runs with the
// server as `this` and the rest of the line as its argument.

const fs = require('fs');
const path = require('path');
const {
  ArrayPrototypeJoin,
  ArrayPrototypeSort,
  MathMax,
  ObjectKeys,
  StringPrototypeRepeat,
  StringPrototypeTrim,
} = primordials;

function defineDefaultCommands(server) {
  server.defineCommand('break', {
    __proto__: null,
    help: 'Sometimes you get stuck, this gets you out',
    action() {
      this.clearBufferedCommand();
      this.displayPrompt();
    },
  });
  server.defineCommand('clear', {
    __proto__: null,
    help: server.useGlobal ? 'Alias for .break' : 'Break, and also clear the local context',
    action() {
      this.clearBufferedCommand();
      if (!this.useGlobal) {
        this.output.write('Clearing context...\n');
        this.resetContext();
      }
      this.displayPrompt();
    },
  });
  server.defineCommand('exit', {
    __proto__: null,
    help: 'Exit the REPL',
    action() {
      this.close();
    },
  });
  server.defineCommand('help', {
    __proto__: null,
    help: 'Print this help message',
    action() {
      const names = ArrayPrototypeSort(ObjectKeys(this.commands));
      let widest = 0;
      for (let i = 0; i < names.length; i++) widest = MathMax(widest, names[i].length);
      let text = '';
      for (let i = 0; i < names.length; i++) {
        const command = this.commands[names[i]];
        const pad = StringPrototypeRepeat(' ', widest - names[i].length + 3);
        text += `.${names[i]}${command.help ? pad + command.help : ''}\n`;
      }
      text += '\nPress Ctrl+C to abort current expression, Ctrl+D to exit the REPL\n';
      this.output.write(text);
      this.displayPrompt();
    },
  });
  server.defineCommand('save', {
    __proto__: null,
    help: 'Save all evaluated commands in this REPL session to a file',
    action(file) {
      file = StringPrototypeTrim(file);
      try {
        fs.writeFileSync(file, ArrayPrototypeJoin(this.lines, '\n'));
        this.output.write(`Session saved to: ${file}\n`);
      } catch {
        this.output.write(`Failed to save: ${file}\n`);
      }
      this.displayPrompt();
    },
  });
  server.defineCommand('load', {
    __proto__: null,
    help: 'Load JS from a file into the REPL session',
    action(file) {
      file = StringPrototypeTrim(file);
      let source;
      try {
        if (!fs.statSync(file).isFile()) {
          this.output.write(`Failed to load: ${file} is not a valid file\n`);
          this.displayPrompt();
          return;
        }
        source = fs.readFileSync(path.resolve(file), 'utf8');
      } catch {
        this.output.write(`Failed to load: ${file}\n`);
        this.displayPrompt();
        return;
      }
      // The whole file is one command, as node's editor mode evaluates it; the
      // empty line after it shows one more prompt.
      this._evalCommand(source, true);
      this._onLine('');
    },
  });
  if (server.terminal) {
    server.defineCommand('editor', {
      __proto__: null,
      help: 'Enter editor mode',
      action() {
        this.editorMode = true;
        this.output.write('// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)\n');
        this.setPrompt('');
        this.prompt();
      },
    });
  }
}

module.exports = { defineDefaultCommands };
