// Types for cloudlink-embed.js and for every message of the CloudLink embed
// protocol. A native test reads this file and checks that each message the
// page sends, and each field in it, is described here.

/** The protocol this SDK speaks, "major.minor". */
export const PROTOCOL_VERSION: string;

export type Provider = "microsoft" | "azure" | "aws";
export type AccountStatus = "connected" | "tenant-not-verified";

/** A linked Microsoft 365 or Azure account: only public data. */
export interface EntraAccount {
  id: string;
  provider: "microsoft" | "azure";
  name: string;
  status: AccountStatus;
  tenant: string;
  /** The tenant's GUID once Connect verified it, else null. */
  tenantGuid: string | null;
  applicationId: string;
  organization: string | null;
  /** 40 upper-case hex digits, as the Entra portal shows it. */
  thumbprintSha1: string | null;
  thumbprintSha256: string | null;
  certificatePem: string | null;
}

/** A linked AWS account. */
export interface AwsAccount {
  id: string;
  provider: "aws";
  name: string;
  status: AccountStatus;
  roleArn: string;
  /** The External ID the role trusts; in a portal, the one the portal issued. */
  externalId: string;
  accountType: "management" | "linked";
}

export type Account = EntraAccount | AwsAccount;

/** What is left of an account once removed. */
export interface RemovedAccount {
  id: string;
  provider: Provider;
}

// ---- Messages the page sends to the portal ----

/** Sent once the page has started; the portal answers with `HelloMessage`. */
export interface ReadyMessage {
  type: "cloudlink:ready";
  protocol: string;
}
/** The page's content height in CSS pixels, whenever it changes. */
export interface ResizeMessage {
  type: "cloudlink:resize";
  height: number;
}
export interface AccountLinkedMessage {
  type: "cloudlink:account-linked";
  account: Account;
}
export interface AccountUpdatedMessage {
  type: "cloudlink:account-updated";
  account: Account;
}
export interface AccountRemovedMessage {
  type: "cloudlink:account-removed";
  account: RemovedAccount;
}
export interface SignedInMessage {
  type: "cloudlink:signed-in";
  requestId: string | null;
  userId: string;
}
export interface SignedOutMessage {
  type: "cloudlink:signed-out";
  requestId: string | null;
}
/** The page took the External ID the portal sent in `ExternalIdMessage`. */
export interface ExternalIdTakenMessage {
  type: "cloudlink:external-id-taken";
  requestId: string | null;
}
export interface AssertionMessage {
  type: "cloudlink:assertion";
  requestId: string;
  accountId: string;
  /** A signed client assertion (JWT), valid for at most 10 minutes. */
  assertion: string;
  tokenEndpoint: string;
}
export type ErrorCode =
  | "locked"
  | "unknown-account"
  | "refused"
  | "invalid-request"
  | "unsupported-protocol"
  /** The page cannot run; `cause` says why. It may come before `ready`. */
  | "unavailable";
/**
 * Why the page cannot run: WebAssembly is turned off in the browser; a file
 * of the app did not arrive or did not compile (the host may be mid-deploy);
 * nothing arrived for a long time; or the app stopped on an internal error.
 */
export type UnavailableCause = "webassembly-off" | "load-failed" | "timeout" | "panic";
export interface ErrorMessage {
  type: "cloudlink:error";
  requestId: string | null;
  code: ErrorCode;
  message: string;
  /** With code "unavailable" only. */
  cause?: UnavailableCause;
}

export type PageMessage =
  | ReadyMessage
  | ResizeMessage
  | AccountLinkedMessage
  | AccountUpdatedMessage
  | AccountRemovedMessage
  | SignedInMessage
  | SignedOutMessage
  | ExternalIdTakenMessage
  | AssertionMessage
  | ErrorMessage;

// ---- Messages the portal sends to the page ----

export interface HelloMessage {
  type: "cloudlink:hello";
  protocol: string;
}
export interface HostUser {
  id: string;
  email?: string;
}
/** Host identity mode: who is signed in, and the AWS External ID the platform issued. */
export interface SignInMessage {
  type: "cloudlink:sign-in";
  requestId?: string;
  user: HostUser;
  externalId?: string;
}
export interface SignOutMessage {
  type: "cloudlink:sign-out";
  requestId?: string;
}
/** The AWS External ID the platform issued, for a person already signed in. */
export interface ExternalIdMessage {
  type: "cloudlink:external-id";
  requestId?: string;
  externalId: string;
}
export interface AssertionRequestMessage {
  type: "cloudlink:assertion-request";
  requestId: string;
  accountId: string;
  alg?: "PS256" | "RS256";
}

export type PortalMessage =
  | HelloMessage
  | SignInMessage
  | SignOutMessage
  | ExternalIdMessage
  | AssertionRequestMessage;

// ---- The SDK ----

/** What `onEvent` receives. */
export type CloudLinkEvent =
  | { type: "ready"; protocol: string }
  | { type: "signed-in"; userId: string }
  | { type: "signed-out" }
  | { type: "account-linked"; account: Account }
  | { type: "account-updated"; account: Account }
  | { type: "account-removed"; account: RemovedAccount }
  | { type: "error"; code: ErrorCode; message: string; cause?: UnavailableCause };

export type CloudLinkErrorCode = ErrorCode | "timeout" | "destroyed";

export class CloudLinkError extends Error {
  readonly code: CloudLinkErrorCode;
  constructor(code: CloudLinkErrorCode, message: string);
}

export interface MountOptions {
  /** The app's URL; defaults to the folder above this module. */
  url?: string;
  /** Host identity mode: the person the portal has signed in. */
  user?: HostUser;
  /** The AWS External ID the platform issued for this person. */
  externalId?: string;
  onEvent?: (event: CloudLinkEvent) => void;
  /** How long a request waits for its answer; 15000 by default. */
  timeoutMs?: number;
  /** The iframe's accessible title. */
  title?: string;
  initialHeight?: number;
}

export interface AssertionResult {
  accountId: string;
  assertion: string;
  tokenEndpoint: string;
}

export interface CloudLink {
  readonly frame: HTMLIFrameElement;
  /** Settles once the page and the SDK agreed on a protocol version. */
  readonly ready: Promise<void>;
  requestAssertion(
    accountId: string,
    options?: { alg?: "PS256" | "RS256"; timeoutMs?: number },
  ): Promise<AssertionResult>;
  /** Gives the page the AWS External ID the platform issued for this person. */
  setExternalId(externalId: string): Promise<void>;
  /** Forgets the unlocked keys and signs the person out of the frame. */
  signOut(): Promise<void>;
  /** Removes the frame and stops listening; pending requests fail with "destroyed". */
  destroy(): void;
}

export function mount(container: HTMLElement, options?: MountOptions): CloudLink;
