//! What a person does, step by step, as reusable journeys.

use serde_json::{json, Value};

use super::page::Page;

pub const PASSWORD: &str = "correct horse battery";

impl Page<'_> {
    /// Create account → the first-time selection.
    pub async fn create_account(&self, email: &str) {
        self.goto("/signup").await;
        self.expect_heading("Create account").await;
        self.fill("Email", email).await;
        self.fill("Password", PASSWORD).await;
        self.fill("Confirm password", PASSWORD).await;
        self.click_button("Create account").await;
        self.expect_heading("Select your preferred cloud service or platform")
            .await;
    }

    pub async fn log_in_as(&self, email: &str, password: &str) {
        self.goto("/login").await;
        self.expect_heading("Log in").await;
        self.fill("Email", email).await;
        self.fill("Password", password).await;
        self.click_button("Log in").await;
    }

    pub async fn sign_out(&self) {
        self.click_button("Sign out").await;
        self.expect_heading("Log in").await;
    }

    pub async fn history_length(&self) -> u64 {
        let v = self
            .browser
            .client
            .execute("return history.length;", vec![])
            .await
            .unwrap();
        v.as_u64().unwrap()
    }

    pub async fn storage_get(&self, key: &str) -> Option<String> {
        let v = self
            .browser
            .client
            .execute(
                "return localStorage.getItem(arguments[0]);",
                vec![json!(key)],
            )
            .await
            .unwrap();
        v.as_str().map(str::to_string)
    }

    pub async fn storage_set(&self, key: &str, value: &str) {
        self.browser
            .client
            .execute(
                "localStorage.setItem(arguments[0], arguments[1]);",
                vec![json!(key), json!(value)],
            )
            .await
            .unwrap();
    }

    /// Every local-storage key and value the page has written.
    pub async fn storage_all(&self) -> Vec<(String, String)> {
        let v = self
            .browser
            .client
            .execute(
                "return Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]);",
                vec![],
            )
            .await
            .unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p[0].as_str().unwrap().to_string(),
                    p[1].as_str().unwrap().to_string(),
                )
            })
            .collect()
    }

    /// The signed-in user's id, from the stored session.
    pub async fn user_id(&self) -> String {
        let session = self
            .storage_get("cloudlink.session")
            .await
            .expect("a stored session");
        let v: Value = serde_json::from_str(&session).unwrap();
        v["data"]["user_id"].as_str().unwrap().to_string()
    }

    /// Writes a user document with one connected Microsoft account, as an
    /// earlier session of the app would have left it.
    pub async fn seed_connected_account(&self, name: &str) {
        let id = self.user_id().await;
        let doc = json!({
            "version": 1,
            "data": {
                "integrations": [{
                    "id": "seeded-1",
                    "provider": "microsoft",
                    "name": name,
                    "created_ms": 1_700_000_000_000_i64,
                    "status": "connected",
                    "details": {
                        "kind": "entra",
                        "tenant": "72f988bf-86f1-41af-91ab-2d7cd011db47",
                        "tenant_guid": "72f988bf-86f1-41af-91ab-2d7cd011db47",
                        "application_id": "0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b",
                        "organization": "Contoso",
                        "cloud": "global",
                        "certificate": {
                            "der": "AA==",
                            "key_type": "rsa-2048",
                            "key": { "iv": "AA==", "sealed": "AA==" }
                        }
                    }
                }],
                "drafts": {}
            }
        });
        self.storage_set(&format!("cloudlink.user.{id}"), &doc.to_string())
            .await;
    }
}
