/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What stands between a pending request and working access. */
export type AccessBlockerKind =
  /** The requester holds a role that may not be combined with this one. */
  | 'CONFLICTING_ROLE_HELD'
  /** The requester has not acknowledged a policy the role requires. */
  | 'MISSING_ACKNOWLEDGEMENT'
  /** The requester already holds this role. */
  | 'ROLE_ALREADY_HELD'
  /** The role can no longer be requested (withdrawn, or its application retired). */
  | 'ROLE_NOT_REQUESTABLE';

/** Where an access request is. */
export type AccessRequestStatus =
  /** An approver granted the role; the grant is on `grant`. */
  | 'APPROVED'
  /** The requester withdrew it before a decision. */
  | 'CANCELLED'
  /** Nobody decided within the request's lifetime; ask again if still needed. */
  | 'EXPIRED'
  /** Waiting for an approver's decision. */
  | 'PENDING'
  /** An approver refused it; `decision.comment` says why. */
  | 'REJECTED';

/** The viewer acknowledges a policy version, for themself only. */
export type AcknowledgePolicyInput = {
  /** The application it is given for (defaults to the policy's own for application rules). */
  applicationId?: string | number | null | undefined;
  /** Default ELECTRONIC. */
  method?: AcknowledgementMethod | null | undefined;
  /** The version to acknowledge: it must be the policy's current one. */
  policyVersionId: string | number;
};

/** How an acknowledgement was given: electronically, or by a written signature. */
export type AcknowledgementMethod =
  /** Acknowledged in the portal. */
  | 'ELECTRONIC'
  /** A written signature, recorded by an administrator. */
  | 'WRITTEN';

/** Why an acknowledgement is asked for. */
export type AcknowledgementReason =
  /** The policy (the warning banner) is acknowledged at every sign-in. */
  | 'EVERY_SIGN_IN'
  /** The viewer's acknowledgement lapsed. */
  | 'EXPIRED'
  /** The viewer never acknowledged the policy. */
  | 'NEVER_ACKNOWLEDGED'
  /** A new version replaced the one the viewer acknowledged. */
  | 'NEW_VERSION';

/** Where a user stands with one policy; CURRENT and DUE_SOON count as compliant. */
export type ComplianceStatus =
  /** Acknowledged, and valid beyond the due-soon window. */
  | 'CURRENT'
  /** Acknowledged and valid, but lapsing within the due-soon window (30 days). */
  | 'DUE_SOON'
  /** The acknowledgement lapsed (its period ran out, or, for the banner, it was for an earlier sign-in). */
  | 'EXPIRED'
  /** No acknowledgement of any version. */
  | 'NEVER_ACKNOWLEDGED'
  /** The acknowledgement is of an earlier version that a new one no longer accepts. */
  | 'NEW_VERSION';

/** How a contact point is reached; LOCAL_DESK is an instruction to contact the caller's local help desk. */
export type ContactKind =
  /** An email address. */
  | 'EMAIL'
  /** A fax number. */
  | 'FAX'
  /** An instruction: contact your local help desk. */
  | 'LOCAL_DESK'
  /** A telephone number (E.164 value, with the published display). */
  | 'PHONE'
  /** A TTY (text telephone) number. */
  | 'TTY'
  /** A web page or form. */
  | 'WEB';

/** An approver's decision on a pending request. */
export type DecideAccessRequestInput = {
  /** Up to 1000 characters; required to reject. */
  comment?: string | null | undefined;
  /** Approve or reject; a rejection needs a comment. */
  decision: DecisionOutcome;
  /** The pending request to decide. */
  requestId: string | number;
};

/** An approver's verdict on a request. */
export type DecisionOutcome =
  /** Grant the role. */
  | 'APPROVED'
  /** Refuse the request (a comment is required). */
  | 'REJECTED';

/** Where an application is in its life. */
export type Lifecycle =
  /** In service. */
  | 'ACTIVE'
  /** Still works, but a replacement is coming; plan to move. */
  | 'DEPRECATED'
  /** Out of service; kept for history. */
  | 'RETIRED';

