/**
 * A Hive Gateway plugin that gives each subgraph fetch the same proof our gateway sends (docs/adr/0003): an EdDSA
 * assertion signed with the gateway's key, addressed to the subgraph, bound to method, path, request id and body,
 * with a fresh jti. Plain node:crypto, so the comparison gateway needs no dependency of ours.
 */
/* global Headers */
import { createHash, createPrivateKey, randomUUID, sign } from "node:crypto";
import { readFileSync } from "node:fs";

const b64 = (value) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

/** `keyFile`: the gateway's PKCS#8 PEM key; `kid`: its thumbprint; `subgraphs`: subgraph URL → subgraph name. */
export function useGatewayProof({ keyFile, kid, subgraphs }) {
  const key = createPrivateKey(readFileSync(keyFile, "utf8"));
  const header = b64({ alg: "EdDSA", kid, typ: "caller-assertion+jwt" });
  return {
    onFetch({ url, options, setOptions }) {
      const audience = subgraphs[url];
      if (!audience || typeof options.body !== "string") return;
      const requestId = randomUUID();
      const iat = Math.floor(Date.now() / 1000);
      const target = new URL(url);
      const payload = b64({
        htm: (options.method ?? "POST").toUpperCase(),
        htu: `${target.pathname}${target.search}`,
        rid: requestId,
        bsh: createHash("sha256").update(options.body).digest("base64url"),
        iss: "gateway",
        aud: audience,
        iat,
        exp: iat + 5,
        jti: randomUUID(),
      });
      const signature = sign(null, Buffer.from(`${header}.${payload}`), key).toString("base64url");
      // Headers or a plain object, whichever the gateway built: the caller's Authorization stays in either.
      const headers = Object.fromEntries(new Headers(options.headers));
      headers["x-request-id"] = requestId;
      headers["x-gateway-assertion"] = `${header}.${payload}.${signature}`;
      setOptions({ ...options, headers });
    },
  };
}
