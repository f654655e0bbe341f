import type { DataSource } from "typeorm";
import { seedHelpDesks, type HelpDeskSeed } from "@portal-graph/help-desks";
import { pad, type Random } from "../random.js";

const ZONES = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"];
// The enum values as GraphQL spells them; the seed normalises drafts through the same code as the mutations.
const WEEKDAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"] as never[];

/** `desks` synthetic desks (phones, email, web, hours in four zones) and 1 to 3 of them for every application. */
export async function generateHelpDesks(
  dataSource: DataSource,
  applicationIds: string[],
  desks: number,
  random: Random,
): Promise<void> {
  const assignments = new Map<number, HelpDeskSeed["assignments"]>();
  for (const applicationId of applicationIds) {
    const chosen = new Set<number>();
    const count = random.int(1, 3);
    while (chosen.size < count) chosen.add(random.int(0, desks - 1));
    [...chosen].forEach((desk, index) => {
      const list = assignments.get(desk) ?? [];
      list.push({ applicationId, purpose: index === 0 ? "General support" : "Data questions", primary: index === 0 });
      assignments.set(desk, list);
    });
  }
  const seeds: HelpDeskSeed[] = Array.from({ length: desks }, (_, i) => ({
    id: `desk-${pad(i, 3)}`,
    name: `Service Desk ${pad(i, 3)}`,
    description: `Synthetic help desk ${i}.`,
    notes: [],
    contactPoints: [
      { kind: "PHONE", value: `1 (410) 786-${pad(1000 + i, 4)}`, menuSteps: i % 3 === 0 ? ["press Option 1"] : [] },
      { kind: "EMAIL", value: `desk${i}@example.org` },
      { kind: "WEB", value: `https://help.example.org/${i}` },
    ] as unknown as HelpDeskSeed["contactPoints"],
    hours:
      i % 5 === 4
        ? null
        : {
            timeZone: random.pick(ZONES),
            weekly: [{ days: WEEKDAYS, opens: "08:00", closes: i % 2 ? "17:00" : "20:00" }],
            exceptions: [{ date: "2026-12-25", closed: true, note: "Holiday" }],
          },
    dataQuality: [],
    assignments: assignments.get(i) ?? [],
  }));
  await seedHelpDesks(dataSource, seeds);
}
