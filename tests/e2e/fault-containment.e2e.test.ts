/**
 * One team's outage costs only that team's fields: each subgraph in turn is stopped (SIGSTOP: hung) and killed
 * (SIGKILL: gone) under a steady trickle of portal queries, then brought back, with the gateway never restarted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../harness.js";

// One query that needs every subgraph: the catalog's applications with what the three other teams add, a root
// field of acknowledgements, and the viewer from access-roles with their compliance from acknowledgements.
const WIDE = `query Wide {
  applications(first: 23) { nodes { id name helpDesks { helpDesk { name } } requiredPolicies { id } roles { id } } }
  policies { id }
  me { id displayName compliance { compliant } }
}`;

interface Wide {
  applications: {
    nodes: { id: string; name: string; helpDesks: unknown; requiredPolicies: unknown; roles: unknown }[];
  } | null;
  policies: { id: string }[] | null;
  me: { id: string; displayName: string; compliance: unknown } | null;
}

interface Answer {
  status: number;
  body: {
    data?: Wide | null;
    errors?: {
      message: string;
      path?: (string | number)[];
      extensions?: { code?: string; subgraph?: string; reason?: string };
    }[];
  };
}

/** True when every error of the answer is a circuit's immediate refusal. */
function circuitOpen(answer: Answer | undefined): boolean {
  const errors = answer?.body.errors ?? [];
  return errors.length > 0 && errors.every((error) => error.extensions?.reason === "CIRCUIT_OPEN");
}

const SUBGRAPHS = ["help-desks", "acknowledgements", "access-roles", "catalog"] as const;
const PHASE_MS = 3000;
const PAUSE_MS = 200;

/** What must still be there when `down` does not answer: everything it does not own. */
function expectContained(answer: Answer, down: (typeof SUBGRAPHS)[number]): void {
  const { data, errors = [] } = answer.body;
  expect(answer.status).toBe(200);
  // No whole-response null: catalog, acknowledgements and access-roles each own a root field here.
  expect(data).toBeTruthy();
  for (const error of errors) {
    expect(error.extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", subgraph: down });
    expect(error.path?.length).toBeGreaterThan(0);
  }
  const nodes = data!.applications?.nodes;
  if (down === "catalog") {
    expect(data!.applications).toBeNull();
  } else {
    expect(nodes).toHaveLength(23);
    for (const node of nodes!) expect(node.name).toEqual(expect.any(String));
  }
  if (down !== "acknowledgements") expect(data!.policies?.length).toBeGreaterThan(0);
  if (down === "access-roles") {
    expect(data!.me).toBeNull();
  } else {
    expect(data!.me?.displayName).toBe("Alice Archer");
  }
  if (down === "help-desks") for (const node of nodes!) expect(node.helpDesks).toBeNull();
  if (down === "acknowledgements") {
    for (const node of nodes!) expect(node.requiredPolicies).toBeNull();
    expect(data!.me?.compliance).toBeNull();
  }
  if (down === "access-roles") for (const node of nodes!) expect(node.roles).toBeNull();
  expect(errors.length).toBeGreaterThan(0);
}

describe("fault containment through the real gateway", () => {
  let stack: TestStack;
  let token: string;
  let baseline: Answer;

  const wide = async (): Promise<Answer> => stack.graphql<Wide>(WIDE, undefined, { authorization: `Bearer ${token}` });
  const health = async () =>
    (await (await fetch(`${stack.gateway.url}/health/subgraphs`)).json()) as {
      healthy: boolean;
      subgraphs: Record<string, { reachable: boolean; circuit: { state: string } }>;
    };

  /** Waits (20 s at most) until every subgraph is healthy and the query answers without an error. */
  const untilWhole = async (): Promise<Answer> => {
    const deadline = Date.now() + 20_000;
    let answer = await wide();
    while (!(await health()).healthy || answer.body.errors) {
      expect(Date.now(), JSON.stringify(answer.body.errors)).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await wide();
    }
    return answer;
  };

  beforeAll(async () => {
    stack = await startTestStack({
      SUBGRAPH_TIMEOUT_MS: "1500",
      SUBGRAPH_BREAKER_FAILURES: "3",
      SUBGRAPH_BREAKER_RESET_MS: "300",
      READY_TIMEOUT_MS: "300",
    });
    token = await stack.token("alice");
    baseline = await wide();
  }, 120_000);
  afterAll(async () => {
    for (const sg of stack?.subgraphs.values() ?? []) sg.child.kill("SIGCONT");
    await stack?.stop();
  });

  it("answers the whole query when every subgraph is up", () => {
    expect(baseline.body.errors).toBeUndefined();
    expect(baseline.body.data!.applications!.nodes).toHaveLength(23);
    expect(baseline.body.data!.me!.displayName).toBe("Alice Archer");
  });

  for (const fault of ["SIGSTOP", "SIGKILL"] as const) {
    for (const down of SUBGRAPHS) {
      it(
        `${fault} ${down}: other teams' fields keep answering, the circuit opens, and ${down} comes back`,
        { timeout: 60_000 },
        async () => {
          const gatewayPid = stack.gateway.child.pid;
          // Each case starts from a whole graph, so one failure cannot cascade into the next case.
          await untilWhole();
          const child = stack.subgraphs.get(down)!.child;
          child.kill(fault);
          const answers: Answer[] = [];
          const readiness: number[] = [];
          const started = Date.now();
          let during: Awaited<ReturnType<typeof health>>;
          try {
            // A bounded trickle of portal traffic: one query at a time with a short pause, for a few seconds and
            // until the circuit has answered for the subgraph (20 s at most).
            while (Date.now() - started < PHASE_MS || !circuitOpen(answers.at(-1))) {
              if (Date.now() - started > 20_000) break;
              answers.push(await wide());
              readiness.push((await fetch(`${stack.gateway.url}/ready`)).status);
              await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
            }
            during = await health();
          } finally {
            if (fault === "SIGSTOP") child.kill("SIGCONT");
            else await stack.restartSubgraph(down);
          }

          for (const answer of answers) expectContained(answer, down);
          // Once open, the circuit answers for the subgraph at once instead of waiting out its timeout.
          expect(circuitOpen(answers.at(-1))).toBe(true);
          expect(new Set(readiness)).toEqual(new Set([200]));
          expect(during.healthy).toBe(false);
          expect(during.subgraphs[down]).toMatchObject({ reachable: false });
          expect(during.subgraphs[down]!.circuit.state).not.toBe("closed");
          for (const other of SUBGRAPHS.filter((name) => name !== down)) {
            expect(during.subgraphs[other]).toMatchObject({ reachable: true, circuit: { state: "closed" } });
          }

          // Back by itself: the probe closes the circuit and the same query answers in full again. A process just
          // restarted on a loaded machine may miss its first timeout, so the answer is awaited, within a bound.
          expect(await untilWhole()).toEqual(baseline);
          expect(stack.gateway.child.pid).toBe(gatewayPid);
          expect(stack.gateway.child.exitCode).toBeNull();
        },
      );
    }
  }
});