/** What a link points to. */
export type LinkKind =
  /** Frequently asked questions. */
  | 'FAQ'
  /** The application's home or information page. */
  | 'HOME'
  /** Any other link; its title says what it is. */
  | 'OTHER'
  /** Training material. */
  | 'TRAINING'
  /** A user guide or manual. */
  | 'USER_GUIDE';

/** What a policy text is. */
export type PolicyKind =
  /** Rules one application adds for its own users. */
  | 'APPLICATION_RULES'
  /** The Paperwork Reduction Act notice: a notice. */
  | 'PAPERWORK_REDUCTION_ACT_NOTICE'
  /** The Privacy Act statement: a notice. */
  | 'PRIVACY_ACT_STATEMENT'
  /** The addendum to the Rules of Behavior for holders of privileged roles. */
  | 'PRIVILEGED_USER_ADDENDUM'
  /** The portal's Rules of Behavior every user acknowledges. */
  | 'RULES_OF_BEHAVIOR'
  /** The system use notification shown before sign-in. */
  | 'WARNING_BANNER';

/** What stands between the viewer and launching an application. */
export type ReadinessBlockerKind =
  /** A policy version to acknowledge first. */
  | 'ACKNOWLEDGEMENT_REQUIRED'
  /** The application is retired; it may have a replacement. */
  | 'APPLICATION_RETIRED'
  /** The viewer's privileged grant starts once its prerequisite acknowledgements are made. */
  | 'GRANT_AWAITING_PREREQUISITES'
  /** Privileged access needs a sign-in with a second factor. */
  | 'MFA_REQUIRED'
  /** The viewer's request for a role waits for an approver. */
  | 'REQUEST_PENDING'
  /** The viewer holds no role in the application and has asked for none. */
  | 'ROLE_REQUIRED'
  /** The viewer is not signed in. */
  | 'SIGN_IN_REQUIRED'
  /** A part could not be checked because a subgraph did not answer. */
  | 'UNKNOWN';

/** A request for a role. */
export type RequestAccessInput = {
  /** Why the role is needed: 10 to 1000 characters. */
  justification: string;
  /** The role asked for (`Role.id`). */
  roleId: string | number;
};

