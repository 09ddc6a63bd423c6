//! Host identity mode keeps private keys where script on the origin can use
//! them to sign but can never read them out, with real IndexedDB, WebCrypto
//! and local storage.

use std::rc::Rc;

use base64ct::{Base64UrlUnpadded, Encoding};
use cloudlink::browser::key_store::{legacy, HeldKey, KeyDatabase};
use cloudlink::browser::storage::LocalStore;
use cloudlink::browser::{clock, webcrypto};
use cloudlink::crypto::{AssertionAlg, KeyType, Lifetime};
use cloudlink::domain::app::embed::host_storage_id;
use cloudlink::domain::app::Config;
use cloudlink::domain::entra::{CertificateRecord, PrivateKey};
use cloudlink::domain::links::{Integration, Provider};
use cloudlink::state::accounts::Accounts;
use cloudlink::state::auth::Auth;
use cloudlink::state::certificates::{self, AssertionFor, KeyAhead, KeyCustody, NewCertificate};
use cloudlink::state::drafts::Drafts;
use cloudlink::state::notices::Notices;
use cloudlink::state::persist::Persist;
use cloudlink::state::{connect, manage};
use cloudlink::store::drafts::{DraftBook, FormDraft};
use cloudlink::store::keys::Keys;
use cloudlink::store::schema::UserData;
use cloudlink::store::KeyValue;
use der::{Decode, Encode};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::generate_sealed;

fn new_certificate(key_type: KeyType) -> NewCertificate {
    NewCertificate {
        common_name: "Host test".into(),
        organization: Some("Contoso".into()),
        key_type,
        lifetime: Lifetime::OneYear,
    }
}

fn account(id: &str, record: &CertificateRecord) -> Integration {
    serde_json::from_value(serde_json::json!({
        "id": id,
        "provider": "microsoft",
        "name": format!("Host test {id}"),
        "created_ms": 1,
        "status": "connected",
        "details": {
            "kind": "entra",
            "tenant": "72f988bf-86f1-41af-91ab-2d7cd011db47",
            "application_id": "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b",
            "cloud": "global",
            "certificate": record,
        }
    }))
    .unwrap()
}

/// What the attacker script found: how many keys, and what it got out.
struct Loot {
    keys: u32,
    stolen: Vec<String>,
}

async fn attack() -> Loot {
    let script = js_sys::Function::new_no_args(include_str!("attacker.js"));
    let promise: js_sys::Promise = script.call0(&JsValue::NULL).unwrap().unchecked_into();
    let result = JsFuture::from(promise).await.unwrap();
    let keys = js_sys::Reflect::get(&result, &"keys".into())
        .unwrap()
        .as_f64()
        .unwrap() as u32;
    let stolen = js_sys::Reflect::get(&result, &"stolen".into()).unwrap();
    let stolen = js_sys::Array::from(&stolen)
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    Loot { keys, stolen }
}

async fn js(body: &str, args: &[&JsValue]) -> JsValue {
    let names: Vec<String> = (0..args.len()).map(|i| format!("a{i}")).collect();
    let body = format!("return (async () => {{ {body} }})();");
    let f = js_sys::Function::new_with_args(&names.join(","), &body);
    let list: js_sys::Array = args.iter().copied().collect();
    let out = f.apply(&JsValue::NULL, &list).unwrap();
    JsFuture::from(js_sys::Promise::resolve(&out))
        .await
        .unwrap()
}

/// Checks `jwt` against the public key in `record`'s certificate.
async fn signed_by(record: &CertificateRecord, jwt: &str) -> bool {
    let der = record.certificate().unwrap().der().to_vec();
    let cert = x509_cert::Certificate::from_der(&der).unwrap();
    let spki = cert
        .tbs_certificate()
        .subject_public_key_info()
        .to_der()
        .unwrap();
    let (input, signature) = jwt.rsplit_once('.').unwrap();
    let signature = Base64UrlUnpadded::decode_vec(signature).unwrap();
    let ok = js(
        "const key = await crypto.subtle.importKey('spki', a0, {name: 'RSA-PSS', hash: 'SHA-256'}, false, ['verify']);
         return crypto.subtle.verify({name: 'RSA-PSS', saltLength: 32}, key, a1, new TextEncoder().encode(a2));",
        &[
            &js_sys::Uint8Array::from(&spki[..]).into(),
            &js_sys::Uint8Array::from(&signature[..]).into(),
            &input.into(),
        ],
    )
    .await;
    ok.as_bool() == Some(true)
}

