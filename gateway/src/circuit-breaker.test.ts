import { describe, expect, it, vi } from "vitest";
import { CircuitBreaker, type CircuitState } from "./circuit-breaker.js";

function breaker(probe: () => Promise<boolean>, changes: CircuitState[] = []) {
  return new CircuitBreaker({ failureThreshold: 3, resetMs: 20, probe, onChange: (state) => changes.push(state) });
}

describe("CircuitBreaker", () => {
  it("stays closed below the threshold and forgets failures after a success", () => {
    const circuit = breaker(async () => true);
    circuit.failed("ECONNREFUSED");
    circuit.failed("ECONNREFUSED");
    circuit.succeeded();
    circuit.failed("ECONNREFUSED");
    circuit.failed("ECONNREFUSED");
    expect(circuit.allows()).toBe(true);
    expect(circuit.snapshot()).toMatchObject({ state: "closed", consecutiveFailures: 2, lastError: "ECONNREFUSED" });
    circuit.stop();
  });

  it("opens at the threshold, refuses calls, probes, and closes when the probe answers", async () => {
    const answers = [false, true];
    const probe = vi.fn(async () => answers.shift() ?? true);
    const changes: CircuitState[] = [];
    const circuit = breaker(probe, changes);
    for (let i = 0; i < 3; i++) circuit.failed("no answer within 800 ms");
    expect(circuit.allows()).toBe(false);
    expect(circuit.snapshot().state).toBe("open");
    await vi.waitFor(() => expect(circuit.snapshot().state).toBe("closed"), { timeout: 2000, interval: 5 });
    expect(probe).toHaveBeenCalledTimes(2);
    expect(changes).toEqual(["open", "half-open", "open", "half-open", "closed"]);
    expect(circuit.allows()).toBe(true);
    expect(circuit.snapshot().consecutiveFailures).toBe(0);
    circuit.stop();
  });

  it("stops probing once stopped", async () => {
    const probe = vi.fn(async () => false);
    const circuit = breaker(probe);
    for (let i = 0; i < 3; i++) circuit.failed("ECONNRESET");
    circuit.stop();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(probe).not.toHaveBeenCalled();
  });
});
