// util.inspect of a MessagePort says whether it is open (active) and whether it
// keeps the process alive (refed), as node's does; a closed port is not active.
'use strict';
const { MessageChannel } = require('worker_threads');
const util = require('util');
const { port1, port2 } = new MessageChannel();
const show = (label, p) => {
  const text = util.inspect(p);
  console.log(label, text.startsWith('MessagePort'), ['active: true', 'active: false', 'refed: true', 'refed: false']
    .filter((s) => text.includes(s)).join(', '));
};
show('fresh', port1);
port1.on('message', () => {});
show('listening', port1);
port1.unref();
show('unref', port1);
port1.close();
setTimeout(() => {
  show('closed', port1);
  show('other end', port2);
}, 10);
