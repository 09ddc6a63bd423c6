//! Reading single values of `config.json`: strings, colours, per-cloud
//! origins, and the error that names the key an operator must fix.

use serde_json::{Map, Value};

use super::origin::parse_origin;
use crate::domain::entra::Cloud;

/// A configuration problem, naming the key so an operator can fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub key: String,
    pub problem: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.key.is_empty() {
            write!(f, "config.json {}", self.problem)
        } else {
            write!(f, "config.json key \"{}\" {}", self.key, self.problem)
        }
    }
}

pub(super) fn bad(key: &str, problem: &str) -> ConfigError {
    ConfigError {
        key: key.into(),
        problem: problem.into(),
    }
}

pub(super) fn string(obj: &Map<String, Value>, key: &str) -> Result<Option<String>, ConfigError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
        Some(_) => Err(bad(key, "must be a string")),
    }
}

pub(super) fn is_colour(s: &str) -> bool {
    let hex = s.strip_prefix('#').unwrap_or("");
    matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit())
}

/// `{"global": origin, …}` read in the order of `Cloud::ALL`, each parsed as
/// an origin; an unknown cloud is an error rather than a silent no-op.
pub(super) fn per_cloud_origins(
    obj: &Map<String, Value>,
    key: &str,
) -> Result<Option<[Option<String>; 3]>, ConfigError> {
    let hosts = match obj.get(key) {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(hosts)) => hosts,
        Some(_) => return Err(bad(key, "must be an object keyed by cloud")),
    };
    let mut out: [Option<String>; 3] = Default::default();
    for (slot, cloud) in out.iter_mut().zip(Cloud::ALL) {
        let name = cloud.key();
        let sub = format!("{key}.{name}");
        if let Some(h) = string(hosts, name).map_err(|e| bad(&sub, &e.problem))? {
            *slot = Some(parse_origin(&h).map_err(|e| bad(&sub, e.message()))?);
        }
    }
    if let Some(k) = hosts.keys().find(|k| Cloud::from_key(k).is_none()) {
        return Err(bad(
            &format!("{key}.{k}"),
            "is not a known cloud (global, us-government, china)",
        ));
    }
    Ok(Some(out))
}
