// Queries leave no socket behind: 200 queries refused by 127.0.0.1:1 (nothing
// listens there), 200 cancelled, and 50 lookups of localhost, then the process
// has the fds it had before (give or take the few a resolver may keep open).
const dns = require('dns');
const fs = require('fs');

const count = () => fs.readdirSync('/proc/self/fd').length;
const before = count();
const r = new dns.Resolver({ timeout: 500, tries: 1 });
r.setServers(['127.0.0.1:1']);

let left = 200;
const results = new Map();
const note = (code) => results.set(code, (results.get(code) || 0) + 1);
for (let i = 0; i < 200; i++) {
  r.resolve4(`q${i}.test`, (err) => {
    note(err.code);
    if (--left === 0) cancelled();
  });
}

function cancelled() {
  const c = new dns.Resolver({ timeout: 500, tries: 1 });
  c.setServers(['127.0.0.1:1']);
  let pending = 200;
  for (let i = 0; i < 200; i++) {
    c.resolveTxt(`c${i}.test`, (err) => {
      note(err.code);
      if (--pending === 0) lookups();
    });
  }
  c.cancel();
}

function lookups() {
  let pending = 50;
  for (let i = 0; i < 50; i++) {
    dns.lookup('localhost', (err) => {
      note(err ? err.code : 'found');
      if (--pending === 0) setTimeout(done, 50);
    });
  }
}

function done() {
  // (node's c-ares may see a refusal before a cancel: only the totals are fixed.)
  const failed = (results.get('ECONNREFUSED') || 0) + (results.get('ECANCELLED') || 0);
  console.log('refused or cancelled:', failed, 'found:', results.get('found'),
              'other:', results.size - 3);
  const extra = count() - before;
  console.log('fds left open:', extra <= 4 ? 'none to speak of' : extra);
}
