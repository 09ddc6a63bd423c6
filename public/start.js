// The page's first script, before the wasm's loader and the stylesheet
// (index.html): it reads config.json and watches the start.
//
// config.json is read into a promise while the wasm downloads: awaiting a
// settled promise costs the app a microtask, where its own fetch would cost a
// task and often a frame. A classic script above the stylesheet runs as soon
// as it has arrived; a module, or any script below the stylesheet, would wait
// for main.css first, a round trip the pre-rendered page then waits for too.
window.cloudlinkConfig = fetch("config.json")
  .then(async (r) => [r.status, await r.text()])
  .catch(() => null);
// When the app cannot run, the page says so instead of waiting
// forever. Causes:
// - "webassembly-off": the browser has no WebAssembly (known at once);
// - "load-failed": the wasm or its loader did not arrive, or did not
//   compile (known at once, from the response or the error);
// - "timeout": nothing has arrived for LIMIT ms, and the app has not
//   mounted. Every chunk of the wasm and every file that completes
//   counts as progress, so a slow link still loading never trips it;
// - "panic": called by the app's panic hook (src/browser/panic.rs),
//   whose notice is the message.
// The message (#start-failure, role=alert, with Reload) goes above
// the page; a copy of Home is hidden; a pressed Log in says it could
// not be completed, what was typed stays, and a reload keeps the
// email (never the password). In a frame the portal is told:
// cloudlink:error, code "unavailable", with the cause.
// Contract: window.cloudlinkFailed(cause) draws the message for any
// cause above at any time (a chunk that fails to load calls it with
// "load-failed"); called with no cause it redraws the current one. The
// app removes the message when it mounts (src/browser/handoff.rs).
(() => {
  const LIMIT = 30000;
  const TEXT = {
    "webassembly-off": [
      "CloudLink cannot start in this browser",
      "CloudLink needs WebAssembly, and it is turned off in this browser. A browser setting or a policy set by your IT department can turn it off; ask them, or turn it back on in the browser's settings, then reload this page.",
    ],
    "load-failed": [
      "CloudLink could not load",
      "Some of its files did not arrive. The site may be in the middle of an update: wait a minute, then reload this page.",
    ],
    timeout: [
      "CloudLink is taking too long to load",
      "Its files have stopped arriving. Check your connection; the site may also be in the middle of an update. Reload this page to try again.",
    ],
  };
  let cause = null;
  let told = null;
  let prefix = null;
  const mounted = () => window.cloudlinkMounted === true;
  const config = async () => {
    const got = await window.cloudlinkConfig;
    try {
      return got && got[0] === 200 ? JSON.parse(got[1]) || {} : {};
    } catch (_) {
      return {};
    }
  };
  const tell = async () => {
    const c = await config();
    prefix = typeof c.storagePrefix === "string" ? c.storagePrefix : "cloudlink.";
    if (window.parent === window || told === cause || typeof c.parentOrigin !== "string") return;
    let to;
    try {
      to = new URL(c.parentOrigin);
    } catch (_) {
      return;
    }
    const loopback = /^(localhost|127\.0\.0\.1|\[::1\])$/.test(to.hostname);
    if (!(to.protocol === "https:" || (to.protocol === "http:" && loopback))) return;
    told = cause;
    const message = TEXT[cause] ? TEXT[cause][0] : "CloudLink stopped working";
    parent.postMessage({ type: "cloudlink:error", requestId: null, code: "unavailable", cause, message }, to.origin);
  };
  const line = (box, cls, text) => {
    let p = box.querySelector("." + cls);
    if (!p) {
      p = document.createElement("p");
      p.className = cls;
      box.insertBefore(p, box.querySelector("button"));
    }
    p.textContent = text;
    p.hidden = !text;
  };
  const draw = () => {
    if (!cause || !document.body) return;
    const copy = document.getElementById("prerender");
    const pressed = copy && copy.hasAttribute("data-submitted") && copy.querySelector("button[type=submit]");
    const home = copy && copy.inert;
    if (home) {
      copy.hidden = true;
      copy.removeAttribute("aria-busy");
    }
    const notes = [];
    if (pressed) {
      notes.push(`${pressed.textContent.trim()} could not be completed. What you typed is still in the form; a reload keeps the email, and the password must be typed again.`);
    }
    if (home) notes.push("Your linked accounts are kept, and show again once CloudLink has loaded.");
    if (cause === "panic") {
      const notice = document.getElementById("panic-notice");
      if (notice && notes.length) line(notice, "start-failure-note", notes.join(" "));
      return;
    }
    let box = document.getElementById("start-failure");
    if (!box) {
      box = document.createElement("div");
      box.id = "start-failure";
      box.className = "start-failure";
      box.setAttribute("role", "alert");
      box.append(document.createElement("h2"));
      const reload = document.createElement("button");
      reload.type = "button";
      reload.className = "button button-primary";
      reload.textContent = "Reload";
      reload.addEventListener("click", () => location.reload());
      box.append(reload);
    }
    const [title, text] = TEXT[cause] || TEXT["load-failed"];
    box.dataset.cause = cause;
    box.firstChild.textContent = title;
    line(box, "start-failure-text", text);
    line(box, "start-failure-note", notes.join(" "));
    if (document.body.firstChild !== box) document.body.prepend(box);
  };
  // hard: the cause is certain (WebAssembly missing, a call by the
  // app); otherwise the first cause found stands, but for a timeout,
  // which a failure found later replaces.
  const report = (why, hard) => {
    if (!hard && cause && cause !== "timeout") return;
    cause = why || cause;
    if (!cause) return;
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
    else draw();
    tell();
  };
  window.cloudlinkFailed = (why) => report(why, true);
  addEventListener("pagehide", () => {
    const field = document.querySelector("#prerender #email");
    try {
      if (cause && prefix !== null && field && field.value) sessionStorage.setItem(prefix + "keptEmail", field.value);
    } catch (_) {}
  });
  if (typeof WebAssembly !== "object" || !WebAssembly) return report("webassembly-off", true);
  // Not yet mounted: a file the start needs failed, or an exception
  // escaped the start (a wasm that does not compile, or a loader of
  // another build than the wasm).
  addEventListener(
    "error",
    (e) => {
      const el = e.target;
      if (mounted()) return;
      if (!(el instanceof Element)) return report("load-failed");
      if (el.localName === "script" || (el.localName === "link" && /preload/i.test(el.rel))) report("load-failed");
    },
    true,
  );
  addEventListener("unhandledrejection", () => mounted() || report("load-failed"));
  let last = Date.now();
  const seen = () => (last = Date.now());
  const fetch0 = window.fetch;
  const watched = function (input) {
    const got = fetch0.apply(this, arguments);
    const url = input && typeof input === "object" && "url" in input ? input.url : String(input);
    if (!/\.wasm([?#]|$)/.test(url) || mounted()) return got;
    got.then(
      (r) => {
        seen();
        if (!r.ok || !r.body) return r.ok || report("load-failed");
        const reader = r.clone().body.getReader();
        const read = () => reader.read().then(({ done }) => (seen(), done || read()), () => report("load-failed"));
        read();
      },
      () => report("load-failed"),
    );
    return got;
  };
  window.fetch = watched;
  let files = null;
  try {
    files = new PerformanceObserver(seen);
    files.observe({ type: "resource" });
  } catch (_) {}
  const timer = setInterval(() => {
    if (mounted() || (cause && cause !== "timeout")) {
      clearInterval(timer);
      if (window.fetch === watched) window.fetch = fetch0;
      if (files) files.disconnect();
    } else if (!cause && Date.now() - last > LIMIT) {
      report("timeout");
    }
  }, 1000);
})();
