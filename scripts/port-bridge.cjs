// Forwards TCP ports across a network-namespace boundary through Unix sockets (a path-based Unix socket
// is reachable from every network namespace that sees the file system).
//
//   node port-bridge.cjs unix-to-tcp <dir> <port>...  inside the namespace: <dir>/<port>.sock -> 127.0.0.1:<port>
//   node port-bridge.cjs tcp-to-unix <dir> <port>...  outside: 127.0.0.1:<port> -> <dir>/<port>.sock
//
// ./run.sh uses it so the browser on the host can open the Playground that runs in a loopback-only namespace.
// The first port is required (the process exits when it cannot listen); the others are best effort.
'use strict';

const net = require('node:net');
const fs = require('node:fs');
const path = require('node:path');

const [mode, dir, ...ports] = process.argv.slice(2);
if (!['unix-to-tcp', 'tcp-to-unix'].includes(mode) || !dir || ports.length === 0) {
  console.error('usage: node port-bridge.cjs unix-to-tcp|tcp-to-unix <dir> <port>...');
  process.exit(2);
}

function pipe(client, connectTo) {
  const upstream = net.connect(connectTo);
  const close = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', close).on('close', close);
  upstream.on('error', close).on('close', close);
  client.pipe(upstream);
  upstream.pipe(client);
}

for (const [index, port] of ports.entries()) {
  const socketPath = path.join(dir, `${port}.sock`);
  const server = net.createServer((client) =>
    pipe(client, mode === 'unix-to-tcp' ? { host: '127.0.0.1', port: Number(port) } : { path: socketPath }));
  server.on('error', (err) => {
    console.error(`port-bridge: cannot listen for port ${port}: ${err.message}${index === 0 ? '' : ' (skipped)'}`);
    if (index === 0) process.exit(1);
  });
  if (mode === 'unix-to-tcp') {
    fs.rmSync(socketPath, { force: true });
    server.listen(socketPath);
  } else {
    server.listen(Number(port), '127.0.0.1');
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
