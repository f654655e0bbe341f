/**
 * The registry's rules over its store: a subgraph change is composed with the latest published SDL of every other
 * subgraph and judged by what it does to the API schema; publishing stores a new numbered version, immutable.
 */
import type { DataSource } from "typeorm";
import { writeTransaction } from "@portal-graph/subgraph-kit";
import { apiChanges, composeSubgraphs, type PublishedSubgraph, type SchemaChange } from "./compose.js";
import { RegistryInputError } from "./registry-errors.js";
import { SupergraphVersion, type VersionAction } from "./supergraph-version.entity.js";
import { notServedYet, type ServingCheck } from "./serving.js";
import { operationsUsing } from "./usage.js";

export { RegistryInputError };

/** What a team proposes for its subgraph. */
export interface SubgraphProposal {
  sdl: string;
  /** Required the first time a subgraph is published; kept from the previous version otherwise. */
  routingUrl?: string;
  /** Required the first time a subgraph is published; kept from the previous version otherwise. */
  owner?: string;
  contact?: string;
}

/** A deliberate break: accepted with its reason, which the version records. */
export interface Override {
  force?: boolean;
  reason?: string;
}

/** The verdict on a change, the same for check and publish. */
export interface CheckResult {
  /** True when it composes and breaks nothing (or the break is forced with a reason). */
  ok: boolean;
  subgraph: string;
  compositionErrors: string[];
  changes: SchemaChange[];
  /** The owners of the graph's subgraphs, so whoever a change breaks knows whom to call. */
  owners: { subgraph: string; owner: string; contact: string }[];
  forced: boolean;
  /** Fields and arguments the proposal holds that the subgraph at its routing URL does not serve yet. */
  notServed?: string[];
  /** Why the subgraph's served schema could not be read. */
  servingError?: string;
}

export interface VersionSummary {
  id: number;
  hash: string;
  action: VersionAction;
  subgraph: string | null;
  actor: string;
  reason: string | null;
  createdAt: string;
  subgraphs: { name: string; routingUrl: string; owner: string }[];
  /** What the version changed in the API, against the one before it. */
  changes: SchemaChange[];
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export interface RegistryOptions {
  /** How far back an operation counts as used: a breaking change to what none used in it passes as dangerous. */
  usageWindowDays?: number;
  /** Before a publish: does the subgraph at the routing URL serve what is published? None: not asked. */
  serving?: ServingCheck;
}

export class Registry {
  private readonly usageWindowDays: number;
  private readonly serving: ServingCheck | undefined;

  constructor(
    private readonly dataSource: DataSource,
    options: RegistryOptions = {},
  ) {
    this.usageWindowDays = options.usageWindowDays ?? 30;
    this.serving = options.serving;
  }

  /** The version gateways are served: the highest id. */
  async latest(): Promise<SupergraphVersion | null> {
    const [version] = await this.dataSource.getRepository(SupergraphVersion).find({ order: { id: "DESC" }, take: 1 });
    return version ?? null;
  }

  async history(limit = 20): Promise<VersionSummary[]> {
    const versions = await this.dataSource
      .getRepository(SupergraphVersion)
      .find({ order: { id: "DESC" }, take: limit });
    return versions.map(summary);
  }

  /** The verdict on publishing the proposal, storing nothing. */
  async check(name: string, proposal: SubgraphProposal, override: Override = {}): Promise<CheckResult> {
    return (await this.judge(await this.latest(), name, (current) => withProposal(current, name, proposal), override))
      .result;
  }

  /**
   * Checks, makes sure the subgraph already serves what is published (deploy first, then publish), and when both
   * pass stores the change as the next version.
   */
  async publish(name: string, proposal: SubgraphProposal, actor: string, override: Override = {}) {
    // A forced publish (with its recorded reason) is not asked either: the one override for every refusal but
    // composition errors.
    const refusal = override.force && override.reason?.trim() ? null : await this.notServedRefusal(name, proposal);
    if (refusal) return { result: refusal, version: null };
    return this.store("publish", name, actor, override, (current) => withProposal(current, name, proposal));
  }

