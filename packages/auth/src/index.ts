export { loadAuthConfig, DEFAULT_ROLE_MAP, DEV_ISSUER_PATH, type AuthConfig } from "./config.js";
export {
  createTokenVerifier,
  TokenRejectedError,
  ACCEPTED_ALGORITHMS,
  type TokenRejection,
  type TokenVerifier,
} from "./verifier.js";
export { mfaStatusOf, viewerFromClaims, PORTAL_ROLES, type PortalRole, type Viewer, type MfaStatus } from "./viewer.js";
export {
  ASSERTION_LIFETIME_SECONDS,
  bodyHash,
  CALLER_ASSERTION_HEADER,
  CALLER_ROLES,
  CallerProofError,
  createCallerVerifier,
  MAX_ASSERTION_LIFETIME_SECONDS,
  signCallerAssertion,
  type CallDescription,
  type CallerProofReason,
  type CallerRole,
  type CallerSigningKey,
  type CallerVerifier,
  type SignOverrides,
  type TrustedCallerKey,
  type VerifiedCaller,
} from "./caller-proof.js";
export {
  ensureDevCallerKeys,
  keyId,
  loadCallerTrust,
  loadGatewaySigningKey,
  readSigningKey,
  readTrustedKey,
  type CallerTrustConfig,
  type DevCallerKeys,
} from "./caller-keys.js";
