/**
 * Starts the graph as real processes: every registered subgraph, then the gateway, each waited on until ready.
 * `npm start` uses it on the registry's ports; the end-to-end tests use it on free ports (port 0).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Server } from "node:http";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import {
  createPortalUiServer,
  PORTAL_CLIENT_ID,
  readPortalConfig,
  type PortalConfig,
} from "@portal-graph/portal-ui/server";
import { ensureDevCallerKeys, type DevCallerKeys } from "@portal-graph/auth";
import { startDevIssuer } from "@portal-graph/auth/dev-issuer";
import { DEVELOPMENT_UI_ORIGIN } from "@portal-graph/http-kit";
import { RegistryClient } from "@portal-graph/registry";
import { readRegistry, type RegistryEntry } from "@portal-graph/subgraph-kit/workspace";

export interface StackOptions {
  root: string;
  /**
   * "registry": the ports in schema/subgraphs.json and PORT (default 4000); "ephemeral": free ports, read from each
   * process's "listening" log line; or a port for each process by name (gateway included), which needs no log line.
   */
  ports: "registry" | "ephemeral" | Record<string, number>;
  /** Run TypeScript sources in watch mode instead of the built dist/ (npm run dev). */
  dev?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Every line a process prints, with its name. */
  onLine?: (name: string, line: string) => void;
  /**
   * Called when a process exits while the stack is up (not during stop), with the delay before it is started again
   * when it will be (a subgraph, with `restart`).
   */
  onExit?: (name: string, code: number | null, restartInMs?: number) => void;
  /**
   * Start a subgraph that exits again, on the port it had, while the others go on serving: after `delayMs` (default
   * 1000), doubled for each exit that follows a start by less than a minute, up to `maxDelayMs` (default 30 000).
   */
  restart?: { delayMs?: number; maxDelayMs?: number };
  /**
   * Subgraphs not to start: a team runs its own from its workspace, on its registry port, where the gateway looks
   * for it (with ports "registry").
   */
  without?: string[];
  /**
   * Run the schema registry on this port (0: a free one), publish every subgraph's committed SDL to it (at the URL
   * the stack runs the subgraph on) and make the gateway follow it instead of the supergraph file.
   */
  registryPort?: number;
  /** Called when a subgraph started again by `restart` answers ready. */
  onRestarted?: (name: string) => void;
  readyTimeoutMs?: number;
  /**
   * Run the development issuer (keys under <DATA_DIR>/dev-issuer) and make every process trust it, on this port
   * (0: a free one). Leave undefined to use the OIDC_* variables as they are.
   */
  devIssuerPort?: number;
  /**
   * Make development caller keys there (gateway, registry, test; kept when present) and configure every process with
   * them: the gateway signs with its key, the subgraphs trust all three. Leave undefined to use the variables as set.
   */
  callerKeysDir?: string;
  /**
   * Serve the example portal UI (portal-ui/, built) on this port (0: a free one) at http://localhost:<port>: the
   * development issuer lets it sign in, and the gateway's CORS_ORIGINS include its origin.
   */
  portalUiPort?: number;
}

export interface RunningProcess {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
}

export interface Stack {
  gatewayUrl: string;
  /** The development issuer's identifier, when the stack runs one. */
  issuer: string | null;
  /** The development caller keys, when the stack made them (callerKeysDir). */
  callerKeys: DevCallerKeys | null;
  gateway: RunningProcess;
  /** The schema registry, when the stack runs one (registryPort). */
  registry: RunningProcess | null;
  subgraphs: Map<string, RunningProcess>;
  /** The example portal UI, when the stack serves it (portalUiPort). */
  portalUi: PortalUi | null;
  /** Stops one subgraph (SIGTERM, waits for exit). */
  stopSubgraph(name: string): Promise<void>;
  /** Starts a stopped subgraph again on the port it had. */
  restartSubgraph(name: string): Promise<void>;
  stop(): Promise<void>;
}

