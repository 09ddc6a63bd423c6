// An example portal: mounts CloudLink with the embed SDK that index.html's
// import map pins (the app's address and the file's hash), and shows what it
// reports. The app is the one beside that SDK, never one named by a URL.
// `?user=` stands in for the portal's own signed-in user.
import { mount } from "cloudlink-embed";

const params = new URLSearchParams(location.search);
const appUrl = new URL("../", import.meta.resolve("cloudlink-embed"));

const $ = (id) => document.getElementById(id);
const accounts = new Map();

function logEvent(text) {
  const li = document.createElement("li");
  li.textContent = text;
  $("events").append(li);
}

function showAccounts() {
  const list = $("accounts");
  const select = $("assertion-account");
  list.replaceChildren();
  select.replaceChildren();
  if (accounts.size === 0) {
    const li = document.createElement("li");
    li.className = "empty";
    li.textContent = "None yet.";
    list.append(li);
  }
  for (const a of accounts.values()) {
    const li = document.createElement("li");
    li.dataset.accountId = a.id;
    li.textContent = `${a.name} (${a.provider}, ${a.status})`;
    list.append(li);
    if (a.provider !== "aws") {
      const option = document.createElement("option");
      option.value = a.id;
      option.textContent = a.name;
      select.append(option);
    }
  }
}

function decodePart(part) {
  const b64 = part.replace(/-/g, "+").replace(/_/g, "/");
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

const user = params.get("user");
const link = mount($("cloudlink"), {
  url: appUrl.href,
  user: user ? { id: user, email: params.get("email") ?? "" } : undefined,
  externalId: params.get("externalId") ?? undefined,
  onEvent(e) {
    logEvent(e.account ? `${e.type}: ${e.account.id}` : `${e.type}${e.message ? `: ${e.message}` : ""}`);
    if (e.type === "account-linked" || e.type === "account-updated") accounts.set(e.account.id, e.account);
    if (e.type === "account-removed") accounts.delete(e.account.id);
    if (e.type === "signed-out") accounts.clear();
    showAccounts();
  },
});
// For the browser console: the handle, and the accounts as last reported.
window.cloudlink = link;
window.cloudlinkAccounts = accounts;

$("request-assertion").addEventListener("click", async () => {
  const status = $("assertion-status");
  const accountId = $("assertion-account").value;
  status.textContent = "Asking CloudLink…";
  try {
    const { assertion } = await link.requestAssertion(accountId, { alg: "PS256" });
    const [header, claims] = assertion.split(".");
    $("assertion-header").textContent = JSON.stringify(decodePart(header), null, 2);
    $("assertion-claims").textContent = JSON.stringify(decodePart(claims), null, 2);
    $("assertion-jwt").value = assertion;
    status.textContent = "Signed by CloudLink in the browser.";
  } catch (e) {
    status.textContent = `Refused (${e.code}): ${e.message}`;
  }
});
$("sign-out").addEventListener("click", () => link.signOut().catch((e) => logEvent(`sign-out failed: ${e.code}`)));
$("destroy").addEventListener("click", () => {
  link.destroy();
  logEvent("destroyed");
});
