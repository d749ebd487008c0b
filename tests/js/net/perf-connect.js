// PerformanceObserver's 'net' entries: one 'connect' entry per TCP connect (none
// for a Unix socket's), with its duration and the host and port connected to.
const net = require('net');
const path = require('path');
const os = require('os');
const { PerformanceObserver } = require('perf_hooks');

const entries = [];
const obs = new PerformanceObserver((list) => entries.push(...list.getEntries()));
obs.observe({ type: 'net' });

const sock = path.join(os.tmpdir(), `coil-perf-net-${process.pid}.sock`);
const tcp = net.createServer((c) => c.destroy());
tcp.listen(0, '127.0.0.1', () => {
  const c = net.connect(tcp.address().port, '127.0.0.1');
  c.on('close', () => {
    tcp.close();
    const unix = net.createServer((u) => u.destroy());
    unix.listen(sock, () => {
      net.connect(sock).on('close', () => {
        unix.close();
        setTimeout(report, 10);
      });
    });
  });
});

function report() {
  obs.disconnect();
  console.log('entries', entries.length);
  for (const e of entries) {
    console.log(e.name, e.entryType, typeof e.startTime, e.duration >= 0, e.detail.host,
      e.detail.port === tcp.address()?.port || typeof e.detail.port);
  }
}