/** The environment variable the gateway reads for a subgraph's URL. */
export function subgraphUrlVariable(name: string): string {
  return `SUBGRAPH_${name.toUpperCase().replace(/-/g, "_")}_URL`;
}

function packageDir(root: string, packageName: string): string {
  return realpathSync(path.join(root, "node_modules", packageName));
}

/**
 * The gateway's V8 heap sizing, as its own `npm start` sets it (gateway/README.md, "Memory"): a smaller young
 * generation and an old-space ceiling, which make V8 collect the per-request garbage of many requests in flight
 * sooner, so the gateway's peak RSS under load stays near 170 MiB instead of 270 to 350, at the same CPU per request.
 */
export const GATEWAY_NODE_FLAGS = ["--max-semi-space-size=8", "--max-old-space-size=1024"];

function command(root: string, dir: string, dev: boolean, entry = "index", nodeFlags: string[] = []): string[] {
  return dev
    ? [
        path.join(root, "node_modules", ".bin", "tsx"),
        "watch",
        "--conditions=source",
        path.join(dir, "src", `${entry}.ts`),
      ]
    : [process.execPath, ...nodeFlags, path.join(dir, "dist", `${entry}.js`)];
}

/** Starts every subgraph in the registry, then the gateway; resolves when all answer /ready. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const { root, dev = false } = options;
  const registry = readRegistry(root).filter((entry) => !options.without?.includes(entry.name));
  const subgraphs = new Map<string, RunningProcess>();
  const stopping = new Set<ChildProcess>();
  const restartTimers = new Set<NodeJS.Timeout>();
  let stopped = false;
  let issuerServer: Server | undefined;
  let issuer: string | null = null;
  const portalUi = options.portalUiPort === undefined ? null : await listenPortalUi(options.portalUiPort);
  if (options.devIssuerPort !== undefined) {
    const dataDir = path.resolve(root, options.env?.DATA_DIR ?? process.env.DATA_DIR ?? "data");
    const signIn = portalUi
      ? { clients: [{ clientId: PORTAL_CLIENT_ID, redirectUris: [portalUi.redirectUri] }] }
      : undefined;
    ({ server: issuerServer, issuer } = await startDevIssuer(
      path.join(dataDir, "dev-issuer"),
      options.devIssuerPort,
      undefined,
      undefined,
      signIn,
    ));
  }
  const issuerEnv: NodeJS.ProcessEnv = issuer ? { OIDC_ISSUER: issuer } : {};
  // The UI calls the gateway cross-origin, and sends its operations by id: the gateway gets its manifest.
  const portalUiEnv: NodeJS.ProcessEnv = portalUi
    ? {
        CORS_ORIGINS: corsOriginsWith(portalUi.origin, options.env),
        TRUSTED_DOCUMENTS: withManifest(path.join(options.root, PORTAL_UI_MANIFEST), options.env),
      }
    : {};
  const callerKeys = options.callerKeysDir === undefined ? null : ensureDevCallerKeys(options.callerKeysDir);
  const subgraphKeysEnv: NodeJS.ProcessEnv = callerKeys ? { TRUSTED_CALLER_KEYS: callerKeys.trustedCallerKeys } : {};
  const gatewayKeysEnv: NodeJS.ProcessEnv = callerKeys
    ? { GATEWAY_PROOF_KEY_FILE: callerKeys.privateKeyFile("gateway") }
    : {};

  const portOf = (name: string, registryPort: number): number => {
    if (options.ports === "registry") return registryPort;
    if (options.ports === "ephemeral") return 0;
    const port = options.ports[name];
    if (port === undefined) throw new Error(`no port given for ${name}`);
    return port;
  };

  const launch = async (
    name: string,
    dir: string,
    env: NodeJS.ProcessEnv,
    listeningMessage: string,
    onUnexpectedExit: (code: number | null) => void = (code) => options.onExit?.(name, code),
    entry = "index",
    nodeFlags: string[] = [],
  ) => {
    const [bin, ...args] = command(root, dir, dev, entry, nodeFlags);
    const child = spawn(bin!, args, {
      cwd: root,
      env: { ...process.env, ...options.env, ...issuerEnv, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const asked = Number(env.PORT);
    // A known port needs no log line (processes may log at warn); a free port is read from the line.
    const port =
      asked > 0
        ? watchOutput(child, name, options, asked)
        : await waitForListening(child, name, listeningMessage, options);
    child.once("exit", (code) => {
      if (!stopped && !stopping.has(child)) onUnexpectedExit(code);
    });
    return { name, port, url: `http://127.0.0.1:${port}`, child };
  };

  // Consecutive quick exits per subgraph, for the restart delay.
  const quickExits = new Map<string, { count: number; startedAt: number }>();
  const restartLater = (name: string, code: number | null, start: () => Promise<unknown>) => {
    const { delayMs = 1000, maxDelayMs = 30_000 } = options.restart!;
    const history = quickExits.get(name) ?? { count: 0, startedAt: 0 };
    const count = Date.now() - history.startedAt < 60_000 ? history.count + 1 : 1;
    const delay = Math.min(delayMs * 2 ** (count - 1), maxDelayMs);
    options.onExit?.(name, code, delay);
    const timer = setTimeout(() => {
      restartTimers.delete(timer);
      if (stopped) return;
      quickExits.set(name, { count, startedAt: Date.now() });
      start().then(
        () => options.onRestarted?.(name),
        // It exited before it was ready: its exit has already scheduled the next try.
        () => undefined,
      );
    }, delay);
    restartTimers.add(timer);
  };

  const startSubgraph = async (entry: RegistryEntry, port: number) => {
    let exited = false;
    const running = await launch(
      entry.name,
      packageDir(root, entry.package),
      { ...subgraphKeysEnv, PORT: String(port), SEED_ON_START: "true" },
      "subgraph listening",
      (code) => {
        exited = true;
        const port = subgraphs.get(entry.name)?.port;
        if (options.restart && port !== undefined) restartLater(entry.name, code, () => startSubgraph(entry, port));
        else options.onExit?.(entry.name, code);
      },
    );
    await waitForReady(`${running.url}/ready`, options.readyTimeoutMs, () => exited);
    subgraphs.set(entry.name, running);
  };

  // A process already on one of the ports (an earlier graph still running) would answer the readiness checks for
  // ours, which then could not listen: refuse to start instead, naming it.
  const fixed = [
    ...registry.map((entry) => ({ name: entry.name, port: portOf(entry.name, entry.port) })),
    { name: "registry", port: options.registryPort ?? 0 },
    { name: "gateway", port: portOf("gateway", Number(options.env?.PORT ?? process.env.PORT ?? 4000)) },
  ].filter(({ port }) => port > 0);
  const busy: string[] = [];
  for (const { name, port } of fixed) if (!(await isPortFree(port))) busy.push(`${port} (${name})`);
  if (busy.length > 0) {
    issuerServer?.close();
    portalUi?.server.close();
    throw new Error(
      `port ${busy.join(", ")} ${busy.length > 1 ? "are" : "is"} already in use: is another graph still running? ` +
        "Stop it (or the process holding the port), then start again.",
    );
  }

  // The registry's process; replaced when it is started again.
  const registryProcess: { current: RunningProcess | null } = { current: null };
  try {
    await Promise.all(registry.map((entry) => startSubgraph(entry, portOf(entry.name, entry.port))));
    const overrides = Object.fromEntries(
      [...subgraphs.values()].map((sg) => [subgraphUrlVariable(sg.name), `${sg.url}/graphql`]),
    );
    let registryEnv: NodeJS.ProcessEnv = {};
    if (options.registryPort !== undefined) {
      // Down, the registry costs nothing but publishing: the gateway keeps serving its last supergraph meanwhile.
      const startRegistry = async (port: number): Promise<RunningProcess> => {
        let exited = false;
        const running = await launch(
          "registry",
          packageDir(root, "@portal-graph/registry"),
          {
            PORT: String(port),
            REGISTRY_PORT: String(port),
            ...(callerKeys ? { REGISTRY_PROOF_KEY_FILE: callerKeys.privateKeyFile("registry") } : {}),
          },
          "registry listening",
          (code) => {
            exited = true;
            if (options.restart) restartLater("registry", code, () => startRegistry(running.port));
            else options.onExit?.("registry", code);
          },
          "main",
        );
        await waitForReady(`${running.url}/ready`, options.readyTimeoutMs, () => exited);
        registryProcess.current = running;
        return running;
      };
      const { url } = await startRegistry(options.registryPort);
      await publishCommitted(root, url, readRegistry(root), subgraphs);
      registryEnv = { REGISTRY_URL: url };
    }
    const gatewayPort = String(portOf("gateway", Number(options.env?.PORT ?? process.env.PORT ?? 4000)));
    const gateway = await launch(
      "gateway",
      packageDir(root, "@portal-graph/gateway"),
      { ...gatewayKeysEnv, ...overrides, ...registryEnv, ...portalUiEnv, PORT: gatewayPort },
      "gateway listening",
      undefined,
      "index",
      GATEWAY_NODE_FLAGS,
    );
    await waitForReady(`${gateway.url}/ready`, options.readyTimeoutMs);
    portalUi?.configure(
      `http://localhost:${gateway.port}/graphql`,
      issuer ?? options.env?.OIDC_ISSUER ?? process.env.OIDC_ISSUER,
    );

    const stopProcess = async (child: ChildProcess) => {
      stopping.add(child);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    };

    return {
      gatewayUrl: `${gateway.url}/graphql`,
      issuer,
      callerKeys,
      gateway,
      get registry() {
        return registryProcess.current;
      },
      subgraphs,
      portalUi,
      stopSubgraph: async (name) => stopProcess(subgraphs.get(name)!.child),
      restartSubgraph: async (name) => {
        const entry = registry.find((candidate) => candidate.name === name)!;
        await startSubgraph(entry, subgraphs.get(name)!.port);
      },
      stop: async () => {
        stopped = true;
        for (const timer of restartTimers) clearTimeout(timer);
        await stopProcess(gateway.child);
        await Promise.all([...subgraphs.values()].map((sg) => stopProcess(sg.child)));
        if (registryProcess.current) await stopProcess(registryProcess.current.child);
        issuerServer?.close();
        portalUi?.server.close();
      },
    };
  } catch (error) {
    stopped = true;
    for (const sg of subgraphs.values()) sg.child.kill("SIGTERM");
    registryProcess.current?.child.kill("SIGTERM");
    issuerServer?.close();
    portalUi?.server.close();
    throw error;
  }
}

/**
 * Publishes every subgraph's committed SDL (schema/subgraphs/<name>.graphql) to the registry, at the URL the
 * stack runs it on. The committed SDL is the truth at start: a break against what a laptop's registry held from an
 * earlier run is published on purpose, with that reason. A subgraph that @requires another's field waits for it.
 */
