// AsyncLocalStorage across sockets: a client socket's events run in the store it
// was made in, and a server's connections in the store listen() ran in.
const { AsyncLocalStorage } = require('async_hooks');
const net = require('net');
const als = new AsyncLocalStorage();

als.run('server-store', () => {
  const server = net.createServer((s) => {
    console.log('connection in', als.getStore());
    s.on('data', (d) => {
      console.log('server data in', als.getStore());
      s.end(d);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const port = server.address().port;
    als.run('client-store', () => {
      const c = net.connect(port, '127.0.0.1', () => {
        console.log('connect in', als.getStore());
        c.write('hi');
      });
      c.on('data', () => console.log('client data in', als.getStore()));
      c.on('close', () => {
        console.log('close in', als.getStore());
        server.close();
      });
    });
  });
});
