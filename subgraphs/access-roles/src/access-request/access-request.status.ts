import { AccessRequestStatus } from "./access-request.types.js";
import type { AccessRequest } from "./access-request.entity.js";

/** A request's status now: a pending request past its expiry is EXPIRED even before the sweep records it. */
export function requestStatus(request: AccessRequest, now: Date): AccessRequestStatus {
  if (request.storedStatus === AccessRequestStatus.PENDING && request.expiresAt.getTime() <= now.getTime()) {
    return AccessRequestStatus.EXPIRED;
  }
  return request.storedStatus;
}
