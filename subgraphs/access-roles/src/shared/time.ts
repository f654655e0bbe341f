const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant `days` whole days after `from`. */
export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

/** The UTC calendar day of an instant, "YYYY-MM-DD" (certification due dates are days, compared as text). */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}
