// exit: 7
// An 'uncaughtException' handler that itself throws ends the process with 7.
process.on('uncaughtException', () => { throw new Error('handler failed'); });
throw new Error('first');
