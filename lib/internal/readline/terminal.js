'use strict';
// readline's terminal mode: an Interface whose `terminal` is true reads keys (raw
// mode, 'keypress' events) instead of lines and edits the line itself — cursor
// moves, deletions, word moves, history with up/down, tab completion — redrawing
// prompt and line with ANSI cursor moves. Installed on Interface.prototype by
// interface.js.

const {
  ArrayPrototypeFilter,
  ArrayPrototypeIndexOf,
  ArrayPrototypeSplice,
  ArrayPrototypeUnshift,
  DateNow,
  FunctionPrototypeCall,
  MathFloor,
  PromisePrototypeThen,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolSplit,
  StringPrototypeRepeat,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
  StringPrototypeTrim,
} = primordials;

const CSI = '\x1b[';

// What a character is to word moves: 0 space, 1 word (letters, digits, _), 2 other.
function charClass(ch) {
  if (RegExpPrototypeExec(/\s/, ch) !== null) return 0;
  return RegExpPrototypeExec(/\w/, ch) !== null ? 1 : 2;
}

// Alt-B / Ctrl-W: back over spaces, then over one run of word or other characters.
function wordLeft(line, cursor) {
  let i = cursor;
  while (i > 0 && charClass(line[i - 1]) === 0) i--;
  if (i > 0) {
    const kind = charClass(line[i - 1]);
    while (i > 0 && charClass(line[i - 1]) === kind) i--;
  }
  return i;
}

// Alt-F / Alt-D: over one run (spaces, word or other characters), then spaces.
function wordRight(line, cursor) {
  let i = cursor;
  if (i < line.length) {
    const kind = charClass(line[i]);
    while (i < line.length && charClass(line[i]) === kind) i++;
  }
  while (i < line.length && charClass(line[i]) === 0) i++;
  return i;
}

function commonPrefix(list) {
  if (list.length === 0) return '';
  let prefix = list[0];
  for (let i = 1; i < list.length; i++) {
    let n = 0;
    while (n < prefix.length && n < list[i].length && prefix[n] === list[i][n]) n++;
    prefix = StringPrototypeSlice(prefix, 0, n);
  }
  return prefix;
}

// The candidates in columns as wide as the longest plus two; '' starts a new group.
function listColumns(completions, columns) {
  let widest = 0;
  for (let i = 0; i < completions.length; i++) {
    if (completions[i].length > widest) widest = completions[i].length;
  }
  const width = widest + 2;
  const perRow = columns === Infinity ? 1 : (MathFloor(columns / width) || 1);
  let out = '\r\n';
  let inRow = 0;
  for (let i = 0; i < completions.length; i++) {
    const item = completions[i];
    if (item === '') {
      if (inRow !== 0) out += '\r\n';
      out += '\r\n';
      inRow = 0;
      continue;
    }
    if (inRow === perRow) {
      out += '\r\n';
      inRow = 0;
    }
    out += inRow === 0 ? item : StringPrototypeRepeat(' ', width - completions[i - 1].length) + item;
    inRow++;
  }
  if (inRow !== 0) out += '\r\n\r\n';
  return out;
}

// Rows and column of `offset` characters into prompt+line on `columns`-wide rows.
function position(offset, columns) {
  if (columns === Infinity) return { rows: 0, cols: offset };
  return { rows: MathFloor(offset / columns), cols: offset % columns };
}

