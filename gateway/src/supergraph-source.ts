import { readFileSync, unwatchFile, watchFile, type Stats } from "node:fs";
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