  private async notServedRefusal(name: string, proposal: SubgraphProposal): Promise<CheckResult | null> {
    if (!this.serving) return null;
    const latest = await this.latest();
    const published = withProposal(latest?.subgraphs ?? [], name, proposal).find((s) => s.name === name)!;
    const refusal = { ok: false, subgraph: name, compositionErrors: [], changes: [], owners: [], forced: false };
    let served: string;
    try {
      served = await this.serving.servedSdl(name, published.routingUrl);
    } catch (error) {
      return { ...refusal, servingError: (error as Error).message };
    }
    const missing = notServedYet(proposal.sdl, served);
    return missing.length > 0 ? { ...refusal, notServed: missing } : null;
  }

  /** Takes a subgraph out of the graph; checked like any change (its fields disappear). */
  remove(name: string, actor: string, override: Override = {}) {
    return this.store("remove", name, actor, override, (current) => {
      if (!current.some((subgraph) => subgraph.name === name)) {
        throw new RegistryInputError(`no subgraph named "${name}" is published`, 404);
      }
      return current.filter((subgraph) => subgraph.name !== name);
    });
  }

  /** Serves an earlier version's subgraphs again, as a new version (history is never rewritten). */
  async rollback(toId: number, actor: string, reason?: string) {
    const target = await this.dataSource.getRepository(SupergraphVersion).findOneBy({ id: toId });
    if (!target) throw new RegistryInputError(`there is no version ${toId}`, 404);
    const current = await this.latest();
    const changes = current ? await apiChanges(current.supergraph, target.supergraph) : [];
    return writeTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(SupergraphVersion);
      const [latest] = await repository.find({ order: { id: "DESC" }, take: 1 });
      const version = repository.create({
        ...target,
        id: (latest?.id ?? 0) + 1,
        action: "rollback",
        subgraph: null,
        actor,
        reason: reason ?? `back to version ${toId}`,
        changes,
        createdAt: new Date(),
      });
      await repository.insert(version);
      return summary(version);
    });
  }

  private async store(
    action: VersionAction,
    name: string,
    actor: string,
    override: Override,
    change: (current: PublishedSubgraph[]) => PublishedSubgraph[],
  ): Promise<{ result: CheckResult; version: VersionSummary | null }> {
    return writeTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(SupergraphVersion);
      const [latest] = await repository.find({ order: { id: "DESC" }, take: 1 });
      const { result, supergraph, subgraphs } = await this.judge(latest ?? null, name, change, override);
      if (!result.ok || !supergraph) return { result, version: null };
      if (latest && latest.hash === supergraph.hash && sameSubgraphs(latest.subgraphs, subgraphs)) {
        return { result, version: summary(latest) };
      }
      const version = repository.create({
        id: (latest?.id ?? 0) + 1,
        supergraph: supergraph.supergraphSdl,
        hash: supergraph.hash,
        subgraphs,
        action,
        subgraph: name,
        actor,
        reason: override.reason ?? null,
        changes: result.changes,
      });
      await repository.insert(version);
      return { result, version: summary(version) };
    });
  }

  /**
   * A breaking change stays breaking when an operation seen in the usage window used what it breaks (named, with its
   * clients); otherwise nobody is known to depend on it, and it passes as dangerous, saying so. A break without a
   * schema coordinate stays breaking.
   */
  private async judgeByUsage(changes: SchemaChange[]): Promise<SchemaChange[]> {
    const paths = changes.filter((c) => c.level === "BREAKING" && c.path).map((c) => c.path!);
    const since = new Date(Date.now() - this.usageWindowDays * 24 * 60 * 60 * 1000);
    const users = await operationsUsing(this.dataSource, paths, since);
    const judged = changes.map((change): SchemaChange => {
      if (change.level !== "BREAKING" || !change.path) return change;
      const usedBy = users.get(change.path) ?? [];
      if (usedBy.length > 0) return { ...change, usedBy };
      return {
        ...change,
        level: "DANGEROUS",
        message: `${change.message} (no operation used it in the last ${this.usageWindowDays} days)`,
      };
    });
    const order = ["BREAKING", "DANGEROUS", "SAFE"];
    return judged.sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level));
  }

  private async judge(
    latest: SupergraphVersion | null,
    name: string,
    change: (current: PublishedSubgraph[]) => PublishedSubgraph[],
    override: Override,
  ) {
    if (!NAME.test(name)) throw new RegistryInputError(`the subgraph name "${name}" is not kebab-case`);
    if (override.force && !override.reason?.trim()) {
      throw new RegistryInputError("a forced change needs a reason (--reason), which the version records");
    }
    const subgraphs = change(latest?.subgraphs ?? []);
    const owners = subgraphs.map(({ name: subgraph, owner, contact }) => ({ subgraph, owner, contact }));
    const composed = composeSubgraphs(subgraphs);
    if ("errors" in composed) {
      const result = {
        ok: false,
        subgraph: name,
        compositionErrors: composed.errors,
        changes: [],
        owners,
        forced: false,
      };
      return { result, supergraph: null, subgraphs };
    }
    const changes = await this.judgeByUsage(await apiChanges(latest?.supergraph ?? null, composed.supergraphSdl));
    const breaks = changes.some((c) => c.level === "BREAKING");
    const forced = breaks && Boolean(override.force);
    const result: CheckResult = {
      ok: !breaks || forced,
      subgraph: name,
      compositionErrors: [],
      changes,
      owners,
      forced,
    };
    return { result, supergraph: composed, subgraphs };
  }
}

