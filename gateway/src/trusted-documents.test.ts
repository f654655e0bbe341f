import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadManifests } from "./trusted-documents.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "trusted-manifests-"));
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function manifest(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

describe("loadManifests", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads prefixed and bare keys from several files, by hex hash", () => {
    const a = manifest("a.json", { [`sha256:${sha256("{ a }")}`]: "{ a }" });
    const b = manifest("b.json", { [sha256("{ b }")]: "{ b }" });
    expect(loadManifests([a, b])).toEqual(
      new Map([
        [sha256("{ a }"), "{ a }"],
        [sha256("{ b }"), "{ b }"],
      ]),
    );
  });

  it("refuses a key that is not the sha256 of its document, naming the file and the key", () => {
    const file = manifest("wrong.json", { [`sha256:${sha256("{ a }")}`]: "{ b }" });
    expect(() => loadManifests([file])).toThrow(`in ${file}, "sha256:${sha256("{ a }")}" is not the sha256`);
  });

  it("refuses what is not a manifest", () => {
    expect(() => loadManifests([manifest("list.json", ["{ a }"])])).toThrow("must be a JSON object");
    expect(() => loadManifests([manifest("md5.json", { "md5:abc": "{ a }" })])).toThrow('an entry "md5:abc"');
    expect(() => loadManifests([manifest("broken.json", "{")])).toThrow("is not a readable JSON file");
    expect(() => loadManifests([path.join(dir, "missing.json")])).toThrow("is not a readable JSON file");
  });
});
