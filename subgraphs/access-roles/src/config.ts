import { readWholeNumber } from "@portal-graph/http-kit";

/** The access-roles settings read from the environment. */
export interface AccessRolesConfig {
  /** Days a pending request waits for a decision before the sweep expires it (ACCESS_REQUEST_TTL_DAYS). */
  requestTtlDays: number;
  /** Minutes between scheduled sweeps (ACCESS_SWEEP_INTERVAL_MINUTES); 0 turns the schedule off. */
  sweepIntervalMinutes: number;
}

/** A grant must be certified again within this many days of its grant or last certification. */
export const CERTIFICATION_PERIOD_DAYS = 365;

/** Certification opens this many days before the due date, so a grant is certified once a year, not at will. */
export const CERTIFICATION_WINDOW_DAYS = 60;

/** Longest accepted justification, comment or reason (characters). */
export const MAX_TEXT = 1000;

/** Reads the settings; a malformed value is an error naming the variable, never a silent default. */
export function loadAccessRolesConfig(env: NodeJS.ProcessEnv = process.env): AccessRolesConfig {
  return {
    requestTtlDays: readWholeNumber(env, "ACCESS_REQUEST_TTL_DAYS", 30, 1, 365),
    sweepIntervalMinutes: readWholeNumber(env, "ACCESS_SWEEP_INTERVAL_MINUTES", 60, 0, 24 * 60),
  };
}

let settings: AccessRolesConfig | undefined;

/** The settings this process runs with: read from the environment once (at start, by the kit), then kept. */
export function accessRolesSettings(env: NodeJS.ProcessEnv = process.env): AccessRolesConfig {
  return (settings ??= loadAccessRolesConfig(env));
}
