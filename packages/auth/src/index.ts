export { loadAuthConfig, DEFAULT_ROLE_MAP, DEV_ISSUER_PATH, type AuthConfig } from "./config.js";
export {
  createTokenVerifier,
  TokenRejectedError,
  ACCEPTED_ALGORITHMS,
  type TokenRejection,
  type TokenVerifier,
} from "./verifier.js";
export { mfaStatusOf, viewerFromClaims, PORTAL_ROLES, type PortalRole, type Viewer, type MfaStatus } from "./viewer.js";
