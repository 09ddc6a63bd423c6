// CloudLink embed SDK: mounts the CloudLink page in an iframe and speaks its
// postMessage protocol, so a portal never handles raw messages itself.
// Plain ES module, no dependencies; the types are in cloudlink-embed.d.ts.

/** The protocol this SDK speaks; the page refuses another major version. */
export const PROTOCOL_VERSION = "1.0";

const PREFIX = "cloudlink:";
const DEFAULT_TIMEOUT_MS = 15000;
const MIN_HEIGHT = 200;

/** A request that did not succeed; `code` says why. */
export class CloudLinkError extends Error {
  constructor(code, message) {
    super(message);
    this.name = "CloudLinkError";
    this.code = code;
  }
}

function major(version) {
  return String(version ?? "").split(".")[0];
}

function newRequestId() {
  if (globalThis.crypto && typeof crypto.randomUUID === "function") {
    return crypto.randomUUID();
  }
  return `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

// The app lives next to this module unless the portal says otherwise.
function defaultAppUrl() {
  return new URL("../", import.meta.url).href;
}

/**
 * Mounts CloudLink into `container` and returns a handle to it.
 * @param {HTMLElement} container
 * @param {import("./cloudlink-embed").MountOptions} [options]
 * @returns {import("./cloudlink-embed").CloudLink}
 */
export function mount(container, options = {}) {
  if (!container || typeof container.appendChild !== "function") {
    throw new TypeError("mount needs an element to put CloudLink in");
  }
  const appUrl = new URL(options.url ?? defaultAppUrl(), location.href);
  const appOrigin = appUrl.origin;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const onEvent = typeof options.onEvent === "function" ? options.onEvent : () => {};

  const frame = document.createElement("iframe");
  frame.src = appUrl.href;
  frame.title = options.title ?? "CloudLink: link cloud accounts";
  frame.style.border = "0";
  frame.style.width = "100%";
  frame.style.height = `${options.initialHeight ?? 720}px`;
  frame.setAttribute("allow", "clipboard-write");

  const pending = new Map();
  let destroyed = false;
  let refused = null;
  let markReady;
  let markFailed;
  const ready = new Promise((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  // A portal that never awaits `ready` must not see an unhandled rejection.
  ready.catch(() => {});

  function emit(event) {
    try {
      onEvent(event);
    } catch (e) {
      // A throwing handler must not break message handling.
      setTimeout(() => {
        throw e;
      });
    }
  }

  function post(message) {
    if (destroyed || !frame.contentWindow) return;
    frame.contentWindow.postMessage(message, appOrigin);
  }

  function settle(requestId, outcome) {
    const entry = pending.get(requestId);
    if (!entry) return;
    pending.delete(requestId);
    clearTimeout(entry.timer);
    if (outcome instanceof CloudLinkError) entry.reject(outcome);
    else entry.resolve(outcome);
  }

  function request(type, body, expect, wait = timeoutMs) {
    if (destroyed) {
      return Promise.reject(new CloudLinkError("destroyed", "this CloudLink frame was destroyed"));
    }
    if (refused) return Promise.reject(refused);
    const requestId = newRequestId();
    const result = new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => settle(requestId, new CloudLinkError("timeout", `no answer to ${type} within ${wait} ms`)),
        wait,
      );
      pending.set(requestId, { resolve, reject, timer, expect });
    });
    ready.then(
      () => post({ type: PREFIX + type, requestId, ...body }),
      (e) => settle(requestId, e),
    );
    return result;
  }

  function signIn() {
    if (!options.user) return;
    const message = { type: `${PREFIX}sign-in`, requestId: newRequestId(), user: options.user };
    if (options.externalId) message.externalId = options.externalId;
    post(message);
  }

  function onMessage(event) {
    if (destroyed) return;
    if (event.origin !== appOrigin || event.source !== frame.contentWindow) return;
    const data = event.data;
    if (!data || typeof data !== "object" || typeof data.type !== "string") return;
    if (!data.type.startsWith(PREFIX)) return;
    const type = data.type.slice(PREFIX.length);
    switch (type) {
      case "ready": {
        if (major(data.protocol) !== major(PROTOCOL_VERSION)) {
          refused = new CloudLinkError(
            "unsupported-protocol",
            `the page speaks protocol ${data.protocol}, this SDK ${PROTOCOL_VERSION}`,
          );
          markFailed(refused);
          emit({ type: "error", code: refused.code, message: refused.message });
          return;
        }
        post({ type: `${PREFIX}hello`, protocol: PROTOCOL_VERSION });
        signIn();
        markReady();
        emit({ type: "ready", protocol: data.protocol });
        return;
      }
      case "resize": {
        const height = Number(data.height);
        if (Number.isFinite(height) && height > 0) {
          frame.style.height = `${Math.max(MIN_HEIGHT, Math.ceil(height))}px`;
        }
        return;
      }
      case "assertion": {
        const entry = pending.get(data.requestId);
        if (!entry || entry.expect !== "assertion") return;
        settle(data.requestId, {
          accountId: data.accountId,
          assertion: data.assertion,
          tokenEndpoint: data.tokenEndpoint,
        });
        return;
      }
      case "signed-out": {
        const entry = pending.get(data.requestId);
        if (entry && entry.expect === "signed-out") settle(data.requestId, undefined);
        emit({ type: "signed-out" });
        return;
      }
      case "external-id-taken": {
        const entry = pending.get(data.requestId);
        if (entry && entry.expect === "external-id-taken") settle(data.requestId, undefined);
        return;
      }
      case "signed-in":
        emit({ type: "signed-in", userId: data.userId });
        return;
      case "error": {
        const code = typeof data.code === "string" ? data.code : "refused";
        const message = typeof data.message === "string" ? data.message : "the page refused";
        if (data.requestId && pending.has(data.requestId)) {
          settle(data.requestId, new CloudLinkError(code, message));
        } else {
          const event = { type: "error", code, message };
          if (typeof data.cause === "string") event.cause = data.cause;
          emit(event);
        }
        if (code === "unsupported-protocol") {
          refused = new CloudLinkError(code, message);
          markFailed(refused);
        }
        // The page cannot run (it may say so before its first "ready"):
        // requests fail at once instead of waiting for their time limit.
        if (code === "unavailable") {
          refused = new CloudLinkError(code, message);
          for (const id of [...pending.keys()]) settle(id, refused);
          markFailed(refused);
        }
        return;
      }
      case "account-linked":
      case "account-updated":
      case "account-removed":
        emit({ type, account: data.account });
        return;
      default:
        return;
    }
  }

  window.addEventListener("message", onMessage);
  container.appendChild(frame);

  return {
    frame,
    ready,
    requestAssertion(accountId, { alg = "PS256", timeoutMs: wait = timeoutMs } = {}) {
      if (typeof accountId !== "string" || accountId === "") {
        return Promise.reject(new CloudLinkError("unknown-account", "an account id is needed"));
      }
      return request("assertion-request", { accountId, alg }, "assertion", wait);
    },
    setExternalId(externalId) {
      return request("external-id", { externalId }, "external-id-taken");
    },
    signOut() {
      return request("sign-out", {}, "signed-out");
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      window.removeEventListener("message", onMessage);
      for (const id of [...pending.keys()]) {
        settle(id, new CloudLinkError("destroyed", "this CloudLink frame was destroyed"));
      }
      markFailed(new CloudLinkError("destroyed", "this CloudLink frame was destroyed"));
      frame.remove();
    },
  };
}
