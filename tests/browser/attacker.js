// Another script on the app's origin, as an attacker would write it: it
// reads every IndexedDB object and every local-storage value, and tries
// every way WebCrypto offers to get private key bytes out of what it finds.
// Resolves to { keys, stolen }: how many CryptoKeys it found, and a
// description of each key it got bytes of.
return (async () => {
  const request = (r) => new Promise((ok, no) => {
    r.onsuccess = () => ok(r.result);
    r.onerror = () => no(r.error);
  });
  const keys = [];
  const walk = (v, depth) => {
    if (v instanceof CryptoKey) keys.push(v);
    else if (v && typeof v === "object" && depth < 6)
      for (const k of Object.keys(v)) walk(v[k], depth + 1);
  };
  for (const info of await indexedDB.databases()) {
    const db = await request(indexedDB.open(info.name));
    for (const name of db.objectStoreNames) {
      walk(await request(db.transaction(name).objectStore(name).getAll()), 0);
    }
    db.close();
  }
  // Sealed keys in local storage, with the certificate they are bound to.
  const sealed = [];
  const collect = (v, der, depth) => {
    if (!v || typeof v !== "object" || depth > 12) return;
    const here = typeof v.der === "string" ? v.der : der;
    if (typeof v.iv === "string" && typeof v.sealed === "string") sealed.push({ ...v, der: here });
    for (const k of Object.keys(v)) collect(v[k], here, depth + 1);
  };
  for (let i = 0; i < localStorage.length; i++) {
    try { collect(JSON.parse(localStorage.getItem(localStorage.key(i))), null, 0); } catch (e) {}
  }
  const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, "0")).join("");
  const algs = [
    { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
    { name: "RSA-PSS", hash: "SHA-256" },
    { name: "ECDSA", namedCurve: "P-256" },
  ];
  const stolen = [];
  const own = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, true, ["wrapKey"]);
  for (const key of keys) {
    const what = `${key.type} ${key.algorithm.name} [${key.usages}]`;
    for (const format of ["pkcs8", "jwk", "raw"]) {
      try { await crypto.subtle.exportKey(format, key); stolen.push(`exportKey ${format} of ${what}`); } catch (e) {}
    }
    try {
      await crypto.subtle.wrapKey("pkcs8", key, own, { name: "AES-GCM", iv: new Uint8Array(12) });
      stolen.push(`wrapKey of ${what}`);
    } catch (e) {}
    for (const s of sealed) {
      const digest = hex(await crypto.subtle.digest("SHA-256", bytes(s.der || "")));
      for (const aad of [digest.toUpperCase(), digest]) {
        for (const alg of algs) {
          try {
            const open = await crypto.subtle.unwrapKey("pkcs8", bytes(s.sealed), key,
              { name: "AES-GCM", iv: bytes(s.iv), additionalData: new TextEncoder().encode(aad) },
              alg, true, ["sign"]);
            const pkcs8 = await crypto.subtle.exportKey("pkcs8", open);
            stolen.push(`unwrapKey with ${what}: ${pkcs8.byteLength} bytes of PKCS#8`);
          } catch (e) {}
        }
      }
    }
  }
  return { keys: keys.length, stolen };
})();
