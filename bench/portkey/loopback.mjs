// Loaded before the Portkey AI Gateway (`node --import`, start_portkey in bench/lib.sh): keeps it on loopback.
// - Its start-server.js listens on the port alone, i.e. on every interface: a listen() without a host gets 127.0.0.1.
// - Any outgoing connection or name lookup for a host other than 127.0.0.1/::1/localhost is refused (an error for
//   the caller) and reported on stderr as "portkey-loopback: refused ...", which the benchmark checks for.
import dns from 'node:dns';
import net from 'node:net';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);
const refuse = (what) => {
  process.stderr.write(`portkey-loopback: refused ${what}\n`);
  return new Error(`portkey-loopback: only loopback is allowed (${what})`);
};

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' || (typeof args[0] === 'string' && /^\d+$/.test(args[0]))) {
    if (args[1] === undefined || args[1] === null || typeof args[1] === 'function' || typeof args[1] === 'number') {
      args.splice(1, args[1] === undefined || args[1] === null ? 1 : 0, '127.0.0.1');
    } else if (typeof args[1] === 'string' && !LOOPBACK.has(args[1])) {
      args[1] = '127.0.0.1';
    }
  } else if (args[0] && typeof args[0] === 'object' && args[0].port !== undefined && !LOOPBACK.has(args[0].host)) {
    args[0] = { ...args[0], host: '127.0.0.1' };
  }
  return listen.apply(this, args);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options = args[0] && typeof args[0] === 'object' && !Array.isArray(args[0]) ? args[0] : null;
  const host = options ? options.host ?? 'localhost' : typeof args[1] === 'string' ? args[1] : 'localhost';
  const isPath = options ? options.path !== undefined : typeof args[0] === 'string' && !/^\d+$/.test(args[0]);
  if (!isPath && !LOOPBACK.has(String(host).replace(/^\[|\]$/g, ''))) {
    const error = refuse(`a connection to ${host}`);
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect.apply(this, args);
};

for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) {
  const original = dns[name];
  dns[name] = function (hostname, ...rest) {
    if (!LOOPBACK.has(hostname)) {
      const callback = rest.find((arg) => typeof arg === 'function');
      const error = refuse(`a name lookup of ${hostname}`);
      if (callback) process.nextTick(() => callback(error));
      return undefined;
    }
    return original.call(this, hostname, ...rest);
  };
}
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) {
  const original = dns.promises[name];
  dns.promises[name] = function (hostname, ...rest) {
    if (!LOOPBACK.has(hostname)) return Promise.reject(refuse(`a name lookup of ${hostname}`));
    return original.call(this, hostname, ...rest);
  };
}
