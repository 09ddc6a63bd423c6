//! The networks a first page is loaded over: loopback as it is, and two real
//! ones as DevTools emulates them, set on a tab through ChromeDriver's
//! `chromium/network_conditions` command (CDP's `emulateNetworkConditions`).

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::Client;
use serde_json::json;

/// One network. `None` throughput leaves the tab unthrottled.
#[derive(Clone, Copy, Debug)]
pub struct Profile {
    pub name: &'static str,
    /// Added to every request, from its start to its response headers.
    pub rtt_ms: u32,
    pub down_kbit: Option<u32>,
    pub up_kbit: Option<u32>,
}

pub const LOOPBACK: Profile = Profile {
    name: "loopback",
    rtt_ms: 0,
    down_kbit: None,
    up_kbit: None,
};

/// DevTools' "Fast 4G": 9 Mbit/s down, 1.5 up, 150 ms.
pub const FOUR_G: Profile = Profile {
    name: "4G",
    rtt_ms: 150,
    down_kbit: Some(9_000),
    up_kbit: Some(1_500),
};

/// DevTools' former "cable" (Lighthouse's desktop figures): 5 Mbit/s down,
/// 1 up, 28 ms.
pub const CABLE: Profile = Profile {
    name: "cable",
    rtt_ms: 28,
    down_kbit: Some(5_000),
    up_kbit: Some(1_000),
};

impl Profile {
    pub fn emulated(&self) -> bool {
        self.down_kbit.is_some()
    }

    /// "4G (9 Mbit/s, 150 ms)", as the table names it.
    pub fn label(&self) -> String {
        match self.down_kbit {
            Some(kbit) => format!(
                "{} ({} Mbit/s, {} ms)",
                self.name,
                f64::from(kbit) / 1000.0,
                self.rtt_ms
            ),
            None => self.name.to_string(),
        }
    }

    /// Throttles the tab of `client`; what it loads next goes through this
    /// network, navigations included. Loopback leaves the tab alone.
    pub async fn apply(&self, client: &Client) {
        let (Some(down), Some(up)) = (self.down_kbit, self.up_kbit) else {
            return;
        };
        // CDP counts throughput in bytes per second.
        let bytes = |kbit: u32| f64::from(kbit) * 1000.0 / 8.0;
        client
            .issue_cmd(NetworkConditions(json!({
                "offline": false,
                "latency": self.rtt_ms,
                "download_throughput": bytes(down),
                "upload_throughput": bytes(up),
            })))
            .await
            .unwrap_or_else(|e| panic!("emulate the {} network: {e}", self.name));
    }
}

#[derive(Debug)]
struct NetworkConditions(serde_json::Value);

impl WebDriverCompatibleCommand for NetworkConditions {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session_id.expect("a WebDriver session");
        base_url.join(&format!("session/{session}/chromium/network_conditions"))
    }

    fn method_and_body(&self, _url: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "network_conditions": self.0 });
        (http::Method::POST, Some(body.to_string()))
    }
}
