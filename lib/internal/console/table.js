'use strict';
// Box-drawing table renderer for console.table: header row, divider, one row
// per entry, cells left-aligned and padded to the widest cell of each column.
//
// internalBinding functions used: none.

const {
  ArrayPrototypeJoin, ArrayPrototypeMap, MathMax, MathMaxApply, ObjectPrototypeHasOwnProperty,
  SafeArrayIterator, StringPrototypeRepeat,
} = primordials;

const { getStringWidth } = require('internal/util/inspect');

const tableChars = {
  middleMiddle: '─', rowMiddle: '┼', topRight: '┐', topLeft: '┌', leftMiddle: '├',
  topMiddle: '┬', bottomRight: '┘', bottomLeft: '└', bottomMiddle: '┴', rightMiddle: '┤',
  left: '│ ', right: ' │', middle: ' │ ',
};

function renderRow(row, columnWidths) {
  let out = tableChars.left;
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    const len = getStringWidth(cell);
    out += cell + StringPrototypeRepeat(' ', columnWidths[i] - len);
    if (i !== row.length - 1) out += tableChars.middle;
  }
  out += tableChars.right;
  return out;
}

// head: column titles; columns: one array of cell strings per column (sparse
// entries render as empty cells).
function table(head, columns) {
  const rows = [];
  const columnWidths = ArrayPrototypeMap(head, (h) => getStringWidth(h));
  const longestColumn = MathMaxApply(ArrayPrototypeMap(columns, (a) => a.length));
  for (let i = 0; i < head.length; i++) {
    const column = columns[i];
    for (let j = 0; j < longestColumn; j++) {
      if (rows[j] === undefined) rows[j] = [];
      const value = rows[j][i] = ObjectPrototypeHasOwnProperty(column, j) ? column[j] : '';
      columnWidths[i] = MathMax(columnWidths[i] || 0, getStringWidth(value));
    }
  }
  const divider = ArrayPrototypeMap(columnWidths, (w) => StringPrototypeRepeat(tableChars.middleMiddle, w + 2));
  let result = `${tableChars.topLeft}${ArrayPrototypeJoin(divider, tableChars.topMiddle)}${tableChars.topRight}\n` +
    `${renderRow(head, columnWidths)}\n` +
    `${tableChars.leftMiddle}${ArrayPrototypeJoin(divider, tableChars.rowMiddle)}${tableChars.rightMiddle}\n`;
  for (const row of new SafeArrayIterator(rows)) result += `${renderRow(row, columnWidths)}\n`;
  result += `${tableChars.bottomLeft}${ArrayPrototypeJoin(divider, tableChars.bottomMiddle)}${tableChars.bottomRight}`;
  return result;
}

module.exports = { table };