async function publishCommitted(
  root: string,
  registryUrl: string,
  entries: RegistryEntry[],
  running: Map<string, RunningProcess>,
): Promise<void> {
  const bodies = new Map(
    entries.map((entry) => [
      entry.name,
      {
        sdl: readFileSync(path.join(root, "schema", "subgraphs", `${entry.name}.graphql`), "utf8"),
        // A subgraph left out (--without) is published at its registry URL, where its team runs it.
        routingUrl: running.has(entry.name) ? `${running.get(entry.name)!.url}/graphql` : entry.routingUrl,
        owner: entry.owner ?? `${entry.name} team`,
        contact: entry.contact ?? `${entry.name}@portal-graph.example`,
        force: true,
        reason: "npm start publishes the committed SDL",
      },
    ]),
  );
  for (const [name, { status, body }] of await new RegistryClient(registryUrl).publishAll(bodies)) {
    if (status !== 200) throw new Error(`the registry refused ${name}'s committed SDL: ${JSON.stringify(body)}`);
  }
}

/** Whether nothing listens on the port (on loopback, which a process on every interface holds too). */
function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createNetServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** Passes a process's output on and returns the port it was given. */
function watchOutput(child: ChildProcess, name: string, options: StackOptions, port: number): number {
  createInterface({ input: child.stdout! }).on("line", (line) => options.onLine?.(name, line));
  createInterface({ input: child.stderr! }).on("line", (line) => options.onLine?.(name, line));
  return port;
}

