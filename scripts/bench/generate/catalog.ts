import type { DataSource } from "typeorm";
import { seedCatalog, subgraph, type ApplicationSeed } from "@portal-graph/catalog";
import { pad, type Random } from "../random.js";

const WORDS = [
  "Claims",
  "Enrollment",
  "Quality",
  "Payments",
  "Reporting",
  "Eligibility",
  "Audit",
  "Provider",
  "Analytics",
];

/** The seed page's 23 applications plus synthetic ones up to `count`; returns every application id. */
export async function generateCatalog(dataSource: DataSource, count: number, random: Random): Promise<string[]> {
  await subgraph.seed(dataSource);
  const synthetic: ApplicationSeed[] = Array.from({ length: Math.max(0, count - 23) }, (_, i) => ({
    id: `app-${pad(i, 5)}`,
    acronym: `A${pad(i, 5)}`,
    name: `${random.pick(WORDS)} ${random.pick(WORDS)} System ${pad(i, 5)}`,
    formerNames: i % 10 === 0 ? [`OLD${pad(i, 5)}`] : [],
    description: `Synthetic application ${i} for the benchmark.`,
    category: random.pick(WORDS),
    tags: [random.pick(WORDS).toLowerCase(), `group-${i % 12}`],
    launchUrl: `https://apps.example.org/${i}`,
    links: [
      { kind: "FAQ", title: "FAQ", url: `https://apps.example.org/${i}/faq` },
      { kind: "USER_GUIDE", title: "User guide", url: `https://apps.example.org/${i}/guide` },
    ],
  }));
  await seedCatalog(dataSource, synthetic);
  const rows: { id: string }[] = await dataSource.query("SELECT id FROM application");
  return rows.map((row) => row.id);
}
