import { mkdirSync, readFileSync, renameSync, unwatchFile, watchFile, writeFileSync, type Stats } from "node:fs";
import path from "node:path";
import { readFile } from "node:fs/promises";
import type { SupergraphSdlHook } from "@apollo/gateway";
import type { Logger } from "@portal-graph/http-kit";

/** Where the supergraph file lives and how often to look at it. */
export interface SupergraphFileOptions {
  path: string;
  pollIntervalMs: number;
  logger: Logger;
}

/** Reads the supergraph once (the gateway's start fails if it cannot) and hands each changed version to the gateway. */
export function createSupergraphFileHook(options: SupergraphFileOptions): SupergraphSdlHook {
  const { path, pollIntervalMs, logger } = options;
  return async ({ update }) => {
    const supergraphSdl = await readInitial(path);
    // The last content looked at, loaded or refused (so a refused file is logged once), and the one being served.
    let seen = supergraphSdl;
    let served = supergraphSdl;

    // fs.watchFile polls stat() by path rather than holding an inode, so it keeps working when an editor or
    // the compose script replaces the file by rename, and it reports a missing file as a zeroed stat.
    const onChange = (current: Stats) => {
      if (current.nlink === 0 && current.mtimeMs === 0) {
        logger.warn({ path }, "supergraph file is gone; keeping the current supergraph");
        return;
      }
      let sdl: string;
      try {
        sdl = readFileSync(path, "utf8");
      } catch (error) {
        logger.warn(
          { path, reason: (error as Error).message },
          "supergraph file is unreadable; keeping the current supergraph",
        );
        return;
      }
      if (sdl === seen) return;
      seen = sdl;
      if (sdl === served) return;
      if (sdl.trim() === "") {
        // Most likely caught between truncate and write; the write that follows changes the size and polls again.
        logger.warn({ path }, "supergraph file is empty; keeping the current supergraph");
        return;
      }
      try {
        // update() parses and validates synchronously and throws before swapping anything when the file is bad;
        // operations already planned keep the schema and plan they started with.
        update(sdl);
        served = sdl;
        logger.info({ path }, "supergraph reloaded");
      } catch (error) {
        logger.error(
          { path, reason: (error as Error).message },
          "supergraph reload failed; keeping the current supergraph",
        );
      }
    };

    watchFile(path, { interval: pollIntervalMs, persistent: false }, onChange);
    return {
      supergraphSdl,
      cleanup: async () => unwatchFile(path, onChange),
    };
  };
}

async function readInitial(path: string): Promise<string> {
  let sdl: string;
  try {
    sdl = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(`cannot read the supergraph at ${path} (${code}); run \`npm run schema:compose\` to create it`, {
      cause: error,
    });
  }
  if (sdl.trim() === "") {
    throw new Error(`the supergraph at ${path} is empty; run \`npm run schema:compose\` to create it`);
  }
  return sdl;
}

/** Where the registry serves the supergraph, how to ask, and where to keep a copy for a restart during its outage. */
export interface SupergraphRegistryOptions {
  url: string;
  token?: string;
  pollIntervalMs: number;
  /** The last supergraph served, kept on disk: a gateway restarted while the registry is down starts from it. */
  cachePath: string;
  logger: Logger;
  /** Told of each version served (its number from the registry), for /health/subgraphs and /metrics. */
  onVersion?: (version: string | null) => void;
}

/**
 * Follows the registry: asks for the supergraph every poll interval with If-None-Match (a 304 costs nothing), hands
 * each new version to the gateway (operations in flight finish on the plan they started with) and keeps it on disk.
 * A registry that is down, or a version that does not load, leaves the current supergraph serving.
 */
export function createSupergraphRegistryHook(options: SupergraphRegistryOptions): SupergraphSdlHook {
  const { url, token, pollIntervalMs, cachePath, logger } = options;
  const headers = (etag: string | null): Record<string, string> => ({
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(etag ? { "if-none-match": etag } : {}),
  });
  const fetchSupergraph = async (etag: string | null) => {
    const response = await fetch(url, { headers: headers(etag), signal: AbortSignal.timeout(10_000) });
    if (response.status === 304) return null;
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`the registry answered ${response.status}`);
    }
    return {
      sdl: await response.text(),
      etag: response.headers.get("etag"),
      version: response.headers.get("x-supergraph-version"),
    };
  };

  return async ({ update }) => {
    let initial: { sdl: string; etag: string | null; version: string | null };
    try {
      initial = (await fetchSupergraph(null))!;
      keepCopy(cachePath, initial.sdl, logger);
      logger.info({ url, version: initial.version }, "supergraph loaded from the registry");
    } catch (error) {
      const reason = (error as Error).message;
      let sdl: string;
      try {
        sdl = readFileSync(cachePath, "utf8");
      } catch {
        throw new Error(
          `cannot load the supergraph from the registry at ${url} (${reason}), and no copy is kept at ${cachePath}`,
        );
      }
      logger.warn({ url, reason, cachePath }, "the registry cannot be reached; starting from the copy kept on disk");
      initial = { sdl, etag: null, version: null };
    }
    options.onVersion?.(initial.version);
    let etag = initial.etag;
    let served = initial.sdl;
    let failing = false;

    const poll = async () => {
      let next: Awaited<ReturnType<typeof fetchSupergraph>>;
      try {
        next = await fetchSupergraph(etag);
        if (failing) logger.info({ url }, "the registry answers again");
        failing = false;
      } catch (error) {
        if (!failing)
          logger.warn(
            { url, reason: (error as Error).message },
            "the registry cannot be reached; keeping the current supergraph",
          );
        failing = true;
        return;
      }
      if (!next) return;
      etag = next.etag; // a version that does not load is not asked for again until the registry moves on
      if (next.sdl === served) return;
      try {
        update(next.sdl);
        served = next.sdl;
        keepCopy(cachePath, next.sdl, logger);
        options.onVersion?.(next.version);
        logger.info({ url, version: next.version }, "supergraph updated from the registry");
      } catch (error) {
        logger.error(
          { url, version: next.version, reason: (error as Error).message },
          "the registry's supergraph did not load; keeping the current one",
        );
      }
    };

    let polling = false;
    const timer = setInterval(() => {
      if (polling) return;
      polling = true;
      void poll().finally(() => (polling = false));
    }, pollIntervalMs);
    timer.unref();
    return { supergraphSdl: initial.sdl, cleanup: async () => clearInterval(timer) };
  };
}

/** Writes the copy whole (a temporary file renamed over it), so a crash never leaves half a supergraph. */
function keepCopy(cachePath: string, sdl: string, logger: Logger): void {
  try {
    mkdirSync(path.dirname(cachePath), { recursive: true });
    const temporary = `${cachePath}.${process.pid}.tmp`;
    writeFileSync(temporary, sdl);
    renameSync(temporary, cachePath);
  } catch (error) {
    logger.warn({ cachePath, reason: (error as Error).message }, "cannot keep a copy of the supergraph on disk");
  }
}
