import { ContactKind, type ContactPointValue } from "../contact/contact-point.js";
import type { HelpDesk } from "../help-desk/help-desk.entity.js";
import { isOpenAt, nextOpening } from "../hours/opening-hours.js";

/** How far ahead a closed desk's next opening is looked for. */
export const OPENING_HORIZON_DAYS = 14;

/** The desk chosen for an application at an instant, and its state then. */
export interface HelpChoice {
  helpDesk: HelpDesk;
  openNow: boolean;
  opensAt: Date | null;
}

/**
 * Chooses among an application's desks (in assignment order, primary first): the first open at `at`; else the one
 * opening soonest within the horizon (the earlier assigned on a tie); else, when no desk has known hours or none opens
 * within the horizon, the first desk, closed with no opening time. Null when there are no desks.
 */
export function chooseHelpDesk(desks: readonly HelpDesk[], at: Date): HelpChoice | null {
  if (desks.length === 0) return null;
  const open = desks.find((desk) => desk.hours && isOpenAt(desk.hours, at));
  if (open) return { helpDesk: open, openNow: true, opensAt: null };
  let soonest: HelpChoice | null = null;
  for (const desk of desks) {
    const opensAt = desk.hours && nextOpening(desk.hours, at, OPENING_HORIZON_DAYS);
    if (opensAt && (!soonest || opensAt < soonest.opensAt!)) soonest = { helpDesk: desk, openNow: false, opensAt };
  }
  return soonest ?? { helpDesk: desks[0]!, openNow: false, opensAt: null };
}

// A call answers soonest, then a TTY line; email and web forms come after, whichever the desk lists first. Fax is
// no way to ask for help, and LOCAL_DESK is an instruction, not an address.
const CONTACT_PREFERENCE: readonly (readonly ContactKind[])[] = [
  [ContactKind.PHONE],
  [ContactKind.TTY],
  [ContactKind.EMAIL, ContactKind.WEB],
];

/** The contact point to use: the first phone, else the first TTY, else the first email or web point; else null. */
export function contactPointToUse<T extends Pick<ContactPointValue, "kind">>(points: readonly T[]): T | null {
  for (const kinds of CONTACT_PREFERENCE) {
    const found = points.find((point) => kinds.includes(point.kind));
    if (found) return found;
  }
  return null;
}
