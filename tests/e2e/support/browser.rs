//! A headless Chromium of its own for each test, driven through chromedriver.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use super::temp_dir;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// chromedriver and its Chromium; both die with this value, even on a panic.
pub struct Browser {
    pub client: Client,
    pub downloads: PathBuf,
    driver: Child,
}

impl Browser {
    pub async fn start() -> Browser {
        Browser::start_with_prefs(json!({})).await
    }

    /// A browser whose profile also has `prefs`, such as a content setting.
    pub async fn start_with_prefs(extra_prefs: serde_json::Value) -> Browser {
        Browser::launch(&[], extra_prefs, true).await
    }

    /// A browser started with extra command-line switches, such as
    /// `--force-dark-mode`.
    pub async fn start_with_args(extra_args: &[&str]) -> Browser {
        Browser::launch(extra_args, json!({}), true).await
    }

    /// A browser whose navigations return at once instead of after the
    /// `load` event, for pages whose files are held back.
    pub async fn start_not_waiting_for_load() -> Browser {
        Browser::launch(&[], json!({}), false).await
    }

    /// Both: navigations that return at once, and extra switches.
    pub async fn start_not_waiting_for_load_with_args(extra_args: &[&str]) -> Browser {
        Browser::launch(extra_args, json!({}), false).await
    }

    async fn launch(
        extra_args: &[&str],
        extra_prefs: serde_json::Value,
        wait_for_load: bool,
    ) -> Browser {
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // A group of its own, so Drop can end Chromium along with it.
            .process_group(0)
            .spawn()
            .expect("start chromedriver (scripts/setup.sh installs it)");
        wait_for_port(port);

        let profile = temp_dir("profile");
        let downloads = temp_dir("downloads");
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": [
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.display()),
                ],
                "prefs": {
                    "download.default_directory": downloads.to_string_lossy(),
                    "download.prompt_for_download": false,
                    "download.directory_upgrade": true,
                    "safebrowsing.enabled": false,
                },
            },
        });
        let mut caps = caps;
        if !wait_for_load {
            caps["pageLoadStrategy"] = json!("none");
        }
        let args = caps["goog:chromeOptions"]["args"].as_array_mut().unwrap();
        args.extend(extra_args.iter().map(|a| json!(a)));
        if let Some(extra) = extra_prefs.as_object() {
            let prefs = caps["goog:chromeOptions"]["prefs"].as_object_mut().unwrap();
            prefs.extend(extra.clone());
        }
        let caps: fantoccini::wd::Capabilities = caps.as_object().unwrap().clone();
        // chromedriver may accept the socket before it serves sessions.
        let mut tries = 0;
        let client = loop {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(c) => break c,
                Err(e) if tries < 20 => {
                    tries += 1;
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(250)).await;
                }
                Err(e) => panic!("open a Chromium session: {e}"),
            }
        };
        Browser {
            client,
            downloads,
            driver,
        }
    }

    /// Ends the session cleanly; Drop is the fallback when a test panics.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill").args(["-9", "--", &group]).status();
        let _ = self.driver.wait();
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn wait_for_port(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "chromedriver did not start on port {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
