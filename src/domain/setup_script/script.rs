//! Putting the script together from the form: the values as quoted variables
//! first, then the helpers and options, then the numbered steps.

use super::certificate::{normalize_thumbprint, public_certificate, PublicCertificate};
use super::clouds::{az_cloud_name, graph_base_url};
use super::error::SetupScriptError;
use super::preamble::{HELPERS, NEW_APP_OPTIONS, RENEWAL_OPTIONS};
use super::shell_quote::{assignment, Unquotable};
use super::steps::{self, Step};
use super::trust::trusted_thumbprints;
use crate::domain::entra::{ApplicationId, AzureScope, Cloud};
use crate::domain::links::Provider;
use crate::domain::text::{safe_file_stem, DisplayName};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SetupScript<'a> {
    /// Microsoft or Azure.
    pub provider: Provider,
    pub cloud: Cloud,
    /// The app registration's display name, as the form validated it: never
    /// empty, and without control or invisible formatting characters.
    pub app_name: &'a DisplayName,
    /// Only the public certificate; a private key is refused.
    pub certificate_pem: &'a str,
    /// Required for a new Azure app; ignored otherwise.
    pub azure_scope: Option<&'a AzureScope>,
    pub mode: ScriptMode<'a>,
    /// Printed for the paste box to match; required when renewing.
    pub thumbprint_sha1: Option<&'a str>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScriptMode<'a> {
    /// Registers the app. An app registration found under the same name is
    /// set up only when it is provably the account's own: its only
    /// credentials are the script's certificate or these, the SHA-1
    /// thumbprints of the account's other certificates (see
    /// `known_thumbprints`).
    NewApp { known_thumbprints: &'a [String] },
    /// Renewal: adds the certificate to an app set up earlier, keeping the
    /// old certificate valid until CloudLink has switched to the new one, and
    /// leaves permissions and roles as the admin left them.
    AppendCertificate { application_id: &'a str },
}

/// Everything `build` checked, ready to be written out.
struct Checked {
    certificate: PublicCertificate,
    thumbprint: Option<String>,
    renew_app: Option<ApplicationId>,
    /// For a new app: the certificates that make an existing app the
    /// account's own, the script's first.
    trusted: Vec<String>,
    scope: Option<String>,
}

fn check(s: &SetupScript) -> Result<Checked, SetupScriptError> {
    if s.provider == Provider::Aws {
        return Err(SetupScriptError::UnsupportedProvider);
    }
    let certificate = public_certificate(s.certificate_pem)?;
    let thumbprint = s.thumbprint_sha1.map(normalize_thumbprint).transpose()?;
    if thumbprint.as_ref().is_some_and(|t| *t != certificate.sha1) {
        return Err(SetupScriptError::ThumbprintMismatch);
    }
    let trusted = match s.mode {
        ScriptMode::NewApp { known_thumbprints } => {
            trusted_thumbprints(&certificate.sha1, known_thumbprints)?
        }
        ScriptMode::AppendCertificate { .. } => Vec::new(),
    };
    let renew_app = match s.mode {
        ScriptMode::NewApp { .. } => None,
        ScriptMode::AppendCertificate { application_id } => {
            if thumbprint.is_none() {
                return Err(SetupScriptError::MissingThumbprint);
            }
            Some(
                ApplicationId::parse(application_id)
                    .map_err(|_| SetupScriptError::BadApplicationId)?,
            )
        }
    };
    let scope = match (s.provider, renew_app) {
        (Provider::Azure, None) => Some(
            s.azure_scope
                .ok_or(SetupScriptError::MissingAzureScope)?
                .arm_scope(),
        ),
        (Provider::Azure, Some(_)) | (Provider::Microsoft | Provider::Aws, _) => None,
    };
    Ok(Checked {
        certificate,
        thumbprint,
        renew_app,
        trusted,
        scope,
    })
}

fn header(s: &SetupScript) -> String {
    let what = match (s.mode, s.provider) {
        (ScriptMode::AppendCertificate { .. }, _) => "adds a renewed certificate to the app",
        (ScriptMode::NewApp { .. }, Provider::Azure) => "registers the app for Azure",
        // `check` has already refused AWS, so only Microsoft 365 reads this.
        (ScriptMode::NewApp { .. }, Provider::Microsoft | Provider::Aws) => {
            "registers the app for Microsoft 365"
        }
    };
    format!(
        "#!/usr/bin/env bash\n\
         # CloudLink setup: {what} in the {cloud} cloud.\n\
         #\n\
         # Upload it to Azure Cloud Shell (Bash), signed in as an administrator of\n\
         # the tenant to link, and run it with: bash <this file's name>\n\
         # It uses only the Azure CLI. Each step says what it does; if one fails, the\n\
         # script stops and says what to check.\n\
         set -euo pipefail\n",
        cloud = s.cloud.label(),
    )
}

/// Office 365 Exchange Online's Exchange.ManageAsApp application permission.
const EXCHANGE_MANAGE_AS_APP: &str =
    "00000002-0000-0ff1-ce00-000000000000/dc50a0fb-09a3-484d-be87-e023b12c6440=Role";

fn values(s: &SetupScript, c: &Checked) -> Result<String, SetupScriptError> {
    let mut out =
        String::from("\n# Values from CloudLink, in single quotes so they are taken literally.\n");
    let mut add = |name: &str, value: &str| -> Result<(), SetupScriptError> {
        out.push_str(&assignment(name, value).map_err(|e| match e {
            Unquotable::ControlCharacter => SetupScriptError::ControlCharacter,
            Unquotable::InvisibleCharacter => SetupScriptError::InvisibleCharacter,
        })?);
        Ok(())
    };
    match c.renew_app {
        Some(app) => add("APP_ID", app.as_str())?,
        None => {
            add("APP_NAME", s.app_name.as_str())?;
            // OData writes a quote inside a string as two quotes.
            add("APP_NAME_ODATA", &s.app_name.as_str().replace('\'', "''"))?;
            add("TRUSTED_THUMBPRINTS", &c.trusted.join(" "))?;
            // What an existing app may ask for: what this script asks for,
            // as API application ID/permission ID=type.
            add(
                "ALLOWED_PERMISSIONS",
                match s.provider {
                    Provider::Microsoft => EXCHANGE_MANAGE_AS_APP,
                    Provider::Azure | Provider::Aws => "",
                },
            )?;
        }
    }
    add("GRAPH", graph_base_url(s.cloud))?;
    if let Some(scope) = &c.scope {
        add("SCOPE", scope)?;
    }
    add("EXPECTED_CLOUD", az_cloud_name(s.cloud))?;
    add("CLOUD_LABEL", s.cloud.label())?;
    add("THUMBPRINT_SHA1", &c.certificate.sha1)?;
    Ok(out)
}

fn step_list(s: &SetupScript, c: &Checked) -> Vec<Step> {
    let thumbprint = c.thumbprint.is_some();
    if c.renew_app.is_some() {
        return vec![
            steps::check_sign_in(),
            steps::find_app(),
            steps::add_certificate(&c.certificate.pem),
            steps::print_result(
                thumbprint,
                "certificate $THUMBPRINT_SHA1 added to app registration $APP_ID",
            ),
        ];
    }
    let mut list = vec![
        steps::check_sign_in(),
        steps::create_app(),
        steps::add_certificate(&c.certificate.pem),
        steps::create_service_principal(),
    ];
    if s.provider == Provider::Microsoft {
        list.push(steps::grant_exchange());
        list.push(steps::assign_global_reader());
        list.push(steps::print_result(
            thumbprint,
            "$APP_DONE; certificate added; service principal ready; \
             Exchange.ManageAsApp granted; Global Reader assigned",
        ));
    } else {
        list.push(steps::assign_global_reader());
        list.push(steps::assign_reader());
        list.push(steps::print_result(
            thumbprint,
            "$APP_DONE; certificate added; service principal ready; \
             Global Reader assigned; Reader assigned on $SCOPE",
        ));
    }
    list
}

/// The Bash script for Azure Cloud Shell, or why it cannot be built.
pub fn build(s: &SetupScript) -> Result<String, SetupScriptError> {
    let checked = check(s)?;
    let mut out = header(s);
    out.push_str(&values(s, &checked)?);
    out.push('\n');
    out.push_str(HELPERS);
    out.push_str(match checked.renew_app {
        Some(_) => RENEWAL_OPTIONS,
        None => NEW_APP_OPTIONS,
    });
    let list = step_list(s, &checked);
    let total = list.len();
    for (i, step) in list.iter().enumerate() {
        // Titles are fixed text without quotes, so plain single quotes do.
        out.push_str(&format!(
            "\nstep '{}/{total} {}'\n{}",
            i + 1,
            step.title,
            step.body
        ));
    }
    Ok(out)
}

/// The download's name, such as `setup-Contoso-Prod.sh`.
pub fn file_name(app_name: &str) -> String {
    if app_name.chars().any(|c| c.is_ascii_alphanumeric()) {
        format!("setup-{}.sh", safe_file_stem(app_name))
    } else {
        "setup-cloudlink.sh".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::setup_script::certificate::tests::{sample_pem, sample_sha1};

    const HOSTILE: &str = "O'Brien \"$HOME\" `id` ; rm -rf / ü";
    const APP: &str = "6731de76-14a6-49ae-97bc-6eba6914391e";

    /// A script from a name the form accepted. The name lives as long as the
    /// test process; that is fine for a test.
    fn script<'a>(
        provider: Provider,
        cloud: Cloud,
        name: &str,
        pem: &'a str,
        scope: Option<&'a AzureScope>,
    ) -> SetupScript<'a> {
        let name: &'static DisplayName = Box::leak(Box::new(DisplayName::parse(name).unwrap()));
        SetupScript {
            provider,
            cloud,
            app_name: name,
            certificate_pem: pem,
            azure_scope: scope,
            mode: ScriptMode::NewApp {
                known_thumbprints: &[],
            },
            thumbprint_sha1: None,
        }
    }

    fn microsoft(cloud: Cloud, name: &str) -> String {
        let pem = sample_pem();
        build(&script(Provider::Microsoft, cloud, name, &pem, None)).unwrap()
    }

    fn azure(scope: &AzureScope) -> String {
        let pem = sample_pem();
        build(&script(
            Provider::Azure,
            Cloud::Global,
            "CloudLink",
            &pem,
            Some(scope),
        ))
        .unwrap()
    }

    /// Each needle's first occurrence, which must come in this order.
    fn assert_in_order(text: &str, needles: &[&str]) {
        let mut from = 0;
        for needle in needles {
            let at = text[from..]
                .find(needle)
                .unwrap_or_else(|| panic!("{needle:?} missing or out of order in:\n{text}"));
            from += at + needle.len();
        }
    }

    #[test]
    fn microsoft_script_runs_seven_steps_in_order() {
        let s = microsoft(Cloud::Global, "CloudLink Prod");
        assert!(s.starts_with("#!/usr/bin/env bash\n"));
        assert_in_order(
            &s,
            &[
                "set -euo pipefail\n",
                "APP_NAME='CloudLink Prod'\n",
                "ALLOWED_PERMISSIONS='00000002-0000-0ff1-ce00-000000000000/\
                 dc50a0fb-09a3-484d-be87-e023b12c6440=Role'\n",
                "--reuse) REUSE=1 ;;",
                "step '1/7 Check the Azure CLI sign-in and cloud'",
                "az cloud show --query name -o tsv",
                "az account show --query tenantId -o tsv",
                "step '2/7 Create the app registration'",
                "az ad app list --filter \"displayName eq '$APP_NAME_ODATA'\"",
                "check_existing_app\n",
                "if ((REUSE == 0)); then",
                "az ad app create --display-name \"$APP_NAME\" --sign-in-audience AzureADMyOrg",
                "step '3/7 Add the certificate'",
                "<<'END_OF_CERTIFICATE'\n",
                "if has_certificate; then",
                "certificate_pem >\"$CERT_FILE\"",
                "--cert \"@$CERT_FILE\" --append",
                "step '4/7 Create the service principal'",
                "az ad sp list --filter \"appId eq '$APP_ID'\"",
                "az ad sp create --id \"$APP_ID\"",
                "step '5/7 Grant Exchange.ManageAsApp'",
                "az ad app permission list --id \"$APP_ID\"",
                "--api 00000002-0000-0ff1-ce00-000000000000",
                "--api-permissions dc50a0fb-09a3-484d-be87-e023b12c6440=Role",
                "az ad sp show --id 00000002-0000-0ff1-ce00-000000000000",
                "$GRAPH/v1.0/servicePrincipals/$SP_ID/appRoleAssignments",
                "--uri \"$GRAPH/v1.0/servicePrincipals/$EXCHANGE_SP_ID/appRoleAssignedTo\"",
                "step '6/7 Assign the Global Reader role'",
                "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
                "roleAssignments?\\$filter=principalId%20eq%20'$SP_ID'",
                "--method POST \\\n  --uri \"$GRAPH/v1.0/roleManagement/directory/roleAssignments\"",
                "step '7/7 Copy the result into CloudLink'",
                "CLOUDLINK_TENANT_ID=%s",
                "CLOUDLINK_APPLICATION_ID=%s",
                "CLOUDLINK_SUMMARY=%s",
            ],
        );
        assert!(!s.contains("role assignment create"));
        // Admin consent would grant whatever the app asks for.
        assert!(!s.contains("admin-consent"));
        assert!(!s.contains("SCOPE="));
        assert!(!s.contains("CLOUDLINK_THUMBPRINT_SHA1"));
    }

    #[test]
    fn each_cloud_names_its_cli_cloud_and_graph_host() {
        for (cloud, az, graph) in [
            (Cloud::Global, "AzureCloud", "https://graph.microsoft.com"),
            (
                Cloud::UsGovernment,
                "AzureUSGovernment",
                "https://graph.microsoft.us",
            ),
            (
                Cloud::China,
                "AzureChinaCloud",
                "https://microsoftgraph.chinacloudapi.cn",
            ),
        ] {
            let s = microsoft(cloud, "CloudLink");
            assert!(s.contains(&format!("\nEXPECTED_CLOUD='{az}'\n")), "{s}");
            assert!(s.contains(&format!("\nGRAPH='{graph}'\n")), "{s}");
            assert!(s.contains(&format!("\nCLOUD_LABEL='{}'\n", cloud.label())));
            assert!(s.contains("az cloud set --name $EXPECTED_CLOUD"));
            for other in Cloud::ALL.into_iter().filter(|&c| c != cloud) {
                assert!(!s.contains(graph_base_url(other)), "{cloud:?}");
            }
        }
    }

    #[test]
    fn azure_script_assigns_reader_on_a_management_group() {
        let scope = AzureScope::parse(Some("Contoso-Prod_(EU).1"), None).unwrap();
        let s = azure(&scope);
        assert_in_order(
            &s,
            &[
                "SCOPE='/providers/Microsoft.Management/managementGroups/Contoso-Prod_(EU).1'\n",
                "step '5/7 Assign the Global Reader role'",
                "step '6/7 Assign the Reader role in Azure'",
                "role assignment list --assignee \"$SP_ID\" --role Reader --scope \"$SCOPE\"",
                "role assignment create --assignee-object-id \"$SP_ID\" \\\n  \
                 --assignee-principal-type ServicePrincipal --role Reader --scope \"$SCOPE\"",
                "step '7/7 Copy the result into CloudLink'",
                "Reader assigned on $SCOPE",
            ],
        );
        // Nothing asks for or grants an Exchange Online permission.
        assert!(!s.contains("--api 00000002-0000-0ff1-ce00-000000000000"));
        assert!(!s.contains("appRoleAssignedTo"));
        assert!(s.contains("\nALLOWED_PERMISSIONS=''\n"));
        assert!(!s.contains("admin-consent"));
    }

    #[test]
    fn azure_script_assigns_reader_on_a_subscription() {
        let scope =
            AzureScope::parse(None, Some("{72F988BF-86F1-41AF-91AB-2D7CD011DB47}")).unwrap();
        let s = azure(&scope);
        assert!(s.contains("\nSCOPE='/subscriptions/72f988bf-86f1-41af-91ab-2d7cd011db47'\n"));
        assert!(s.contains("--role Reader --scope \"$SCOPE\""));
    }

    #[test]
    fn azure_needs_a_scope_and_aws_has_no_script() {
        let pem = sample_pem();
        let no_scope = script(Provider::Azure, Cloud::Global, "x", &pem, None);
        assert_eq!(build(&no_scope), Err(SetupScriptError::MissingAzureScope));
        let aws = script(Provider::Aws, Cloud::Global, "x", &pem, None);
        assert_eq!(build(&aws), Err(SetupScriptError::UnsupportedProvider));
    }

    #[test]
    fn a_hostile_name_appears_only_inside_its_quoted_literals() {
        let s = microsoft(Cloud::Global, HOSTILE);
        let literal = r#"APP_NAME='O'\''Brien "$HOME" `id` ; rm -rf / ü'"#;
        let odata = r#"APP_NAME_ODATA='O'\'''\''Brien "$HOME" `id` ; rm -rf / ü'"#;
        assert_eq!(s.matches(literal).count(), 1, "{s}");
        assert_eq!(s.matches(odata).count(), 1, "{s}");
        let rest = s.replace(literal, "").replace(odata, "");
        for piece in ["Brien", "`id`", "rm -rf", "ü", "\"$HOME\""] {
            assert!(!rest.contains(piece), "{piece} leaked into:\n{rest}");
        }
        // The literals stand alone on their lines, after ShellCheck's note
        // that the `$` in them is meant literally.
        assert!(s.contains(&format!("# shellcheck disable=SC2016\n{literal}\n")));
        assert!(!microsoft(Cloud::Global, "Plain").contains("shellcheck"));
    }

    #[test]
    fn the_name_is_the_one_the_form_validated() {
        // The script takes a DisplayName, so what the form refuses never
        // reaches it: empty names, line breaks, invisible characters.
        for name in [
            "",
            "  ",
            "a\nb",
            "a\rb",
            "a\0b",
            "a\u{2028}b",
            "a\u{202E}b",
            "a\u{200B}b",
        ] {
            assert!(DisplayName::parse(name).is_err(), "{name:?}");
        }
        let s = microsoft(Cloud::Global, "  Contoso Prod ");
        assert!(s.contains("\nAPP_NAME='Contoso Prod'\n"), "{s}");
    }

    #[test]
    fn private_keys_and_other_text_are_refused() {
        let key = "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n";
        let with_key = format!("{}{key}", sample_pem());
        for (pem, err) in [
            (key.to_string(), SetupScriptError::PrivateKey),
            (with_key, SetupScriptError::PrivateKey),
            ("MIIB".to_string(), SetupScriptError::NotOneCertificate),
        ] {
            let s = script(Provider::Microsoft, Cloud::Global, "x", &pem, None);
            assert_eq!(build(&s), Err(err));
        }
        assert!(SetupScriptError::PrivateKey
            .message()
            .contains("private key"));
    }

    #[test]
    fn the_certificate_is_embedded_verbatim_in_a_quoted_heredoc() {
        let pem = sample_pem();
        let s = microsoft(Cloud::Global, "x");
        assert!(s.contains(&format!(
            "certificate_pem() {{\n  cat <<'END_OF_CERTIFICATE'\n{pem}END_OF_CERTIFICATE\n}}\n"
        )));
        assert!(s.contains("certificate_pem >\"$CERT_FILE\""));
        assert!(s.contains("trap 'rm -f \"$CERT_FILE\"' EXIT"));
    }

    #[test]
    fn no_line_of_the_script_looks_like_a_result_line() {
        let scope = AzureScope::parse(Some("root"), None).unwrap();
        for s in [microsoft(Cloud::China, HOSTILE), azure(&scope)] {
            assert!(s.lines().all(|l| !l.trim().starts_with("CLOUDLINK_")));
            assert!(crate::domain::setup_script::parse_output(&s).is_err());
        }
    }

    fn renewal<'a>(pem: &'a str, app: &'a str, thumbprint: Option<&'a str>) -> SetupScript<'a> {
        SetupScript {
            mode: ScriptMode::AppendCertificate {
                application_id: app,
            },
            thumbprint_sha1: thumbprint,
            ..script(Provider::Azure, Cloud::UsGovernment, HOSTILE, pem, None)
        }
    }

    #[test]
    fn renewal_only_adds_the_certificate_and_prints_its_thumbprint() {
        let pem = sample_pem();
        let sha1 = sample_sha1().to_lowercase();
        let upper_app = APP.to_uppercase();
        let s = build(&renewal(&pem, &upper_app, Some(&sha1))).unwrap();
        assert_in_order(
            &s,
            &[
                &format!("APP_ID='{APP}'\n"),
                &format!("THUMBPRINT_SHA1='{}'\n", sample_sha1()),
                "if (($# > 0)); then",
                "step '1/4 Check the Azure CLI sign-in and cloud'",
                "step '2/4 Find the app registration'",
                "az ad app show --id \"$APP_ID\"",
                "step '3/4 Add the certificate'",
                "--cert \"@$CERT_FILE\" --append",
                "step '4/4 Copy the result into CloudLink'",
                "CLOUDLINK_THUMBPRINT_SHA1=%s",
            ],
        );
        for absent in [
            "APP_NAME",
            "Brien",
            "ad app create",
            "sp create",
            "permission",
            "rest --method POST",
            "role assignment",
            "REUSE",
            "TRUSTED_THUMBPRINTS",
            "check_existing_app",
        ] {
            assert!(!s.contains(absent), "{absent}");
        }
    }

    #[test]
    fn renewal_needs_a_guid_and_the_certificate_s_own_thumbprint() {
        let pem = sample_pem();
        let sha1 = sample_sha1();
        let wrong = "A".repeat(40);
        for (s, err) in [
            (
                renewal(&pem, APP, None),
                SetupScriptError::MissingThumbprint,
            ),
            (
                renewal(&pem, "nope", Some(&sha1)),
                SetupScriptError::BadApplicationId,
            ),
            (
                renewal(&pem, APP, Some("12:34")),
                SetupScriptError::BadThumbprint,
            ),
            (
                renewal(&pem, APP, Some(&wrong)),
                SetupScriptError::ThumbprintMismatch,
            ),
        ] {
            assert_eq!(build(&s), Err(err));
        }
    }

    #[test]
    fn a_new_app_script_may_print_the_thumbprint_too() {
        let pem = sample_pem();
        let sha1 = sample_sha1();
        let s = SetupScript {
            thumbprint_sha1: Some(&sha1),
            ..script(Provider::Microsoft, Cloud::Global, "x", &pem, None)
        };
        assert!(build(&s).unwrap().contains("CLOUDLINK_THUMBPRINT_SHA1=%s"));
    }

    #[test]
    fn the_script_trusts_its_own_certificate_and_the_account_s_others() {
        let pem = sample_pem();
        let own = sample_sha1();
        let pending = "ab:".repeat(19) + "ab";
        let known = [pending.clone(), own.to_lowercase()];
        let s = build(&SetupScript {
            mode: ScriptMode::NewApp {
                known_thumbprints: &known,
            },
            ..script(Provider::Microsoft, Cloud::Global, "x", &pem, None)
        })
        .unwrap();
        assert!(
            s.contains(&format!(
                "\nTRUSTED_THUMBPRINTS='{own} {}'\n",
                "AB".repeat(20)
            )),
            "{s}"
        );
        assert!(s.contains(&format!("\nTHUMBPRINT_SHA1='{own}'\n")));
        // The rule reads the thumbprint of each certificate on the app, not
        // the identifier its uploader chose.
        assert!(s.contains("keyCredentials[].[keyId || '-', key || '-', displayName || '-']"));
        assert!(s
            .lines()
            .filter(|l| l.contains("--query"))
            .all(|l| !l.contains("customKeyIdentifier")));

        let bad = ["12:34".to_string()];
        let with_bad = SetupScript {
            mode: ScriptMode::NewApp {
                known_thumbprints: &bad,
            },
            ..script(Provider::Microsoft, Cloud::Global, "x", &pem, None)
        };
        assert_eq!(build(&with_bad), Err(SetupScriptError::BadThumbprint));
    }

    #[test]
    fn an_existing_app_is_checked_before_any_change() {
        let s = microsoft(Cloud::Global, "x");
        let check = s.find("\n  check_existing_app\n").expect("the check runs");
        for change in [
            "ad app create",
            "credential reset",
            "sp create",
            "permission add",
            "appRoleAssignedTo",
            "--method POST",
        ] {
            let at = s.find(change).unwrap_or_else(|| panic!("{change}"));
            assert!(check < at, "{change} comes before the check");
        }
        // Nothing is taken as done because of an error's wording.
        assert!(!s.contains("already exist'"));
        assert!(!s.contains("conflicting object"));
        assert!(!s.contains("az_apply"));
    }

    #[test]
    fn file_names_are_safe_and_recognisable() {
        assert_eq!(file_name("Contoso Prod"), "setup-Contoso-Prod.sh");
        assert_eq!(file_name(HOSTILE), "setup-O-Brien-HOME-id-rm-rf.sh");
        assert_eq!(file_name("日本語"), "setup-cloudlink.sh");
        assert_eq!(file_name(""), "setup-cloudlink.sh");
    }
}
