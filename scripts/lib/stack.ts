/**
 * Starts the graph as real processes: every registered subgraph, then the gateway, each waited on until ready.
 * `npm start` uses it on the registry's ports; the end-to-end tests use it on free ports (port 0).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { realpathSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Server } from "node:http";
import { ensureDevCallerKeys, type DevCallerKeys } from "@portal-graph/auth";
import { startDevIssuer } from "@portal-graph/auth/dev-issuer";
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
  subgraphs: Map<string, RunningProcess>;
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

function command(root: string, dir: string, dev: boolean): string[] {
  return dev
    ? [
        path.join(root, "node_modules", ".bin", "tsx"),
        "watch",
        "--conditions=source",
        path.join(dir, "src", "index.ts"),
      ]
    : [process.execPath, path.join(dir, "dist", "index.js")];
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
  if (options.devIssuerPort !== undefined) {
    const dataDir = path.resolve(root, options.env?.DATA_DIR ?? process.env.DATA_DIR ?? "data");
    ({ server: issuerServer, issuer } = await startDevIssuer(path.join(dataDir, "dev-issuer"), options.devIssuerPort));
  }
  const issuerEnv: NodeJS.ProcessEnv = issuer ? { OIDC_ISSUER: issuer } : {};
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
  ) => {
    const [bin, ...args] = command(root, dir, dev);
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
  const restartLater = (entry: RegistryEntry, port: number, code: number | null) => {
    const { delayMs = 1000, maxDelayMs = 30_000 } = options.restart!;
    const history = quickExits.get(entry.name) ?? { count: 0, startedAt: 0 };
    const count = Date.now() - history.startedAt < 60_000 ? history.count + 1 : 1;
    const delay = Math.min(delayMs * 2 ** (count - 1), maxDelayMs);
    options.onExit?.(entry.name, code, delay);
    const timer = setTimeout(() => {
      restartTimers.delete(timer);
      if (stopped) return;
      quickExits.set(entry.name, { count, startedAt: Date.now() });
      startSubgraph(entry, port).then(
        () => options.onRestarted?.(entry.name),
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
        if (options.restart && subgraphs.has(entry.name)) restartLater(entry, subgraphs.get(entry.name)!.port, code);
        else options.onExit?.(entry.name, code);
      },
    );
    await waitForReady(`${running.url}/ready`, options.readyTimeoutMs, () => exited);
    subgraphs.set(entry.name, running);
  };

  try {
    await Promise.all(registry.map((entry) => startSubgraph(entry, portOf(entry.name, entry.port))));
    const overrides = Object.fromEntries(
      [...subgraphs.values()].map((sg) => [subgraphUrlVariable(sg.name), `${sg.url}/graphql`]),
    );
    const gatewayPort = String(portOf("gateway", Number(options.env?.PORT ?? process.env.PORT ?? 4000)));
    const gateway = await launch(
      "gateway",
      packageDir(root, "@portal-graph/gateway"),
      { ...gatewayKeysEnv, ...overrides, PORT: gatewayPort },
      "gateway listening",
    );
    await waitForReady(`${gateway.url}/ready`, options.readyTimeoutMs);

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
      subgraphs,
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
        issuerServer?.close();
      },
    };
  } catch (error) {
    stopped = true;
    for (const sg of subgraphs.values()) sg.child.kill("SIGTERM");
    issuerServer?.close();
    throw error;
  }
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
