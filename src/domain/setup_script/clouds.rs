//! Per-cloud names and hosts. Each sovereign cloud has its own Azure CLI
//! profile, Cloud Shell and Microsoft Graph, and a call to the wrong one fails
//! with an error that does not say so.

use crate::domain::entra::Cloud;

/// The name `az cloud show --query name` prints when the CLI is set to `cloud`.
pub fn az_cloud_name(cloud: Cloud) -> &'static str {
    match cloud {
        Cloud::Global => "AzureCloud",
        Cloud::UsGovernment => "AzureUSGovernment",
        Cloud::China => "AzureChinaCloud",
    }
}

/// Where the admin opens Cloud Shell already signed in to `cloud`.
pub fn cloud_shell_url(cloud: Cloud) -> &'static str {
    match cloud {
        Cloud::Global => "https://shell.azure.com",
        Cloud::UsGovernment => "https://portal.azure.us/#cloudshell/",
        Cloud::China => "https://portal.azure.cn/#cloudshell/",
    }
}

/// Microsoft Graph for `cloud`, without a trailing slash.
pub fn graph_base_url(cloud: Cloud) -> &'static str {
    match cloud {
        Cloud::Global => "https://graph.microsoft.com",
        Cloud::UsGovernment => "https://graph.microsoft.us",
        Cloud::China => "https://microsoftgraph.chinacloudapi.cn",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_cloud_has_its_own_cli_name_shell_and_graph() {
        let names: Vec<_> = Cloud::ALL.iter().map(|&c| az_cloud_name(c)).collect();
        assert_eq!(
            names,
            ["AzureCloud", "AzureUSGovernment", "AzureChinaCloud"]
        );
        let shells: Vec<_> = Cloud::ALL.iter().map(|&c| cloud_shell_url(c)).collect();
        assert_eq!(
            shells,
            [
                "https://shell.azure.com",
                "https://portal.azure.us/#cloudshell/",
                "https://portal.azure.cn/#cloudshell/"
            ]
        );
        let graphs: Vec<_> = Cloud::ALL.iter().map(|&c| graph_base_url(c)).collect();
        assert_eq!(
            graphs,
            [
                "https://graph.microsoft.com",
                "https://graph.microsoft.us",
                "https://microsoftgraph.chinacloudapi.cn"
            ]
        );
    }
}
