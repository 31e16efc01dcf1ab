// Node preload: keep a Node process (Agents Playground, Azurite) on loopback.
//
//   NODE_OPTIONS="--require /abs/path/scripts/loopback-only.cjs" node ...
//
// * Outbound: every TCP/TLS/UDP destination that is not loopback (127.0.0.0/8, ::1, "localhost")
//   fails at once with ECONNREFUSED, and DNS look-ups for any other name fail without querying a resolver.
//   This stops the Playground's instance-metadata probe (169.254.169.254) and telemetry hosts
//   even when --disable-telemetry is ignored.
// * Inbound: a server that asks for "all interfaces" (no host, 0.0.0.0 or ::) listens on 127.0.0.1
//   instead, so the Playground's mock connector is not reachable from the local network.
//   Set LOOPBACK_ONLY_ALLOW_ALL_INTERFACES=1 to keep the requested address.
// * LOOPBACK_ONLY_VERBOSE=1 prints one line per refused destination to stderr.
'use strict';

const net = require('node:net');
const tls = require('node:tls');
const dns = require('node:dns');
const dgram = require('node:dgram');

const verbose = process.env.LOOPBACK_ONLY_VERBOSE === '1';
const marker = Symbol.for('bpombot.loopbackOnly');
if (!globalThis[marker]) {
  globalThis[marker] = true;
  install();
}

function isLoopbackName(host) {
  const h = String(host).toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost');
}

function isLoopbackAddress(address) {
  let a = String(address).toLowerCase();
  if (a.startsWith('[') && a.endsWith(']')) a = a.slice(1, -1);
  const zone = a.indexOf('%');
  if (zone >= 0) a = a.slice(0, zone);
  if (a.startsWith('::ffff:')) a = a.slice('::ffff:'.length);
  if (net.isIPv4(a)) return a.startsWith('127.');
  if (net.isIPv6(a)) return a === '::1' || a === '0:0:0:0:0:0:0:1';
  return false;
}

/** True when host (name or literal) may be contacted. Empty host means Node's default, localhost. */
function isAllowedHost(host) {
  if (host === undefined || host === null || host === '') return true;
  return net.isIP(String(host).replace(/^\[|\]$/g, '').split('%')[0]) ? isLoopbackAddress(host) : isLoopbackName(host);
}

function refusal(what) {
  if (verbose) process.stderr.write(`[loopback-only] refused ${what}\n`);
  const err = new Error(`connect ECONNREFUSED ${what} (loopback-only: non-loopback destinations are blocked)`);
  err.code = 'ECONNREFUSED';
  err.errno = -111;
  err.syscall = 'connect';
  return err;
}

function lookupRefusal(hostname) {
  if (verbose) process.stderr.write(`[loopback-only] refused DNS look-up of ${hostname}\n`);
  const err = new Error(`getaddrinfo ENOTFOUND ${hostname} (loopback-only: only localhost resolves)`);
  err.code = 'ENOTFOUND';
  err.errno = -3008;
  err.syscall = 'getaddrinfo';
  err.hostname = hostname;
  return err;
}

