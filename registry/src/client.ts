/** A small client of the registry's HTTP API, for the command line, `npm start` and tests. */
export interface RegistryAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export class RegistryClient {
  constructor(
    readonly url: string,
    private readonly token?: string,
  ) {}

  check(name: string, body: Record<string, unknown>): Promise<RegistryAnswer> {
    return this.call("POST", `/subgraphs/${encodeURIComponent(name)}/check`, body);
  }

  publish(name: string, body: Record<string, unknown>): Promise<RegistryAnswer> {
    return this.call("POST", `/subgraphs/${encodeURIComponent(name)}/publish`, body);
  }

  /**
   * Publishes several subgraphs into a registry that may hold none of them yet: those whose composition needs
   * another one published first (an `@requires` of a field it owns) are tried again after the rest, until all
   * are in or a round adds none. Resolves with each subgraph's last answer.
   */
  async publishAll(bodies: Map<string, Record<string, unknown>>): Promise<Map<string, RegistryAnswer>> {
    const answers = new Map<string, RegistryAnswer>();
    let pending = [...bodies.keys()];
    while (pending.length > 0) {
      const refused: string[] = [];
      for (const name of pending) {
        const answer = await this.publish(name, bodies.get(name)!);
        answers.set(name, answer);
        if (answer.status !== 200) refused.push(name);
      }
      if (refused.length === pending.length) break;
      pending = refused;
    }
    return answers;
  }

  remove(name: string, body: Record<string, unknown> = {}): Promise<RegistryAnswer> {
    return this.call("DELETE", `/subgraphs/${encodeURIComponent(name)}`, body);
  }

  list(): Promise<RegistryAnswer> {
    return this.call("GET", "/subgraphs");
  }

  history(limit = 20): Promise<RegistryAnswer> {
    return this.call("GET", `/versions?limit=${limit}`);
  }

  rollback(id: number, reason?: string): Promise<RegistryAnswer> {
    return this.call("POST", `/versions/${id}/rollback`, reason ? { reason } : {});
  }

  private async call(method: string, path: string, body?: Record<string, unknown>): Promise<RegistryAnswer> {
    const response = await fetch(new URL(path, this.url), {
      method,
      headers: {
        ...(body ? { "content-type": "application/json" } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(text) as Record<string, unknown>;
    } catch {
      parsed = { error: { code: "NOT_JSON", message: text.slice(0, 200) } };
    }
    return { status: response.status, body: parsed };
  }
}
