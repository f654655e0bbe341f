import type { SubgraphServices } from "@portal-graph/subgraph-kit";
import { accessRolesSettings } from "../config.js";
import { sweep } from "./sweep.js";

/**
 * The subgraph's background work (the kit's onStarted hook): runs the sweep now and then every
 * ACCESS_SWEEP_INTERVAL_MINUTES (default 60; 0 turns it off) on the process's data source. Runs never overlap; a
 * failed run is logged and the next one tries again. Returns the stop function the kit calls on shutdown; a run
 * cut short by the shutdown rolls back and is simply done again by the next process.
 */
export function startSweepSchedule({
  dataSource,
  logger,
}: Pick<SubgraphServices, "dataSource" | "logger">): () => void {
  const { sweepIntervalMinutes } = accessRolesSettings();
  if (sweepIntervalMinutes === 0) {
    logger.info("access sweep schedule off (ACCESS_SWEEP_INTERVAL_MINUTES=0)");
    return () => undefined;
  }
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = () => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        const result = await sweep(dataSource, new Date());
        logger.info(result, "access sweep done");
      } catch (error) {
        logger.error({ err: error }, "access sweep failed; the next run tries again");
      }
    });
  };
  run();
  const timer = setInterval(run, sweepIntervalMinutes * 60 * 1000);
  // The timer alone must not keep a draining process alive.
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
