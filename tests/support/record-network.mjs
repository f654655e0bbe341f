/**
 * A preload (`node --import ./tests/support/record-network.mjs`) that writes every outbound network attempt of the
 * process to NET_RECORD_FILE, one JSON line each: TCP/TLS connects (net.Socket#connect, which fetch, http and tls
 * all end in), DNS lookups and UDP sockets. Used to prove what a started gateway talks to.
 */
import dgram from "node:dgram";
import dns from "node:dns";
import { appendFileSync } from "node:fs";
import net from "node:net";

const file = process.env.NET_RECORD_FILE;
const record = (entry) => {
  if (file) appendFileSync(file, `${JSON.stringify({ pid: process.pid, ...entry })}\n`);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  // net.connect hands over its normalized arguments as an array: [options, callback].
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first && typeof first === "object") {
    const port = first.port === undefined ? null : Number(first.port);
    record({ kind: "connect", host: first.host ?? null, port, path: first.path ?? null });
  } else if (typeof first === "number" || /^\d+$/.test(String(first))) {
    record({ kind: "connect", host: typeof args[1] === "string" ? args[1] : null, port: Number(first), path: null });
  } else {
    record({ kind: "connect", host: null, port: null, path: String(first) });
  }
  return connect.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function (hostname, ...rest) {
  record({ kind: "dns", host: hostname });
  return lookup.call(this, hostname, ...rest);
};
const promisedLookup = dns.promises.lookup;
dns.promises.lookup = function (hostname, ...rest) {
  record({ kind: "dns", host: hostname });
  return promisedLookup.call(this, hostname, ...rest);
};

const createSocket = dgram.createSocket;
dgram.createSocket = function (...args) {
  record({ kind: "udp", type: typeof args[0] === "string" ? args[0] : args[0]?.type });
  return createSocket.apply(this, args);
};
