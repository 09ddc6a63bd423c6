// Drives the embed SDK (its source is `sdk`) against a stand-in page in a
// blob: iframe, whose script is `page`: it speaks the protocol as a test
// needs. Runs `steps(mount, CloudLinkError)` and resolves to its result.
const module = await import(URL.createObjectURL(new Blob([sdk], { type: "text/javascript" })));
const html = `<!doctype html><script>${page}<\/script>`;
const url = URL.createObjectURL(new Blob([html], { type: "text/html" }));
const container = document.createElement("div");
document.body.append(container);
const events = [];
const mount = (options = {}) =>
  module.mount(container, { url, onEvent: (e) => events.push(e), ...options });
const settled = (p) => p.then((v) => ({ ok: v ?? null }), (e) => ({ code: e.code, message: e.message }));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
try {
  return { result: await steps({ mount, settled, sleep, events }), events };
} finally {
  container.remove();
}