fn assertion_for(record: &CertificateRecord, alg: AssertionAlg) -> AssertionFor<'_> {
    AssertionFor {
        record,
        alg,
        tenant: "72f988bf-86f1-41af-91ab-2d7cd011db47",
        application_id: "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b",
        authority_host: "login.microsoftonline.com",
    }
}

struct Host {
    keys: Keys,
    persist: Persist,
    auth: Auth,
    accounts: Accounts,
}

fn host(prefix: &str) -> Host {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    for i in (0..storage.length().unwrap()).rev() {
        if let Some(key) = storage.key(i).unwrap().filter(|k| k.starts_with(prefix)) {
            let _ = LocalStore.remove(&key);
        }
    }
    host_keeping(prefix)
}

/// [`host`] over what is stored under `prefix` now.
fn host_keeping(prefix: &str) -> Host {
    let keys = Keys::new(prefix);
    let persist = Persist::new(Rc::new(LocalStore), keys.clone(), Notices::new());
    let accounts = Accounts::new(persist, false);
    let drafts = Drafts::new(persist, "tab-host".into());
    let auth = Auth::restore(persist, accounts, drafts, true);
    Host {
        keys,
        persist,
        auth,
        accounts,
    }
}

fn held_id(record: &CertificateRecord) -> String {
    record.key.held_id().expect("a held key").to_string()
}

#[wasm_bindgen_test]
async fn script_on_the_origin_gets_no_private_key_bytes_in_host_mode() {
    let owner = Owner::new();
    owner.set();
    let h = host("test.attack.");
    h.auth.host_sign_in("attacked", "pat@example.com").await;
    let record = certificates::generate(&h.auth, new_certificate(KeyType::Rsa2048), None)
        .await
        .unwrap();
    h.accounts
        .link(account("acc-1", &record), |_| None::<()>)
        .await
        .unwrap();
    assert!(
        LocalStore
            .get(&h.keys.user("host.attacked"))
            .is_some_and(|doc| doc.contains(&record.der)),
        "the account is stored"
    );

    let loot = attack().await;
    assert!(loot.keys >= 1, "the attacker found the stored keys");
    assert!(
        loot.stolen.is_empty(),
        "key bytes came out: {:?}",
        loot.stolen
    );

    // The page itself still signs with them, in both algorithms.
    for alg in [AssertionAlg::Ps256, AssertionAlg::Rs256] {
        let jwt = certificates::client_assertion(&h.auth, assertion_for(&record, alg))
            .await
            .unwrap();
        assert_eq!(jwt.split('.').count(), 3);
    }
    let jwt = certificates::client_assertion(&h.auth, assertion_for(&record, AssertionAlg::Ps256))
        .await
        .unwrap();
    assert!(
        signed_by(&record, &jwt).await,
        "the held key is the certificate's"
    );
}

