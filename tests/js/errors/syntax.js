// exit: 1
// A syntax error in a required file shows the file, line and a caret.
require('./fixtures/bad-syntax.js');