/** Why a mutation refused what was asked: a stable code to branch on; `message` says it in words. */
export type UserErrorCode =
  /** No access request has the id given, or the viewer may not see it (ids leak nothing). */
  | 'ACCESS_REQUEST_NOT_FOUND'
  /** Another application has this acronym (compared without regard to case). */
  | 'ACRONYM_TAKEN'
  /** Someone certified or ended the grant at the same moment. */
  | 'ALREADY_CERTIFIED'
  /** The access request was approved or rejected already. */
  | 'ALREADY_DECIDED'
  /** The application is retired: it can be neither deprecated nor retired again. */
  | 'ALREADY_RETIRED'
  /** The grant is certified for this year: certification opens 60 days before its due day. */
  | 'CERTIFICATION_NOT_DUE'
  /** A day marked closed that also gives opening hours. */
  | 'CLOSED_WITH_HOURS'
  /** Opening hours that close at or before the time they open. */
  | 'CLOSES_BEFORE_OPENS'
  /** Rejecting an access request needs a comment saying why. */
  | 'COMMENT_REQUIRED'
  /** The requester holds a role that conflicts with this one (separation of duties). */
  | 'CONFLICTING_ROLE_HELD'
  /** The contact point repeats an earlier one of the same kind and value. */
  | 'DUPLICATE_CONTACT_POINT'
  /** A date given twice among the exceptions to the weekly hours. */
  | 'DUPLICATE_DATE'
  /** A new policy version cannot take effect before the latest one does. */
  | 'EFFECTIVE_BEFORE_LATEST'
  /** The role grant has ended already (expired, revoked or removed). */
  | 'GRANT_ENDED'
  /** A help desk with this id exists already. */
  | 'HELP_DESK_EXISTS'
  /** No help desk has the id given. */
  | 'HELP_DESK_NOT_FOUND'
  /** Nobody may certify their own role grant. */
  | 'HOLDER_CANNOT_CERTIFY'
  /** An application with this id exists already. */
  | 'ID_TAKEN'
  /** An OMB burden estimate that is not a whole number of minutes from 1 to 10000. */
  | 'INVALID_BURDEN'
  /** Not a calendar day written "YYYY-MM-DD", or a day the field does not take (the message says why). */
  | 'INVALID_DATE'
  /** Not an email address. */
  | 'INVALID_EMAIL'
  /** An extension is not 1 to 10 digits, or differs from the one written in the number. */
  | 'INVALID_EXTENSION'
  /** Not a list of BCP 47 language tags. */
  | 'INVALID_LANGUAGE'
  /** Not an OMB control number, which is written NNNN-NNNN. */
  | 'INVALID_OMB_CONTROL_NUMBER'
  /** Not a phone number that can be dialled, or several different numbers in one contact point. */
  | 'INVALID_PHONE'
  /** Not a slug: 2 to 64 lowercase letters, digits and single hyphens. */
  | 'INVALID_SLUG'
  /** Not a time of day written HH:MM (24-hour; 24:00 only as a closing time). */
  | 'INVALID_TIME'
  /** Not an IANA time zone such as America/New_York. */
  | 'INVALID_TIME_ZONE'
  /** Not an absolute https:// URL of at most 2048 characters. */
  | 'INVALID_URL'
  /** Only an approver of the application (or a portal admin) may do this. */
  | 'NOT_AN_APPROVER'
  /** The help desk does not serve the application, so there is nothing to unassign. */
  | 'NOT_ASSIGNED'
  /** Only the version of a policy in effect today may be acknowledged. */
  | 'NOT_CURRENT_VERSION'
  /** An extension or menu steps on a contact point that is not a phone, TTY or fax number. */
  | 'NOT_DIALLED'
  /** Nothing has the id the input names. */
  | 'NOT_FOUND'
  /** Only the requester may cancel an access request. */
  | 'NOT_REQUESTER'
  /** The policy is a notice: nobody acknowledges it. */
  | 'NO_ACKNOWLEDGEMENT_NEEDED'
  /** Only portal admins may change an application's owner group. */
  | 'OWNER_GROUP_ADMIN_ONLY'
  /** The replacement is (through its own replacements) replaced by this application. */
  | 'REPLACEMENT_CYCLE'
  /** An application cannot replace itself. */
  | 'REPLACEMENT_IS_SELF'
  /** The replacement named does not exist. */
  | 'REPLACEMENT_NOT_FOUND'
  /** The replacement named is retired. */
  | 'REPLACEMENT_RETIRED'
  /** Nobody may decide their own access request. */
  | 'REQUESTER_CANNOT_DECIDE'
  /** The requester already has a request for this role waiting for a decision. */
  | 'REQUEST_ALREADY_PENDING'
  /** The requester cancelled the access request. */
  | 'REQUEST_CANCELLED'
  /** The access request expired undecided. */
  | 'REQUEST_EXPIRED'
  /** A required input is missing, empty or blank. */
  | 'REQUIRED'
  /** The requester already holds the role. */
  | 'ROLE_ALREADY_HELD'
  /** No role grant has the id given, or the viewer may not see it (ids leak nothing). */
  | 'ROLE_GRANT_NOT_FOUND'
  /** No role has the id given. */
  | 'ROLE_NOT_FOUND'
  /** The role is not (or no longer) open to requests. */
  | 'ROLE_NOT_REQUESTABLE'
  /** The text is that of the latest version already: there is nothing new to publish. */
  | 'SAME_CONTENT'
  /** A text (or a list of texts) is longer than its limit, which the message gives. */
  | 'TOO_LONG'
  /** A list holds more entries than its limit, which the message gives. */
  | 'TOO_MANY'
  /** A justification is shorter than its minimum, which the message gives. */
  | 'TOO_SHORT'
  /** The application's rules of behavior are for another application than the one given. */
  | 'WRONG_APPLICATION';

/** A day of the week. */
export type Weekday =
  /** Friday. */
  | 'FRIDAY'
  /** Monday. */
  | 'MONDAY'
  /** Saturday. */
  | 'SATURDAY'
  /** Sunday. */
  | 'SUNDAY'
  /** Thursday. */
  | 'THURSDAY'
  /** Tuesday. */
  | 'TUESDAY'
  /** Wednesday. */
  | 'WEDNESDAY';

