'use strict';
// console.table's data shaping: which columns a value produces (index, keys,
// `Values` for primitives, Map key/value and Set entries), rendered by table.js.
//
// internalBinding('util') functions used: previewEntries(obj, true) -> [entries, isKeyValue].

const {
  ArrayFrom, ArrayPrototypePush, ArrayPrototypeUnshift, ObjectKeys, ObjectPrototypeHasOwnProperty,
  ObjectValues, SafeArrayIterator,
} = primordials;

const { previewEntries } = internalBinding('util');
const types = require('internal/util/types');
const { table } = require('internal/console/table');

const keyKey = 'Key';
const valuesKey = 'Values';
const indexKey = '(index)';
const iterKey = '(iteration index)';

function printTable(console, tabularData, properties, _inspect) {
  const final = (k, v) => console.log(table(k, v));
  const getIndexArray = (length) => ArrayFrom({ length }, (_, i) => _inspect(i));

  const mapIter = types.isMapIterator(tabularData);
  let isKeyValue = false;
  if (mapIter) {
    const res = previewEntries(tabularData, true);
    tabularData = res[0];
    isKeyValue = res[1];
  }
  if (isKeyValue || types.isMap(tabularData)) {
    const keys = [];
    const values = [];
    let length = 0;
    if (mapIter) {
      for (let i = 0; i < tabularData.length / 2; ++i) {
        ArrayPrototypePush(keys, _inspect(tabularData[i * 2]));
        ArrayPrototypePush(values, _inspect(tabularData[i * 2 + 1]));
        length++;
      }
    } else {
      for (const { 0: k, 1: v } of tabularData) {
        ArrayPrototypePush(keys, _inspect(k));
        ArrayPrototypePush(values, _inspect(v));
        length++;
      }
    }
    return final([iterKey, keyKey, valuesKey], [getIndexArray(length), keys, values]);
  }

  const setIter = types.isSetIterator(tabularData);
  if (setIter) tabularData = previewEntries(tabularData, true)[0];
  if (setIter || mapIter || types.isSet(tabularData)) {
    const values = [];
    let length = 0;
    for (const v of tabularData) {
      ArrayPrototypePush(values, _inspect(v));
      length++;
    }
    return final([iterKey, valuesKey], [getIndexArray(length), values]);
  }

  const map = { __proto__: null };
  let hasPrimitives = false;
  const valuesKeyArray = [];
  const indexKeyArray = ObjectKeys(tabularData);
  for (let i = 0; i < indexKeyArray.length; i++) {
    const item = tabularData[indexKeyArray[i]];
    const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
    if (properties === undefined && primitive) {
      hasPrimitives = true;
      valuesKeyArray[i] = _inspect(item);
    } else {
      const keys = properties || ObjectKeys(item);
      for (const key of new SafeArrayIterator(keys)) {
        map[key] ??= [];
        if ((primitive && properties) || !ObjectPrototypeHasOwnProperty(item, key)) {
          map[key][i] = '';
        } else {
          map[key][i] = _inspect(item[key]);
        }
      }
    }
  }
  const keys = ObjectKeys(map);
  const values = ObjectValues(map);
  if (hasPrimitives) {
    ArrayPrototypePush(keys, valuesKey);
    ArrayPrototypePush(values, valuesKeyArray);
  }
  ArrayPrototypeUnshift(keys, indexKey);
  ArrayPrototypeUnshift(values, indexKeyArray);
  return final(keys, values);
}

module.exports = { printTable };