const methods = {
  _columns() {
    const columns = this.output?.columns;
    return columns > 0 ? columns : Infinity;
  },

  // Redraws prompt and line from the prompt's first row and puts the cursor back.
  _refreshLine() {
    if (this.output == null) return;
    const columns = this._columns();
    const promptLength = this._prompt.length;
    let out = '';
    if (this._prevRows > 0) out += `${CSI}${this._prevRows}A`;
    out += `${CSI}1G${CSI}0J`;
    out += this._prompt + this.line;
    const end = position(promptLength + this.line.length, columns);
    // The terminal keeps the cursor at the last column after a full row: move it on.
    if (end.cols === 0 && this.line.length + promptLength > 0 && columns !== Infinity) out += '\r\n';
    const at = position(promptLength + this.cursor, columns);
    if (end.rows > at.rows) out += `${CSI}${end.rows - at.rows}A`;
    out += `${CSI}${at.cols + 1}G`;
    this._prevRows = at.rows;
    this._writeOut(out);
  },

  _setLine(line, cursor) {
    this.line = line;
    this.cursor = cursor;
    this._refreshLine();
  },

  _insertString(text) {
    if (text === '') return;
    const line = this.line;
    const cursor = this.cursor;
    this.line = StringPrototypeSlice(line, 0, cursor) + text + StringPrototypeSlice(line, cursor);
    this.cursor = cursor + text.length;
    const columns = this._columns();
    // Typing at the end of a line that does not wrap needs no redraw.
    if (cursor === line.length && columns === Infinity) {
      this._writeOut(text);
    } else {
      this._refreshLine();
    }
  },

  _moveCursor(to) {
    if (to < 0) to = 0;
    if (to > this.line.length) to = this.line.length;
    if (to === this.cursor) return;
    // A relative move: nothing on screen changes.
    const columns = this._columns();
    const from = position(this._prompt.length + this.cursor, columns);
    const at = position(this._prompt.length + to, columns);
    this.cursor = to;
    let out = '';
    const dx = at.cols - from.cols;
    const dy = at.rows - from.rows;
    if (dx < 0) out += `${CSI}${-dx}D`;
    else if (dx > 0) out += `${CSI}${dx}C`;
    if (dy < 0) out += `${CSI}${-dy}A`;
    else if (dy > 0) out += `${CSI}${dy}B`;
    this._prevRows = at.rows;
    this._writeOut(out);
  },

  _deleteRange(from, to) {
    if (from >= to) return;
    const line = this.line;
    this._setLine(StringPrototypeSlice(line, 0, from) + StringPrototypeSlice(line, to), from);
  },

  // Enter: the line goes to history and out; the next one starts on a new row.
  _ttyLine() {
    const line = this._addHistory();
    this._writeOut('\r\n');
    this.line = '';
    this.cursor = 0;
    this._prevRows = 0;
    this._historyIndex = -1;
    this._historySearch = null;
    this._online(line);
  },

  _addHistory() {
    const line = this.line;
    if (line.length === 0 || this.historySize === 0) return line;
    if (StringPrototypeTrim(line).length === 0) return line;
    if (this.history[0] !== line) {
      if (this.removeHistoryDuplicates) {
        const at = ArrayPrototypeIndexOf(this.history, line);
        if (at !== -1) ArrayPrototypeSplice(this.history, at, 1);
      }
      ArrayPrototypeUnshift(this.history, line);
      if (this.history.length > this.historySize) {
        ArrayPrototypeSplice(this.history, this.historySize);
      }
    }
    this.emit('history', this.history);
    return line;
  },

  // Up (older, step 1) / down (newer, step -1): entries that start with what was
  // typed before the first move, skipping one equal to the current line; past
  // either end the typed text comes back.
  _historyMove(step) {
    const count = this.history.length;
    if (count === 0) return;
    if ((step < 0 && this._historyIndex === -1) || (step > 0 && this._historyIndex >= count)) return;
    if (this._historyIndex === -1) this._historySearch = StringPrototypeSlice(this.line, 0, this.cursor);
    const search = this._historySearch || '';
    let index = this._historyIndex + step;
    while (index >= 0 && index < count &&
           ((search !== '' && !StringPrototypeStartsWith(this.history[index], search)) ||
            this.history[index] === this.line)) {
      index += step;
    }
    let line;
    if (index < 0 || index >= count) {
      index = index < 0 ? -1 : count;
      line = search;
    } else {
      line = this.history[index];
    }
    this._historyIndex = index;
    this._setLine(line, line.length);
  },

  // Tab: the completer's candidates for the text before the cursor. One candidate,
  // or a longer common prefix, is typed in; otherwise a second tab in a row lists
  // them in columns ('' separates groups) and redraws the line below.
  _tabComplete(listNow) {
    const text = StringPrototypeSlice(this.line, 0, this.cursor);
    const done = (err, result) => {
      this.resume();
      if (err || this.closed) return;
      if (!result) return;
      const completions = result[0];
      const on = result[1] ?? '';
      if (!completions || completions.length === 0) return;
      const nonEmpty = ArrayPrototypeFilter(completions, (c) => c !== '');
      if (nonEmpty.length === 1) {
        this._insertString(StringPrototypeSlice(nonEmpty[0], on.length));
        return;
      }
      const prefix = commonPrefix(nonEmpty);
      if (prefix.length > on.length && StringPrototypeStartsWith(prefix, on)) {
        this._insertString(StringPrototypeSlice(prefix, on.length));
        return;
      }
      if (!listNow) return;
      this._writeOut(listColumns(completions, this._columns()));
      this._prevRows = 0;
      this._refreshLine();
    };
    this.pause();
    if (this.completer.length === 2) {
      FunctionPrototypeCall(this.completer, this, text, done);
      return;
    }
    let result;
    try {
      result = FunctionPrototypeCall(this.completer, this, text);
    } catch (err) {
      this.resume();
      throw err;
    }
    if (result !== null && typeof result?.then === 'function') {
      PromisePrototypeThen(result, (r) => done(null, r), (e) => done(e));
    } else {
      done(null, result);
    }
  },

  _clearScreen() {
    this._writeOut(`${CSI}1;1H${CSI}0J`);
    this._prevRows = 0;
    this._refreshLine();
  },

  _sigint() {
    if (this.listenerCount('SIGINT') > 0) {
      this.emit('SIGINT');
    } else {
      this.close();
    }
  },

  // One key from the terminal (or rl.write(data, key)).
  _ttyWrite(s, key) {
    key = key || { __proto__: null };
    const wasTab = this._lastKeyWasTab;
    this._lastKeyWasTab = key.name === 'tab' && !key.ctrl && !key.meta;
    const line = this.line;
    const cursor = this.cursor;
    if (key.ctrl && key.shift) {
      if (key.name === 'backspace') this._deleteRange(0, cursor);
      else if (key.name === 'delete') this._deleteRange(cursor, line.length);
      return;
    }
    if (key.ctrl) {
      switch (key.name) {
        case 'c': this._sigint(); return;
        case 'h': this._deleteRange(cursor - 1 < 0 ? 0 : cursor - 1, cursor); return;
        case 'd':
          if (cursor === 0 && line.length === 0) this.close();
          else this._deleteRange(cursor, cursor + 1);
          return;
        case 'u': this._deleteRange(0, cursor); return;
        case 'k': this._deleteRange(cursor, line.length); return;
        case 'a': this._moveCursor(0); return;
        case 'e': this._moveCursor(line.length); return;
        case 'b': this._moveCursor(cursor - 1); return;
        case 'f': this._moveCursor(cursor + 1); return;
        case 'l': this._clearScreen(); return;
        case 'n': this._historyMove(-1); return;
        case 'p': this._historyMove(1); return;
        case 'w':
        case 'backspace': this._deleteRange(wordLeft(line, cursor), cursor); return;
        case 'delete': this._deleteRange(cursor, wordRight(line, cursor)); return;
        case 'left': this._moveCursor(wordLeft(line, cursor)); return;
        case 'right': this._moveCursor(wordRight(line, cursor)); return;
        default: return;
      }
    }
    if (key.meta) {
      switch (key.name) {
        case 'b': case 'left': this._moveCursor(wordLeft(line, cursor)); return;
        case 'f': case 'right': this._moveCursor(wordRight(line, cursor)); return;
        case 'd': case 'delete': this._deleteRange(cursor, wordRight(line, cursor)); return;
        case 'backspace': this._deleteRange(wordLeft(line, cursor), cursor); return;
        default: return;
      }
    }
    switch (key.name) {
      case 'return':
        this._sawReturnAt = DateNow();
        this._ttyLine();
        return;
      case 'enter':
        // \r\n is one line end.
        if (this._sawReturnAt !== 0 && DateNow() - this._sawReturnAt <= this.crlfDelay) {
          this._sawReturnAt = 0;
          return;
        }
        this._sawReturnAt = 0;
        this._ttyLine();
        return;
      case 'backspace': this._deleteRange(cursor - 1 < 0 ? 0 : cursor - 1, cursor); return;
      case 'delete': this._deleteRange(cursor, cursor + 1); return;
      case 'left': this._moveCursor(cursor - 1); return;
      case 'right': this._moveCursor(cursor + 1); return;
      case 'home': this._moveCursor(0); return;
      case 'end': this._moveCursor(line.length); return;
      case 'up': this._historyMove(1); return;
      case 'down': this._historyMove(-1); return;
      case 'tab':
        if (typeof this.completer === 'function') {
          this._tabComplete(wasTab);
          return;
        }
        break;
      default:
        break;
    }
    if (typeof s !== 'string' || s === '') return;
    // Pasted or written text may hold line ends: each ends a line.
    const parts = RegExpPrototypeSymbolSplit(/\r\n|\n|\r/, s);
    for (let i = 0; i < parts.length; i++) {
      if (i > 0) this._ttyLine();
      this._insertString(parts[i]);
    }
  },
};

module.exports = { terminalMethods: methods };
