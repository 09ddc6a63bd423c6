// Until the wasm has arrived, the page the app would draw first:
// - signed out, on /login or /signup: the app's Log in or Create
//   account, rendered into index.html's <template>s at build time
//   (src/bin/prerender.rs). A visitor can type at once; when the app
//   mounts it takes over what was typed, the focus and a pressed
//   button (src/browser/handoff.rs).
// - signed in, on /: Home as the app last drew it, inert, if it was
//   drawn from the stored session, the user's document as stored now
//   and today's date (src/browser/home_copy.rs).
// Never in a frame or in host identity mode, where a portal decides
// who is signed in.
// Any script on the origin can write the copy, so it is not trusted
// as markup: only the elements and attributes Home draws are kept, and
// a link or image only on this origin. No fill or stroke either: they
// take url(), which Chromium fetches from anywhere (the app's icons
// are painted from the stylesheet). Nothing in it can run or reach
// another site, even where the host sends no Content-Security-Policy.
const TAGS = /^(header|nav|main|section|div|span|p|h1|h2|h3|a|ul|ol|li|table|thead|tbody|tr|th|td|strong|em|small|code|img|button|svg|g|path)$/;
const ATTRIBUTES = /^(id|class|role|scope|alt|title|width|height|viewbox|d|type|tabindex|hidden|aria-[a-z-]+|data-[a-z-]+)$/i;
const here = (url) => {
  const to = new URL(url, document.baseURI);
  return to.origin === location.origin && /^https?:$/.test(to.protocol);
};
const onlyWhatHomeDraws = (fragment) => {
  for (const el of [...fragment.querySelectorAll("*")]) {
    if (!TAGS.test(el.localName)) {
      el.remove();
      continue;
    }
    for (const name of el.getAttributeNames()) {
      const url = name === "href" || name === "src";
      if (!(url ? here(el.getAttribute(name)) : ATTRIBUTES.test(name))) el.removeAttribute(name);
    }
  }
  return fragment;
};
(async () => {
  const base = new URL(document.baseURI).pathname;
  if (!location.pathname.startsWith(base) || window.top !== window) return;
  const route = location.pathname.slice(base.length).replace(/\/$/, "");
  let page = null;
  let inert = false;
  try {
    const got = await window.cloudlinkConfig;
    const config = got && got[0] === 200 ? JSON.parse(got[1]) : {};
    if (config.identityMode === "host") return;
    const prefix = typeof config.storagePrefix === "string" ? config.storagePrefix : "cloudlink.";
    const session = localStorage.getItem(prefix + "session");
    if (session === null) {
      const copy = /^(login|signup)$/.test(route) && document.getElementById("prerender-" + route);
      page = copy && copy.content.cloneNode(true);
      // The email typed before a reload from the message that the
      // app could not start (the script above keeps it).
      const email = page && page.querySelector("#email");
      try {
        const kept = sessionStorage.getItem(prefix + "keptEmail");
        sessionStorage.removeItem(prefix + "keptEmail");
        if (kept && email) email.value = kept;
      } catch (_) {}
    } else if (route === "") {
      const copy = JSON.parse(localStorage.getItem(prefix + "home"));
      const stored = copy && JSON.parse(localStorage.getItem(copy.key));
      const today = new Date().toISOString().slice(0, 10);
      if (stored && copy.session === session && (stored.revision || 0) === copy.revision && copy.day === today) {
        const drawn = document.createElement("template");
        drawn.innerHTML = copy.html;
        page = onlyWhatHomeDraws(drawn.content);
        inert = true;
      }
    }
  } catch (_) {
    return;
  }
  if (!page || window.cloudlinkMounted) return;
  const root = document.createElement("div");
  root.id = "prerender";
  if (inert) {
    root.inert = true;
    root.setAttribute("aria-busy", "true");
  }
  root.append(page);
  // A press of Log in waits for the app, which then submits the form.
  // If the app cannot start, the message says so.
  root.addEventListener("submit", (e) => {
    e.preventDefault();
    root.dataset.submitted = "";
    window.cloudlinkFailed();
  });
  document.body.prepend(root);
  window.cloudlinkFailed();
})();
