import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { haproxyConfig, parseStat, respCommand } from "./replicas.js";
import { gatewayRss } from "./support.js";

const options = {
  port: 8080,
  servers: [
    { name: "gateway-1", port: 4001 },
    { name: "gateway-2", port: 4002 },
  ],
  statsSocket: "/run/bench/haproxy.sock",
};
const config = haproxyConfig(options);
const lines = config.split("\n").map((line) => line.trim());

const haproxy = ["haproxy", "/usr/sbin/haproxy"].find((candidate) => {
  try {
    execFileSync(candidate, ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
});

describe("the load balancer's configuration", () => {
  it("listens on loopback at the port and spreads over every gateway, each health-checked", () => {
    expect(lines).toContain("bind 127.0.0.1:8080");
    expect(lines).toContain("balance roundrobin");
    expect(lines).toContain("server gateway-1 127.0.0.1:4001");
    expect(lines).toContain("server gateway-2 127.0.0.1:4002");
    expect(lines.find((line) => line.startsWith("default-server"))).toMatch(/\bcheck\b/);
  });

  it("checks GET /ready often and takes a gateway out after one failed check", () => {
    expect(lines).toContain("option httpchk GET /ready");
    expect(lines).toContain("http-check expect status 200");
    const defaults = lines.find((line) => line.startsWith("default-server"))!;
    expect(defaults).toMatch(/\binter 500ms\b/);
    expect(defaults).toMatch(/\bfall 1\b/);
  });

  it("retries a request its gateway could not take or died under, on another gateway, but not a 500", () => {
    expect(lines).toContain("retries 3");
    expect(lines).toContain("option redispatch 1");
    const retryOn = lines
      .find((line) => line.startsWith("retry-on"))!
      .split(" ")
      .slice(1);
    expect(retryOn).toEqual(expect.arrayContaining(["conn-failure", "empty-response", "503"]));
    expect(retryOn).not.toContain("500");
    expect(retryOn).not.toContain("all-retryable-errors");
  });

  it("keeps connections to the gateways alive, answers on a stats socket, and never daemonizes", () => {
    expect(lines).toContain("option http-keep-alive");
    expect(lines).toContain("stats socket /run/bench/haproxy.sock mode 600 level admin");
    expect(config).not.toMatch(/\bdaemon\b/);
  });

  it.skipIf(!haproxy)("is a configuration HAProxy accepts", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bench-haproxy-"));
    try {
      const file = path.join(dir, "haproxy.cfg");
      writeFileSync(file, haproxyConfig({ ...options, statsSocket: path.join(dir, "haproxy.sock") }));
      expect(execFileSync(haproxy!, ["-c", "-f", file]).toString()).toContain("valid");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("HAProxy's show stat", () => {
  it("reads rows by column name", () => {
    const csv = [
      "# pxname,svname,qcur,wretr,wredis,status,",
      "bench,FRONTEND,,,,OPEN,",
      "gateways,gateway-1,0,0,0,UP,",
      "gateways,gateway-2,0,3,2,DOWN,",
      "gateways,BACKEND,0,3,2,UP,",
      "",
    ].join("\n");
    const rows = parseStat(csv);
    expect(rows).toHaveLength(4);
    expect(rows[2]).toEqual({
      pxname: "gateways",
      svname: "gateway-2",
      qcur: "0",
      wretr: "3",
      wredis: "2",
      status: "DOWN",
    });
    expect(rows.find((row) => row.svname === "BACKEND")!.wretr).toBe("3");
  });

  it("refuses what is not its answer", () => {
    expect(() => parseStat("Unknown command.\n")).toThrow("show stat");
  });
});

describe("the Redis command of the key cleanup", () => {
  it("is an array of bulk strings, lengths in bytes", () => {
    expect(respCommand(["EVAL", "return 1", "0", "é*"])).toBe(
      "*4\r\n$4\r\nEVAL\r\n$8\r\nreturn 1\r\n$1\r\n0\r\n$3\r\né*\r\n",
    );
  });
});

describe("our gateway's peak RSS in the table", () => {
  it("is the one gateway's, or with replicas each one's in order and HAProxy's", () => {
    expect(gatewayRss({ gateway: 120, catalog: 90 })).toBe(120);
    expect(gatewayRss({ "gateway-2": 130, "gateway-10": 5, "gateway-1": 120, haproxy: 9 })).toBe(
      "120+130+5 +haproxy 9",
    );
    expect(gatewayRss({ catalog: 90 })).toBeNull();
  });
});
