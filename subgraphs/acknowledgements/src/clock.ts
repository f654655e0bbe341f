/**
 * The subgraph's one source of "now": statuses, due dates, `omb.expired`, acknowledgement times and the seed's
 * relative dates all read it, so tests can pin the date with setClock instead of depending on the real one.
 */
let source: () => Date = () => new Date();

/** The current instant. */
export function now(): Date {
  return source();
}

/** Today in UTC as "YYYY-MM-DD". */
export function today(at: Date = now()): string {
  return at.toISOString().slice(0, 10);
}

/** Replaces the clock (tests); null restores the real one. */
export function setClock(next: (() => Date) | null): void {
  source = next ?? (() => new Date());
}

/** The instant `days` whole days after `from`. */
export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * 86_400_000);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when the text is a real calendar day written "YYYY-MM-DD". */
export function isCalendarDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}