#[wasm_bindgen_test]
async fn held_keys_sign_only_and_live_in_the_prefixed_database() {
    let owner = Owner::new();
    owner.set();
    let h = host("test.held.");
    h.auth.host_sign_in("held", "pat@example.com").await;
    let rsa = certificates::generate(&h.auth, new_certificate(KeyType::Rsa2048), None)
        .await
        .unwrap();
    let ec = certificates::generate(&h.auth, new_certificate(KeyType::EcdsaP256), None)
        .await
        .unwrap();
    let database = KeyDatabase::new("test.held.keys");
    let held = database
        .get(&held_id(&rsa))
        .await
        .expect("in test.held.keys");
    assert_eq!(held.user, "host.held");
    assert_eq!(
        held.thumbprint,
        rsa.certificate().unwrap().sha256_thumbprint()
    );
    let pss = held.pss.expect("an RSA key has a PSS key too");
    for (key, name) in [(&held.pkcs1, "RSASSA-PKCS1-v1_5"), (&pss, "RSA-PSS")] {
        assert!(!key.extractable());
        assert_eq!(
            js_sys::Array::from(&key.usages()).to_vec(),
            [JsValue::from("sign")]
        );
        let alg = js_sys::Reflect::get(&key.algorithm().unwrap(), &"name".into()).unwrap();
        assert_eq!(alg, name);
    }
    let ec = database.get(&held_id(&ec)).await.unwrap();
    assert!(ec.pss.is_none(), "P-256 has one ECDSA key");
    assert!(!ec.pkcs1.extractable());

    // A record that points at another certificate's key is refused.
    let mut swapped = rsa.clone();
    swapped.key = PrivateKey::Held {
        held: held_id(&rsa),
    };
    swapped.der = certificates::generate(&h.auth, new_certificate(KeyType::Rsa2048), None)
        .await
        .unwrap()
        .der;
    assert!(
        certificates::client_assertion(&h.auth, assertion_for(&swapped, AssertionAlg::Ps256))
            .await
            .is_err()
    );
}

/// Writes `kek` where the first host mode kept it.
async fn keep_legacy_kek(user: &str, kek: &web_sys::CryptoKey) {
    js(
        "const open = indexedDB.open('cloudlink-keys', 1);
         open.onupgradeneeded = () => open.result.createObjectStore('key-encryption-keys');
         const db = await new Promise((ok, no) => { open.onsuccess = () => ok(open.result); open.onerror = () => no(open.error); });
         const put = db.transaction('key-encryption-keys', 'readwrite').objectStore('key-encryption-keys').put(a1, a0);
         await new Promise((ok, no) => { put.onsuccess = ok; put.onerror = () => no(put.error); });
         db.close();",
        &[&JsValue::from(user), kek.as_ref()],
    )
    .await;
}

#[wasm_bindgen_test]
async fn sealed_host_keys_move_into_held_keys_once_and_the_old_key_goes() {
    sealed_keys_move("test.migrate.", "migrating").await;
}

/// The first host mode did not escape dots in ids: an email-like id's
/// accounts, drafts and keys are found where it kept them, and moved.
#[wasm_bindgen_test]
async fn data_kept_under_an_unescaped_id_moves_with_its_keys() {
    sealed_keys_move("test.dotted.", "pat.smith@contoso.com").await;
    let h = host_keeping("test.dotted.");
    let earlier = "host.pat.smith@contoso.com";
    assert_eq!(
        LocalStore.get(&h.keys.user(earlier)),
        None,
        "moved, not copied"
    );
    assert_eq!(LocalStore.get(&h.keys.drafts(earlier)), None);
}