function withProposal(current: PublishedSubgraph[], name: string, proposal: SubgraphProposal): PublishedSubgraph[] {
  const previous = current.find((subgraph) => subgraph.name === name);
  if (!proposal.sdl?.trim()) throw new RegistryInputError("the schema is empty");
  const routingUrl = proposal.routingUrl?.trim() || previous?.routingUrl;
  if (!routingUrl) throw new RegistryInputError(`"${name}" is published for the first time: give its routing URL`);
  let url: URL;
  try {
    url = new URL(routingUrl);
  } catch {
    throw new RegistryInputError(`the routing URL "${routingUrl}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new RegistryInputError(`the routing URL must be http or https, got ${url.protocol}`);
  }
  const owner = proposal.owner?.trim() || previous?.owner;
  const contact = proposal.contact?.trim() || previous?.contact;
  if (!owner || !contact) {
    throw new RegistryInputError(`"${name}" is published for the first time: give its owning team and a contact`);
  }
  const next = { name, routingUrl: url.toString(), sdl: proposal.sdl, owner, contact };
  return [...current.filter((subgraph) => subgraph.name !== name), next];
}

function sameSubgraphs(a: PublishedSubgraph[], b: PublishedSubgraph[]): boolean {
  const key = (list: PublishedSubgraph[]) =>
    JSON.stringify(
      [...list]
        .sort((x, y) => (x.name < y.name ? -1 : 1))
        .map((s) => [s.name, s.routingUrl, s.sdl, s.owner, s.contact]),
    );
  return key(a) === key(b);
}

function summary(version: SupergraphVersion): VersionSummary {
  return {
    id: version.id,
    hash: version.hash,
    action: version.action,
    subgraph: version.subgraph,
    actor: version.actor,
    reason: version.reason,
    createdAt: (version.createdAt ?? new Date()).toISOString(),
    subgraphs: version.subgraphs.map(({ name, routingUrl, owner }) => ({ name, routingUrl, owner })),
    changes: version.changes ?? [],
  };
}
