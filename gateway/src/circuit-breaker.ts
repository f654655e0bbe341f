/** Where a subgraph's circuit stands: closed (calls go through), open (calls fail at once), half-open (probing). */
export type CircuitState = "closed" | "open" | "half-open";

/** How a breaker decides and how it finds out that its subgraph is back. */
export interface CircuitBreakerOptions {
  /** Consecutive failed calls that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit waits before each probe. */
  resetMs: number;
  /** Asks the subgraph whether it answers again; resolves true when it does. Never called while closed. */
  probe: () => Promise<boolean>;
  /** Told of every change of state, with the reason (the last error when it opens). */
  onChange?: (state: CircuitState, reason: string) => void;
}

/** What /health/subgraphs shows of a breaker. */
export interface CircuitSnapshot {
  state: CircuitState;
  consecutiveFailures: number;
  lastError: string | null;
  lastErrorAt: string | null;
}

/**
 * A circuit breaker for one subgraph. After `failureThreshold` failed calls in a row it opens: calls are refused
 * at once (no request waits on a subgraph known to be down), and every `resetMs` it probes the subgraph itself
 * (half-open) so no client request pays for finding out; the first probe that answers closes it again.
 */
export class CircuitBreaker {
  private state: CircuitState = "closed";
  private failures = 0;
  private lastError: string | null = null;
  private lastErrorAt: Date | null = null;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: CircuitBreakerOptions) {}

  /** True when a call may go to the subgraph now. */
  allows(): boolean {
    return this.state === "closed";
  }

  /** Records a call the subgraph answered (whatever its GraphQL outcome). */
  succeeded(): void {
    this.failures = 0;
  }

  /** Records a call the subgraph did not answer: refused connection, reset, timeout, 502/503/504. */
  failed(reason: string): void {
    this.failures += 1;
    this.lastError = reason;
    this.lastErrorAt = new Date();
    if (this.state === "closed" && this.failures >= this.options.failureThreshold) this.open(reason);
  }

  snapshot(): CircuitSnapshot {
    return {
      state: this.state,
      consecutiveFailures: this.failures,
      lastError: this.lastError,
      lastErrorAt: this.lastErrorAt?.toISOString() ?? null,
    };
  }

  /** Stops probing (the gateway is stopping). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private open(reason: string): void {
    this.set("open", reason);
    this.scheduleProbe();
  }

  private scheduleProbe(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.runProbe(), this.options.resetMs);
    // A breaker waiting to probe must not keep a stopping process alive.
    this.timer.unref();
  }

  private async runProbe(): Promise<void> {
    this.set("half-open", "probing");
    const answered = await this.options.probe().catch(() => false);
    if (this.stopped) return;
    if (answered) {
      this.failures = 0;
      this.set("closed", "probe answered");
    } else {
      this.set("open", "probe failed");
      this.scheduleProbe();
    }
  }

  private set(state: CircuitState, reason: string): void {
    if (state === this.state) return;
    this.state = state;
    this.options.onChange?.(state, reason);
  }
}
