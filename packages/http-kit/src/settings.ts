/**
 * The one reader of settings from the environment, for every process of the graph (gateway, subgraphs, registry,
 * identity): each reads its settings once at start with these, and a bad value stops the start with an Error naming
 * the variable, the rule and the value given, never a silent default.
 */

/** A variable's trimmed value; an empty variable counts as unset (`PORT= npm start` means the default, not an error). */
export function readSetting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** A whole number from min to max, or the fallback when unset; anything else throws naming the variable and the range. */
export function readWholeNumber(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = readSetting(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

/** A TCP port (0 for any free one), or the fallback when unset. */
export function readPort(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  return readWholeNumber(env, name, fallback, 0, 65_535);
}

/** "true" or "false", or undefined when unset; anything else throws naming the variable. */
export function readFlag(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const raw = readSetting(env, name);
  if (raw === undefined) return undefined;
  if (raw === "true") return true;
  if (raw === "false") return false;
  throw new Error(`${name} must be "true" or "false" (got "${raw}")`);
}