export type RequestAccessMutationVariables = Exact<{
  input: RequestAccessInput;
}>;


export type RequestAccessMutation = { __typename: 'Mutation', requestAccess: { __typename: 'RequestAccessPayload', accessRequest: { __typename: 'AccessRequest', id: string, status: AccessRequestStatus } | null, userErrors: Array<{ __typename: 'UserError', field: Array<string>, message: string, code: UserErrorCode }> } };

export type ApprovalQueueQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type ApprovalQueueQuery = { __typename: 'Query', approvalQueue: { __typename: 'AccessRequestConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ __typename: 'AccessRequest', id: string, justification: string, createdAt: string, expiresAt: string, requester: { __typename: 'User', id: string, displayName: string | null }, role: { __typename: 'Role', id: string, name: string, privileged: boolean, application: { __typename: 'Application', id: string, name: string } | null }, blockers: Array<{ __typename: 'AccessBlocker', kind: AccessBlockerKind, message: string, blocksApproval: boolean }> | null }> } | null };

export type DecideAccessRequestMutationVariables = Exact<{
  input: DecideAccessRequestInput;
}>;


export type DecideAccessRequestMutation = { __typename: 'Mutation', decideAccessRequest: { __typename: 'DecideAccessRequestPayload', accessRequest: { __typename: 'AccessRequest', id: string, status: AccessRequestStatus } | null, userErrors: Array<{ __typename: 'UserError', field: Array<string>, message: string, code: UserErrorCode }> } };

export type ApplicationPageQueryVariables = Exact<{
  id: string | number;
}>;


export type ApplicationPageQuery = { __typename: 'Query', application: { __typename: 'Application', id: string, acronym: string | null, name: string, description: string | null, category: string | null, lifecycle: Lifecycle, launchUrl: string | null, formerNames: Array<string>, sunsetOn: string | null, tags: Array<string>, links: Array<{ __typename: 'ApplicationLink', kind: LinkKind, title: string, url: string }>, replacedBy: { __typename: 'Application', id: string, name: string } | null, roles: Array<{ __typename: 'Role', id: string, name: string, description: string | null, requestable: boolean, privileged: boolean }> | null, requiredPolicies: Array<{ __typename: 'Policy', id: string, kind: PolicyKind, title: string, currentVersion: { __typename: 'PolicyVersion', id: string } | null }> | null, viewerReadiness: { __typename: 'Readiness', canLaunch: boolean, blockers: Array<
        | { __typename: 'AcknowledgementRequiredBlocker', reason: AcknowledgementReason, dueBy: string | null, kind: ReadinessBlockerKind, message: string, policyVersion: { __typename: 'PolicyVersion', id: string, policy: { __typename: 'Policy', id: string, title: string } } | null }
        | { __typename: 'ApplicationRetiredBlocker', kind: ReadinessBlockerKind, message: string, replacement: { __typename: 'Application', id: string, name: string } | null }
        | { __typename: 'GrantAwaitingPrerequisitesBlocker', kind: ReadinessBlockerKind, message: string, grant: { __typename: 'RoleGrant', id: string, missingPrerequisites: Array<PolicyKind> | null, role: { __typename: 'Role', name: string } } | null }
        | { __typename: 'MfaRequiredBlocker', factors: Array<string>, kind: ReadinessBlockerKind, message: string }
        | { __typename: 'RequestPendingBlocker', requestedAt: string, kind: ReadinessBlockerKind, message: string, request: { __typename: 'AccessRequest', id: string } | null }
        | { __typename: 'RoleRequiredBlocker', kind: ReadinessBlockerKind, message: string, requestableRoles: Array<{ __typename: 'Role', id: string, name: string }> | null }
        | { __typename: 'SignInRequiredBlocker', kind: ReadinessBlockerKind, message: string }
        | { __typename: 'UnknownBlocker', subgraph: string, kind: ReadinessBlockerKind, message: string }
      >, help: { __typename: 'ReadinessHelp', openNow: boolean, opensAt: string | null, helpDesk: { __typename: 'HelpDesk', id: string, name: string }, contactPoint: { __typename: 'ContactPoint', kind: ContactKind, display: string } | null } | null } | null, helpDesks: Array<{ __typename: 'ApplicationHelpDesk', purpose: string | null, primary: boolean, helpDesk: { __typename: 'HelpDesk', id: string, name: string, description: string | null, notes: Array<string>, openNow: boolean | null, hours: { __typename: 'OpeningHours', timeZone: string, weekly: Array<{ __typename: 'OpeningHoursRule', days: Array<Weekday>, opens: string, closes: string }>, exceptions: Array<{ __typename: 'OpeningHoursException', date: string, closed: boolean, opens: string | null, closes: string | null, note: string | null }> } | null, contactPoints: Array<{ __typename: 'ContactPoint', kind: ContactKind, value: string, display: string, extension: string | null, menuSteps: Array<string>, purpose: string | null }> } }> | null } | null };

export type CatalogQueryVariables = Exact<{
  search?: string | null | undefined;
  lifecycle?: Array<Lifecycle> | Lifecycle | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type CatalogQuery = { __typename: 'Query', applications: { __typename: 'ApplicationConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ __typename: 'Application', id: string, acronym: string | null, name: string, description: string | null, lifecycle: Lifecycle, launchUrl: string | null, viewerReadiness: { __typename: 'Readiness', canLaunch: boolean, blockers: Array<
          | { __typename: 'AcknowledgementRequiredBlocker', reason: AcknowledgementReason, dueBy: string | null, kind: ReadinessBlockerKind, message: string, policyVersion: { __typename: 'PolicyVersion', id: string, policy: { __typename: 'Policy', id: string, title: string } } | null }
          | { __typename: 'ApplicationRetiredBlocker', kind: ReadinessBlockerKind, message: string, replacement: { __typename: 'Application', id: string, name: string } | null }
          | { __typename: 'GrantAwaitingPrerequisitesBlocker', kind: ReadinessBlockerKind, message: string, grant: { __typename: 'RoleGrant', id: string, missingPrerequisites: Array<PolicyKind> | null, role: { __typename: 'Role', name: string } } | null }
          | { __typename: 'MfaRequiredBlocker', factors: Array<string>, kind: ReadinessBlockerKind, message: string }
          | { __typename: 'RequestPendingBlocker', requestedAt: string, kind: ReadinessBlockerKind, message: string, request: { __typename: 'AccessRequest', id: string } | null }
          | { __typename: 'RoleRequiredBlocker', kind: ReadinessBlockerKind, message: string, requestableRoles: Array<{ __typename: 'Role', id: string, name: string }> | null }
          | { __typename: 'SignInRequiredBlocker', kind: ReadinessBlockerKind, message: string }
          | { __typename: 'UnknownBlocker', subgraph: string, kind: ReadinessBlockerKind, message: string }
        >, help: { __typename: 'ReadinessHelp', openNow: boolean, opensAt: string | null, helpDesk: { __typename: 'HelpDesk', id: string, name: string }, contactPoint: { __typename: 'ContactPoint', kind: ContactKind, display: string } | null } | null } | null }> } | null };

export type PolicyTextQueryVariables = Exact<{
  id: string | number;
}>;


export type PolicyTextQuery = { __typename: 'Query', policy: { __typename: 'Policy', id: string, kind: PolicyKind, title: string, currentVersion: { __typename: 'PolicyVersion', id: string, version: number, effectiveOn: string, body: string } | null } | null };

export type AcknowledgePolicyMutationVariables = Exact<{
  input: AcknowledgePolicyInput;
}>;


export type AcknowledgePolicyMutation = { __typename: 'Mutation', acknowledgePolicy: { __typename: 'AcknowledgePolicyPayload', created: boolean, acknowledgement: { __typename: 'Acknowledgement', id: string } | null, userErrors: Array<{ __typename: 'UserError', field: Array<string>, message: string, code: UserErrorCode }> } };

export type ReadinessPartsFragment = { __typename: 'Readiness', canLaunch: boolean, blockers: Array<
    | { __typename: 'AcknowledgementRequiredBlocker', reason: AcknowledgementReason, dueBy: string | null, kind: ReadinessBlockerKind, message: string, policyVersion: { __typename: 'PolicyVersion', id: string, policy: { __typename: 'Policy', id: string, title: string } } | null }
    | { __typename: 'ApplicationRetiredBlocker', kind: ReadinessBlockerKind, message: string, replacement: { __typename: 'Application', id: string, name: string } | null }
    | { __typename: 'GrantAwaitingPrerequisitesBlocker', kind: ReadinessBlockerKind, message: string, grant: { __typename: 'RoleGrant', id: string, missingPrerequisites: Array<PolicyKind> | null, role: { __typename: 'Role', name: string } } | null }
    | { __typename: 'MfaRequiredBlocker', factors: Array<string>, kind: ReadinessBlockerKind, message: string }
    | { __typename: 'RequestPendingBlocker', requestedAt: string, kind: ReadinessBlockerKind, message: string, request: { __typename: 'AccessRequest', id: string } | null }
    | { __typename: 'RoleRequiredBlocker', kind: ReadinessBlockerKind, message: string, requestableRoles: Array<{ __typename: 'Role', id: string, name: string }> | null }
    | { __typename: 'SignInRequiredBlocker', kind: ReadinessBlockerKind, message: string }
    | { __typename: 'UnknownBlocker', subgraph: string, kind: ReadinessBlockerKind, message: string }
  >, help: { __typename: 'ReadinessHelp', openNow: boolean, opensAt: string | null, helpDesk: { __typename: 'HelpDesk', id: string, name: string }, contactPoint: { __typename: 'ContactPoint', kind: ContactKind, display: string } | null } | null };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename: 'Query', me: { __typename: 'User', id: string, displayName: string | null, portalRoles: Array<string>, compliance: { __typename: 'Compliance', compliant: boolean, requirements: Array<{ __typename: 'ComplianceRequirement', status: ComplianceStatus, dueBy: string | null, policy: { __typename: 'Policy', id: string, kind: PolicyKind, title: string }, version: { __typename: 'PolicyVersion', id: string } }> } | null } | null };

