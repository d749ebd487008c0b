'use strict';
// Whether output to a stream should carry ANSI colors: FORCE_COLOR wins, else
// the stream must be a TTY with more than 2 colors (NO_COLOR etc. are handled
// by the stream's getColorDepth()).
//
// internalBinding functions used: none.

function forcedColorDepth(env) {
  const force = env.FORCE_COLOR;
  if (force === '' || force === '1' || force === 'true') return 4;
  if (force === '2') return 8;
  if (force === '3') return 24;
  return 1;
}

function shouldColorize(stream) {
  const env = process.env;
  if (env.FORCE_COLOR !== undefined) return forcedColorDepth(env) > 2;
  return !!(stream && stream.isTTY &&
    (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true));
}

module.exports = { shouldColorize };