/** Reads the process's output until its "listening" log line and returns the port in it. */
function waitForListening(child: ChildProcess, name: string, message: string, options: StackOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const lastLines: string[] = [];
    const onLine = (line: string) => {
      options.onLine?.(name, line);
      lastLines.push(line);
      if (lastLines.length > 20) lastLines.shift();
      if (!line.includes(message)) return;
      try {
        const port = (JSON.parse(line) as { port?: number }).port;
        if (typeof port === "number") resolve(port);
      } catch {
        // not a JSON log line: keep reading
      }
    };
    createInterface({ input: child.stdout! }).on("line", onLine);
    createInterface({ input: child.stderr! }).on("line", onLine);
    child.once("exit", (code) => {
      const reason = lastLines
        .map((line) => {
          try {
            return (JSON.parse(line) as { msg?: string }).msg ?? line;
          } catch {
            return line;
          }
        })
        .filter((line) => line.trim())
        .slice(-3)
        .join("\n  ");
      reject(new Error(`${name} exited with code ${code} before it was listening:\n  ${reason}`));
    });
  });
}

/** Polls a /ready URL until it answers 200; gives up when `gone()` says the process has exited. */
async function waitForReady(url: string, timeoutMs = 30_000, gone: () => boolean = () => false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (gone()) throw new Error(`${url}: the process exited before it was ready`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer ready within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// The example portal UI (portal-ui/), served in this process: kept apart from the graph's processes above.

export interface PortalUi {
  /** http://localhost:<port>: the origin the browser sees, allowed by the gateway's CORS. */
  url: string;
  origin: string;
  redirectUri: string;
  server: Server;
  /** Tells the UI where the gateway and the identity provider are (served at /config.json from then on). */
  configure(gatewayUrl: string, issuer: string | undefined): void;
}

/** Listens first (so the issuer and the gateway can be told its origin), answers /config.json once configured. */
async function listenPortalUi(port: number): Promise<PortalUi> {
  let config: PortalConfig | undefined;
  const server = createPortalUiServer({ config: () => config });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`port ${port} (portal UI) is already in use`) : error),
    );
    server.listen(port, "127.0.0.1", resolve);
  });
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    origin,
    redirectUri: `${origin}/callback`,
    server,
    configure(gatewayUrl, issuer) {
      if (!issuer) throw new Error("the portal UI needs an identity provider: OIDC_ISSUER or the development issuer");
      config = readPortalConfig({
        ...process.env,
        PORTAL_GATEWAY_URL: gatewayUrl,
        PORTAL_OIDC_ISSUER: process.env.PORTAL_OIDC_ISSUER ?? issuer,
      });
    },
  };
}

/** The example UI's trusted documents, as its codegen writes them. */
const PORTAL_UI_MANIFEST = "portal-ui/src/graphql/generated/persisted-documents.json";

/** The gateway's trusted-document manifests: those configured and the UI's. */
function withManifest(manifest: string, env: NodeJS.ProcessEnv | undefined): string {
  const configured = (env?.TRUSTED_DOCUMENTS ?? process.env.TRUSTED_DOCUMENTS ?? "").split(",");
  return [...new Set([...configured.map((entry) => entry.trim()).filter(Boolean), manifest])].join(",");
}

/** The gateway's CORS origins: those configured (or its development default) and the UI's. */
function corsOriginsWith(origin: string, env: NodeJS.ProcessEnv | undefined): string {
  const configured = (env?.CORS_ORIGINS ?? process.env.CORS_ORIGINS ?? DEVELOPMENT_UI_ORIGIN).split(",");
  return [...new Set([...configured.map((entry) => entry.trim()).filter(Boolean), origin])].join(",");
}
