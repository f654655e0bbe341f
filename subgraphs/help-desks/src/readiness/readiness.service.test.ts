import { describe, expect, it } from "vitest";
import { ContactKind } from "../contact/contact-point.js";
import type { HelpDesk } from "../help-desk/help-desk.entity.js";
import { Weekday, type Hours } from "../hours/opening-hours.js";
import { chooseHelpDesk, contactPointToUse } from "./readiness.service.js";

const WEEKDAYS = [Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY, Weekday.THURSDAY, Weekday.FRIDAY];
const weekdays = (timeZone: string, opens: string, closes: string): Hours => ({
  timeZone,
  weekly: [{ days: WEEKDAYS, opens, closes }],
  exceptions: [],
});
const desk = (id: string, hours: Hours | null) => ({ id, hours }) as HelpDesk;
// Monday 21 July 2025, 11:00Z: 6 a.m. in Chicago, 7 a.m. in New York, noon in London.
const AT = new Date("2025-07-21T11:00:00Z");
const chosen = (desks: HelpDesk[]) => {
  const choice = chooseHelpDesk(desks, AT);
  return choice && [choice.helpDesk.id, choice.openNow, choice.opensAt?.toISOString() ?? null];
};

describe("choosing the desk to contact", () => {
  it("takes the first desk open now, whatever its place", () => {
    const chicago = desk("chicago", weekdays("America/Chicago", "07:00", "19:00"));
    const london = desk("london", weekdays("Europe/London", "09:00", "17:00"));
    const paris = desk("paris", weekdays("Europe/Paris", "08:00", "18:00"));
    expect(chosen([chicago, london, paris])).toEqual(["london", true, null]);
    expect(chosen([desk("unknown", null), paris, london])).toEqual(["paris", true, null]);
  });

  it("when none is open, takes the one opening soonest, the earlier assigned on a tie", () => {
    const newYork = desk("new-york", weekdays("America/New_York", "08:30", "18:00"));
    const chicago = desk("chicago", weekdays("America/Chicago", "07:00", "19:00"));
    const twin = desk("twin", weekdays("America/New_York", "08:30", "18:00"));
    expect(chosen([desk("unknown", null), newYork, chicago])).toEqual(["chicago", false, "2025-07-21T12:00:00.000Z"]);
    expect(chosen([newYork, twin])).toEqual(["new-york", false, "2025-07-21T12:30:00.000Z"]);
    expect(chosen([twin, newYork])).toEqual(["twin", false, "2025-07-21T12:30:00.000Z"]);
  });

  it("falls back to the first desk when no hours are known or none opens within the horizon", () => {
    expect(chosen([desk("primary", null), desk("other", null)])).toEqual(["primary", false, null]);
    const never: Hours = { timeZone: "America/Chicago", weekly: [], exceptions: [] };
    expect(chosen([desk("primary", null), desk("never", never)])).toEqual(["primary", false, null]);
  });

  it("answers null without desks", () => {
    expect(chooseHelpDesk([], AT)).toBeNull();
  });
});

describe("the contact point to use", () => {
  const points = (...kinds: ContactKind[]) => kinds.map((kind, position) => ({ kind, position }));
  const { PHONE, TTY, FAX, EMAIL, WEB, LOCAL_DESK } = ContactKind;

  it("prefers a phone, then a TTY line, then the first email or web point, in published order", () => {
    expect(contactPointToUse(points(EMAIL, TTY, PHONE, PHONE))).toEqual({ kind: PHONE, position: 2 });
    expect(contactPointToUse(points(EMAIL, FAX, TTY))).toEqual({ kind: TTY, position: 2 });
    expect(contactPointToUse(points(FAX, WEB, EMAIL))).toEqual({ kind: WEB, position: 1 });
    expect(contactPointToUse(points(LOCAL_DESK, EMAIL))).toEqual({ kind: EMAIL, position: 1 });
  });

  it("offers none for a fax, an instruction or an empty list", () => {
    expect(contactPointToUse(points(FAX, LOCAL_DESK))).toBeNull();
    expect(contactPointToUse([])).toBeNull();
  });
});
