// exit: 1
// Throwing a non-error prints it with Node's "Uncaught" prefix.
throw 'plain string';