export type RecordSignInMutationVariables = Exact<{ [key: string]: never; }>;


export type RecordSignInMutation = { __typename: 'Mutation', recordSignIn: { __typename: 'User', id: string } };

export const ReadinessPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReadinessParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Readiness"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"canLaunch"}},{"kind":"Field","name":{"kind":"Name","value":"blockers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AcknowledgementRequiredBlocker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"dueBy"}},{"kind":"Field","name":{"kind":"Name","value":"policyVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RoleRequiredBlocker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"requestableRoles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RequestPendingBlocker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GrantAwaitingPrerequisitesBlocker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"missingPrerequisites"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MfaRequiredBlocker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"factors"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApplicationRetiredBlocker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"replacement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnknownBlocker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"subgraph"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"help"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"openNow"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"helpDesk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contactPoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"display"}}]}}]}}]}}]} as unknown as DocumentNode<ReadinessPartsFragment, unknown>;
export const RequestAccessDocument = {"__meta__":{"hash":"sha256:bfd5a13315dde5755687db00e8fc78b4df30269847a5840b7f95e6446ec34469"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestAccessInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"requestAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<RequestAccessMutation, RequestAccessMutationVariables>;
export const ApprovalQueueDocument = {"__meta__":{"hash":"sha256:4816ff8b7297c58f28aa49b1d5327f98e1f3e6465a6a4b720ff3b80490db6d70"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApprovalQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"approvalQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"justification"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"privileged"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"blockers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"blocksApproval"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ApprovalQueueQuery, ApprovalQueueQueryVariables>;
export const DecideAccessRequestDocument = {"__meta__":{"hash":"sha256:ffd958ab6bad4a56f010649953604d44d87e8e67b9511e1a539b1e6f53d8ef47"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecideAccessRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideAccessRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"decideAccessRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<DecideAccessRequestMutation, DecideAccessRequestMutationVariables>;
export const ApplicationPageDocument = {"__meta__":{"hash":"sha256:e8d6fda83da4ba249231c74fb368f286da16bdc4faa51a0b9b2ec4196adf0ca1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApplicationPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"acronym"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"lifecycle"}},{"kind":"Field","name":{"kind":"Name","value":"launchUrl"}},{"kind":"Field","name":{"kind":"Name","value":"formerNames"}},{"kind":"Field","name":{"kind":"Name","value":"sunsetOn"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"links"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replacedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"requestable"}},{"kind":"Field","name":{"kind":"Name","value":"privileged"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requiredPolicies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerReadiness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReadinessParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"helpDesks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"primary"}},{"kind":"Field","name":{"kind":"Name","value":"helpDesk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"openNow"}},{"kind":"Field","name":{"kind":"Name","value":"hours"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"weekly"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"opens"}},{"kind":"Field","name":{"kind":"Name","value":"closes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exceptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"opens"}},{"kind":"Field","name":{"kind":"Name","value":"closes"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"contactPoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"extension"}},{"kind":"Field","name":{"kind":"Name","value":"menuSteps"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReadinessParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Readiness"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"canLaunch"}},{"kind":"Field","name":{"kind":"Name","value":"blockers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AcknowledgementRequiredBlocker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"dueBy"}},{"kind":"Field","name":{"kind":"Name","value":"policyVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RoleRequiredBlocker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"requestableRoles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RequestPendingBlocker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GrantAwaitingPrerequisitesBlocker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"missingPrerequisites"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MfaRequiredBlocker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"factors"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApplicationRetiredBlocker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"replacement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnknownBlocker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"subgraph"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"help"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"openNow"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"helpDesk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contactPoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"display"}}]}}]}}]}}]} as unknown as DocumentNode<ApplicationPageQuery, ApplicationPageQueryVariables>;
export const CatalogDocument = {"__meta__":{"hash":"sha256:76356a930ad59291e343828b6ae1528e6012fe55de229ff413cd3dcfea8fba28"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Catalog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lifecycle"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Lifecycle"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"lifecycle"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lifecycle"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"acronym"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"lifecycle"}},{"kind":"Field","name":{"kind":"Name","value":"launchUrl"}},{"kind":"Field","name":{"kind":"Name","value":"viewerReadiness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReadinessParts"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReadinessParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Readiness"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"canLaunch"}},{"kind":"Field","name":{"kind":"Name","value":"blockers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AcknowledgementRequiredBlocker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"dueBy"}},{"kind":"Field","name":{"kind":"Name","value":"policyVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RoleRequiredBlocker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"requestableRoles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RequestPendingBlocker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GrantAwaitingPrerequisitesBlocker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"missingPrerequisites"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MfaRequiredBlocker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"factors"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApplicationRetiredBlocker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"replacement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnknownBlocker"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"subgraph"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"help"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"openNow"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"helpDesk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contactPoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"display"}}]}}]}}]}}]} as unknown as DocumentNode<CatalogQuery, CatalogQueryVariables>;
export const PolicyTextDocument = {"__meta__":{"hash":"sha256:112ce9c89e120334ceea912a61481552b93477545c5928f0e0ca401edd3a11ec"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PolicyText"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"policy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveOn"}},{"kind":"Field","name":{"kind":"Name","value":"body"}}]}}]}}]}}]} as unknown as DocumentNode<PolicyTextQuery, PolicyTextQueryVariables>;
export const AcknowledgePolicyDocument = {"__meta__":{"hash":"sha256:6df0dc979db78e90c5dbfb0adf8914e18d7dd7993087fe7c82b4157cef9df5d6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcknowledgePolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcknowledgePolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgePolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<AcknowledgePolicyMutation, AcknowledgePolicyMutationVariables>;
export const ViewerDocument = {"__meta__":{"hash":"sha256:f8d5c66ed5560bf53ddea01add3294a5c0ba2a66060782df522d788ea6b1a55a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"portalRoles"}},{"kind":"Field","name":{"kind":"Name","value":"compliance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"compliant"}},{"kind":"Field","name":{"kind":"Name","value":"requirements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueBy"}},{"kind":"Field","name":{"kind":"Name","value":"policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const RecordSignInDocument = {"__meta__":{"hash":"sha256:62d5b5aa6a56fc6dfa25c41246a4eb4c5587ec000febd6b320ebdad42de3f53b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordSignIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordSignIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RecordSignInMutation, RecordSignInMutationVariables>;
