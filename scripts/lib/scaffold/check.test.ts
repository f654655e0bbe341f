import { describe, expect, it } from "vitest";
import { findRepoRoot, readRegistry } from "@portal-graph/subgraph-kit/workspace";
import { checkScaffold } from "./check.js";
import { plural } from "./names.js";

const root = findRepoRoot();

function problemsOf(request: Parameters<typeof checkScaffold>[1]): string[] {
  const result = checkScaffold(root, request);
  return "problems" in result ? result.problems : [];
}

describe("a new subgraph's name", () => {
  it("gives the names of every file, a free port after the registry's, and no problem", () => {
    const result = checkScaffold(
      root,
      { subgraph: "training-records", entity: "TrainingRecord", extendsType: "Application" },
      1700000000000,
    );
    expect(result).toHaveProperty("names");
    const { names } = result as Extract<typeof result, { names: unknown }>;
    const highest = Math.max(...readRegistry(root).map((entry) => entry.port));
    expect(names).toMatchObject({
      packageName: "@portal-graph/training-records",
      subgraphPascal: "TrainingRecords",
      entity: "TrainingRecord",
      entityKebab: "training-record",
      entityPlural: "trainingRecords",
      extensionField: "trainingRecords",
      table: "training_record",
      stubClass: "ApplicationOfTrainingRecords",
      port: highest + 1,
    });
  });

  it.each([
    ["an existing subgraph", { subgraph: "catalog" }, 'a subgraph named "catalog" exists already'],
    ["a name that is not kebab-case", { subgraph: "Enrollment_Service" }, "is not kebab-case"],
    ["the name of one of the graph's packages", { subgraph: "gateway" }, "one of the graph's own packages"],
    ["an entity that is not PascalCase", { subgraph: "nonesuch", entity: "nonesuch" }, "not a PascalCase"],
    ["a type the graph has", { subgraph: "nonesuch", entity: "Application" }, "the type Application exists"],
    ["a Query field the graph has", { subgraph: "desks", entity: "HelpDesk" }, "exists already in the graph"],
    [
      "a field Application has",
      { subgraph: "requirements", entity: "RequiredPolicy", extendsType: "Application" },
      "the field Application.requiredPolicies exists already",
    ],
    ["an entity named in the plural", { subgraph: "training-records" }, "reads as a plural"],
    ["a type the scaffold cannot extend", { subgraph: "nonesuch", extendsType: "HelpDesk" }, "Application only"],
  ])("is refused for %s, before anything is written", (_case, request, message) => {
    expect(problemsOf(request).join("\n")).toContain(message);
  });
});

describe("plurals for field names", () => {
  it.each([
    ["enrollment", "enrollments"],
    ["policy", "policies"],
    ["day", "days"],
    ["class", "classes"],
    ["status", "statuses"],
    ["records", "records"],
    ["box", "boxes"],
  ])("%s → %s", (word, expected) => {
    expect(plural(word)).toBe(expected);
  });
});