async fn sealed_keys_move(prefix: &str, portal_id: &str) {
    let owner = Owner::new();
    owner.set();
    let h = host(prefix);
    let earlier = format!("host.{portal_id}");
    let user = earlier.as_str();
    // What the first host mode left: a random non-extractable AES key in
    // IndexedDB, and keys sealed under it in local storage.
    let kek = webcrypto::hkdf_aes_key(&cloudlink::browser::random::bytes::<32>(), "legacy")
        .await
        .unwrap();
    keep_legacy_kek(user, &kek).await;
    let current = generate_sealed(&kek, new_certificate(KeyType::Rsa2048), None)
        .await
        .unwrap();
    let previous = generate_sealed(&kek, new_certificate(KeyType::Rsa2048), None)
        .await
        .unwrap();
    let drafted = generate_sealed(&kek, new_certificate(KeyType::Rsa3072), None)
        .await
        .unwrap();
    let mut linked = account("acc-m", &current);
    if let cloudlink::domain::links::Details::Entra(link) = &mut linked.details {
        link.previous_certificate = Some(previous.clone());
    }
    h.persist
        .commit::<UserData, _, ()>(&h.keys.user(user), move |d| {
            d.integrations = vec![linked.clone()];
            Ok(())
        })
        .await
        .unwrap();
    let draft = FormDraft::Entra(Box::new(cloudlink::domain::links::EntraDraft {
        name: "Drafted".into(),
        certificate: Some(drafted.clone()),
        ..Default::default()
    }));
    h.persist
        .commit::<DraftBook, _, ()>(&h.keys.drafts(user), move |b| {
            b.put("tab-old", Provider::Microsoft, draft.clone(), 1);
            Ok(())
        })
        .await
        .unwrap();
    assert!(legacy::key_encryption_key(user).await.is_some());
    let before = attack().await;
    assert!(
        !before.stolen.is_empty(),
        "the old shape gives keys away, which is why it moves"
    );

    h.auth.host_sign_in(portal_id, "pat@example.com").await;
    let now = host_storage_id(portal_id);
    let user = now.as_str();

    assert!(
        legacy::key_encryption_key(&earlier).await.is_none(),
        "the old key-encryption key is deleted"
    );
    let (data, _) = h.persist.load::<UserData>(&h.keys.user(user));
    let link = data.integrations[0].entra().unwrap().clone();
    let (book, _) = h.persist.load::<DraftBook>(&h.keys.drafts(user));
    let draft_record = book.entries[0]
        .form
        .entra()
        .unwrap()
        .certificate
        .clone()
        .unwrap();
    let database = KeyDatabase::new(&format!("{prefix}keys"));
    for (moved, was) in [
        (&link.certificate, &current),
        (link.previous_certificate.as_ref().unwrap(), &previous),
        (&draft_record, &drafted),
    ] {
        assert_eq!(moved.der, was.der, "the certificate stays");
        let held = database.get(&held_id(moved)).await.expect("held");
        assert!(!held.pkcs1.extractable());
    }
    let jwt = certificates::client_assertion(
        &h.auth,
        assertion_for(&link.certificate, AssertionAlg::Ps256),
    )
    .await
    .unwrap();
    assert!(
        signed_by(&current, &jwt).await,
        "the moved key is the same key"
    );

    let after = attack().await;
    assert!(after.keys >= 6, "the attacker found the held keys");
    assert!(
        after.stolen.is_empty(),
        "key bytes came out: {:?}",
        after.stolen
    );

    // A second sign-in finds nothing to move and changes nothing.
    let (_, revision) = h.persist.load::<UserData>(&h.keys.user(user));
    h.auth.host_sign_in(portal_id, "pat@example.com").await;
    assert_eq!(h.persist.load::<UserData>(&h.keys.user(user)).1, revision);
}

/// Every key-encryption key the first host mode left goes at the first
/// sign-in after the upgrade: those of portal users who never sign in again,
/// and those under ids whose documents cannot be told from another's.
#[wasm_bindgen_test]
async fn the_first_sign_in_deletes_every_old_key_encryption_key() {
    let owner = Owner::new();
    owner.set();
    let h = host("test.legacy-all.");
    let kek = webcrypto::hkdf_aes_key(&cloudlink::browser::random::bytes::<32>(), "legacy")
        .await
        .unwrap();
    let others = [
        "host.gone@example.com",
        "host.alice.drafts",
        "host.bob.backup.7",
    ];
    for other in others {
        keep_legacy_kek(other, &kek).await;
    }
    keep_legacy_kek("host.alice.lock", &kek).await;
    h.auth.host_sign_in("alice.lock", "alice@example.com").await;
    for other in others.into_iter().chain(["host.alice.lock"]) {
        assert!(
            legacy::key_encryption_key(other).await.is_none(),
            "the old key-encryption key of {other} is still there"
        );
    }
}

