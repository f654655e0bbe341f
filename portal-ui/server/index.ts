/**
 * Serves the built UI on PORTAL_PORT (default 3000) with the configuration from the environment (see
 * readPortalConfig). `npm start` runs the same server in its own process instead; this entry is for serving the UI
 * alone: `npm run serve -w portal-ui`.
 */
import type { AddressInfo } from "node:net";
import { createPortalUiServer, readPortalConfig } from "./server.js";

const config = readPortalConfig();
const port = Number(process.env.PORTAL_PORT ?? 3000);
const server = createPortalUiServer({ config: () => config });
server.listen(port, process.env.HOST ?? "127.0.0.1", () => {
  const bound = (server.address() as AddressInfo).port;
  console.log(JSON.stringify({ level: 30, msg: "portal ui listening", port: bound }));
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
process.on("SIGINT", () => server.close(() => process.exit(0)));