/** Destination of a connect call: { host, port } for TCP, null for IPC (unix socket / pipe), which stays local. */
function destinationOf(args) {
  let first = args[0];
  if (Array.isArray(first)) first = first[0]; // internal normalized form [options, cb]
  if (first !== null && typeof first === 'object') {
    if (first.path !== undefined && first.path !== null) return null;
    return { host: first.host ?? first.hostname, port: first.port };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return null; // connect(path)
  return { host: typeof args[1] === 'string' ? args[1] : undefined, port: first };
}

function install() {
  const originalConnect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function loopbackOnlyConnect(...args) {
    const dest = destinationOf(args);
    if (dest && !isAllowedHost(dest.host)) {
      const err = refusal(`${dest.host}:${dest.port}`);
      process.nextTick(() => this.destroy(err));
      return this;
    }
    return originalConnect.apply(this, args);
  };

  // net.connect / net.createConnection / tls.connect end up in Socket.prototype.connect; these wrappers
  // only make the intent explicit and cover a caller that kept a reference to the original functions.
  for (const [mod, name] of [[net, 'connect'], [net, 'createConnection'], [tls, 'connect']]) {
    const original = mod[name];
    mod[name] = function loopbackOnly(...args) {
      const dest = destinationOf(args);
      if (dest && !isAllowedHost(dest.host)) {
        const socket = new net.Socket();
        const err = refusal(`${dest.host}:${dest.port}`);
        process.nextTick(() => socket.destroy(err));
        return socket;
      }
      return original.apply(this, args);
    };
  }

  // DNS: only localhost names resolve (to loopback); other names fail without reaching any resolver.
  const originalLookup = dns.lookup;
  dns.lookup = function loopbackOnlyLookup(hostname, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = {};
    }
    if (typeof options === 'number') options = { family: options };
    options = options || {};
    if (net.isIP(String(hostname))) {
      return originalLookup.call(this, hostname, options, callback);
    }
    if (!isLoopbackName(hostname)) {
      process.nextTick(callback, lookupRefusal(hostname));
      return {};
    }
    const family = options.family === 'IPv6' ? 6 : options.family === 'IPv4' ? 4 : options.family;
    const addresses = [];
    if (family !== 6) addresses.push({ address: '127.0.0.1', family: 4 });
    if (family !== 4) addresses.push({ address: '::1', family: 6 });
    if (options.all) process.nextTick(callback, null, addresses);
    else process.nextTick(callback, null, addresses[0].address, addresses[0].family);
    return {};
  };
  dns.promises.lookup = function loopbackOnlyLookupPromise(hostname, options) {
    return new Promise((resolve, reject) => {
      dns.lookup(hostname, options, (err, address, family) => {
        if (err) reject(err);
        else resolve(Array.isArray(address) ? address : { address, family });
      });
    });
  };

  // c-ares based resolvers (dns.resolve*, dns.reverse, Resolver instances) talk to DNS servers directly.
  const blockResolver = (target, isPromise) => {
    for (const name of Object.keys(target)) {
      if (!/^(resolve|reverse)/.test(name) || typeof target[name] !== 'function') continue;
      target[name] = function loopbackOnlyResolve(hostname, ...rest) {
        const err = lookupRefusal(hostname);
        if (isPromise) return Promise.reject(err);
        const cb = rest[rest.length - 1];
        if (typeof cb === 'function') process.nextTick(cb, err);
        return undefined;
      };
    }
  };
  blockResolver(dns, false);
  blockResolver(dns.Resolver.prototype, false);
  blockResolver(dns.promises, true);
  blockResolver(dns.promises.Resolver.prototype, true);

  // UDP.
  const originalSend = dgram.Socket.prototype.send;
  dgram.Socket.prototype.send = function loopbackOnlySend(...args) {
    const address = args.find((a, i) => i > 0 && typeof a === 'string');
    if (address !== undefined && !isAllowedHost(address)) {
      const cb = args[args.length - 1];
      const err = refusal(`udp ${address}`);
      if (typeof cb === 'function') process.nextTick(cb, err);
      return;
    }
    return originalSend.apply(this, args);
  };
  const originalUdpConnect = dgram.Socket.prototype.connect;
  dgram.Socket.prototype.connect = function loopbackOnlyUdpConnect(port, address, cb) {
    if (typeof address === 'string' && !isAllowedHost(address)) {
      const err = refusal(`udp ${address}:${port}`);
      process.nextTick(() => this.emit('error', err));
      return;
    }
    return originalUdpConnect.apply(this, arguments);
  };

  // Inbound: "all interfaces" becomes 127.0.0.1.
  if (process.env.LOOPBACK_ONLY_ALLOW_ALL_INTERFACES !== '1') {
    const wildcard = (h) => h === undefined || h === null || h === '' || h === '0.0.0.0' || h === '::' || h === '[::]';
    const originalListen = net.Server.prototype.listen;
    net.Server.prototype.listen = function loopbackOnlyListen(...args) {
      const first = args[0];
      if (first !== null && typeof first === 'object' && !Array.isArray(first) && !(first instanceof net.Server)
          && first.path === undefined && first.fd === undefined && first._handle === undefined && first.handle === undefined) {
        if (wildcard(first.host)) args[0] = { ...first, host: '127.0.0.1', ipv6Only: false };
      } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
        if (typeof args[1] !== 'string' || wildcard(args[1])) {
          if (typeof args[1] === 'string') args[1] = '127.0.0.1';
          else args.splice(1, 0, '127.0.0.1');
        }
      } else if (first === undefined || typeof first === 'function') {
        args.unshift(0, '127.0.0.1');
      }
      return originalListen.apply(this, args);
    };
  }
}
