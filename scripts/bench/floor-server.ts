/**
 * The floor for one operation, as its own process (so the load generator does not share its event loop):
 * `floor-server.ts <config.json>`, where the file holds the FloorConfig, the subgraphs' URLs and the gateway's key
 * file. Listens on a free loopback port and prints `{"port":N}`.
 */
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { readSigningKey } from "@portal-graph/auth";
import { createFloorServer, floorSender, type FloorConfig } from "./floor.js";

const file = process.argv[2];
if (!file) throw new Error("floor-server.ts needs the path of its configuration file");
const config = JSON.parse(readFileSync(file, "utf8")) as FloorConfig & {
  urls: Record<string, string>;
  keyFile: string;
};
const key = readSigningKey(config.keyFile, "gateway", "the floor's gateway key");
const server = createFloorServer(config, floorSender(config.urls, key));
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