#[wasm_bindgen_test]
async fn renewal_steps_and_remove_delete_the_held_keys_they_drop() {
    let owner = Owner::new();
    owner.set();
    let h = host("test.forget.");
    let config = Config {
        storage_prefix: "test.forget.".into(),
        ..Config::default()
    };
    let database = KeyDatabase::new("test.forget.keys");
    h.auth.host_sign_in("forget", "pat@example.com").await;
    let first = certificates::generate(&h.auth, new_certificate(KeyType::Rsa2048), None)
        .await
        .unwrap();
    let linked = account("acc-f", &first);
    h.accounts
        .link(linked.clone(), |_| None::<()>)
        .await
        .unwrap();
    let pending = || {
        h.accounts
            .find_untracked("acc-f")
            .and_then(|a| a.entra().unwrap().pending_certificate.clone())
    };
    let (auth, accounts) = (h.auth, h.accounts);
    let renew = |account: Integration| async move {
        manage::renew(
            &auth,
            accounts,
            &account,
            KeyType::Rsa2048,
            Lifetime::OneYear,
            KeyAhead::new(),
        )
        .await
        .unwrap();
    };

    renew(linked.clone()).await;
    let cancelled = pending().expect("pending");
    assert!(database.get(&held_id(&cancelled)).await.is_some());
    manage::cancel_renewal(&h.auth, h.accounts, &config, "acc-f")
        .await
        .unwrap();
    assert!(
        database.get(&held_id(&cancelled)).await.is_none(),
        "Cancel renewal"
    );

    renew(linked.clone()).await;
    let replaced = pending().unwrap();
    renew(linked.clone()).await;
    let second = pending().unwrap();
    assert!(
        database.get(&held_id(&replaced)).await.is_none(),
        "a second renewal replaces the pending key"
    );
    manage::use_new(&h.auth, h.accounts, &config, "acc-f")
        .await
        .unwrap();
    let jwt = certificates::client_assertion(&h.auth, assertion_for(&second, AssertionAlg::Ps256))
        .await
        .unwrap();
    assert!(signed_by(&second, &jwt).await);
    assert!(database.get(&held_id(&first)).await.is_some(), "previous");
    manage::forget_previous(h.accounts, &config, "acc-f")
        .await
        .unwrap();
    assert!(
        database.get(&held_id(&first)).await.is_none(),
        "Forget previous certificate"
    );

    connect::remove(h.accounts, &config, "acc-f").await.unwrap();
    assert!(database.get(&held_id(&second)).await.is_none(), "Remove");
    assert!(database.of_user("host.forget").await.is_empty());
}

#[wasm_bindgen_test]
async fn sign_in_sweeps_old_held_keys_no_record_names() {
    let owner = Owner::new();
    owner.set();
    let h = host("test.sweep.");
    h.auth.host_sign_in("sweep", "pat@example.com").await;
    let Some(KeyCustody::Held(held)) = h.auth.key_custody() else {
        panic!("host mode holds keys");
    };
    let named = certificates::generate(&h.auth, new_certificate(KeyType::Rsa2048), None)
        .await
        .unwrap();
    h.accounts
        .link(account("acc-s", &named), |_| None::<()>)
        .await
        .unwrap();
    let (_, private_key) = webcrypto::generate_key_pair(Some(2048)).await.unwrap();
    let keep = |created_ms: f64| {
        let private_key = private_key.clone();
        async move {
            let signing = webcrypto::hold_private_key(&private_key, true)
                .await
                .unwrap();
            HeldKey {
                user: "host.sweep".into(),
                thumbprint: "00".into(),
                created_ms,
                pkcs1: signing.pkcs1,
                pss: signing.pss,
            }
        }
    };
    let now = clock::now_ms() as f64;
    // A draft's key after Start over, an hour ago; one made a moment ago.
    held.database
        .put("left-behind", &keep(now - 3_600_000.0).await)
        .await
        .unwrap();
    held.database
        .put("just-made", &keep(now).await)
        .await
        .unwrap();

    h.auth.host_sign_in("sweep", "pat@example.com").await;
    let mut left: Vec<String> = held
        .database
        .of_user("host.sweep")
        .await
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    left.sort();
    let mut expected = vec!["just-made".to_string(), held_id(&named)];
    expected.sort();
    assert_eq!(left, expected);
}
