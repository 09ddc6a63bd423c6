//! Real error texts, as platforms and scripts print them, against a matching
//! and a non-matching account.

use super::*;
use crate::domain::entra::{Cloud, Guid, TenantCheck};
use crate::domain::fixtures::{entra, entra_link, record, APP, OTHER_APP};
use crate::domain::links::Provider;

pub(super) const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
pub(super) const OTHER_TENANT: &str = "aaaabbbb-0000-cccc-1111-dddd2222eeee";
const CURRENT: &str = "3F2A1B4C5D6E7F8091A2B3C4D5E6F708192A3B4C";
const PENDING: &str = "00112233445566778899AABBCCDDEEFF00112233";
const PREVIOUS: &str = "FFEEDDCCBBAA99887766554433221100FFEEDDCC";
/// 2026-06-09 14:01:21Z.
pub(super) const STAMP: i64 = 1_781_013_681;

pub(super) fn facts(provider: Provider) -> AccountFacts {
    let mut link = entra_link("contoso.onmicrosoft.com", Some(TENANT), APP);
    link.organization = Some(crate::domain::text::DisplayName::parse("Contoso").unwrap());
    let with = |der: &str, sha1: &str| {
        let mut r = record(der);
        r.sha1_thumbprint = Some(sha1.to_string());
        r
    };
    link.certificate = with("one", CURRENT);
    link.pending_certificate = Some(with("two", PENDING));
    link.previous_certificate = Some(with("zero", PREVIOUS));
    AccountFacts::of(&entra("acct", provider, link)).unwrap()
}

pub(super) fn m365() -> AccountFacts {
    facts(Provider::Microsoft)
}

fn all_lines(findings: &[Finding]) -> String {
    findings
        .iter()
        .flat_map(|f| f.lines.iter().cloned())
        .collect::<Vec<_>>()
        .join("\n")
}

fn run(text: &str) -> Vec<Finding> {
    diagnose(&scan(text).unwrap(), &m365(), STAMP + 60)
}

fn invalid_client_700027(thumbprint: &str) -> String {
    format!(
        "{{\"error\":\"invalid_client\",\"error_description\":\"AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '{thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '{APP}'. Review the documentation at https://docs.microsoft.com/en-us/graph/deployments to determine the corresponding service endpoint.]\\r\\nTrace ID: 40dccc8c-276d-4927-b6e0-583bf24f9000\\r\\nCorrelation ID: 55f49a48-adab-4470-b42d-f100f63bc15d\\r\\nTimestamp: 2026-06-09 14:01:21Z\",\"error_codes\":[700027],\"timestamp\":\"2026-06-09 14:01:21Z\",\"trace_id\":\"40dccc8c-276d-4927-b6e0-583bf24f9000\",\"error_uri\":\"https://login.microsoftonline.com/error?code=700027\"}}"
    )
}

#[test]
fn the_700027_thumbprint_is_matched_in_any_case_and_with_separators() {
    let lower = CURRENT.to_ascii_lowercase();
    let colons: Vec<String> = CURRENT
        .as_bytes()
        .chunks(2)
        .map(|c| String::from_utf8(c.to_vec()).unwrap())
        .collect();
    for printed in [
        CURRENT.to_string(),
        lower,
        colons.join(":"),
        colons.join(" "),
        colons.join("-"),
    ] {
        let findings = run(&invalid_client_700027(&printed));
        assert_eq!(findings.len(), 1, "{printed}");
        assert_eq!(findings[0].title, "AADSTS700027");
        assert!(
            findings[0].lines[0]
                .contains("this is the current certificate: it is not uploaded to the app"),
            "{printed}: {:?}",
            findings[0].lines
        );
        assert_eq!(
            findings[0].actions,
            vec![Action::Certificate(Slot::Current)]
        );
    }
}

#[test]
fn the_700027_thumbprint_of_the_pending_or_previous_certificate_says_which() {
    let f = run(&invalid_client_700027(PENDING));
    assert!(
        f[0].lines[0].contains("pending certificate"),
        "{:?}",
        f[0].lines
    );
    assert_eq!(f[0].actions, vec![Action::Certificate(Slot::Pending)]);
    let f = run(&invalid_client_700027(&PREVIOUS.to_ascii_lowercase()));
    assert!(
        f[0].lines[0].contains("previous certificate"),
        "{:?}",
        f[0].lines
    );
    assert_eq!(f[0].actions, vec![Action::Certificate(Slot::Previous)]);
}

#[test]
fn the_700027_thumbprint_of_another_key_is_not_a_key_cloudlink_made() {
    let f = run(&invalid_client_700027(
        "0123456789ABCDEF0123456789ABCDEF01234567",
    ));
    assert!(
        f[0].lines[0].contains("not a key CloudLink made"),
        "{:?}",
        f[0].lines
    );
    assert!(f[0].lines[0].contains(CURRENT));
    assert!(f[0].actions.is_empty());
}

#[test]
fn a_700027_thumbprint_that_is_no_sha1_says_the_header_is_wrong() {
    // What a client prints when it base64-encodes the hex thumbprint.
    let f = run(&invalid_client_700027(
        "444235451108D510CCD8C4CCD4C0C91508C11104C4DCD914D910DCDCC918C4C510E4E4DD1504DCE4C4E50D0828",
    ));
    assert!(
        f[0].lines[0].contains("is not a SHA-1 thumbprint"),
        "{:?}",
        f[0].lines
    );
}

#[test]
fn a_700027_without_a_thumbprint_offers_the_current_certificate() {
    let text = "AADSTS700027: Client assertion failed signature validation.\r\nTrace ID: 40dccc8c-276d-4927-b6e0-583bf24f9000\r\nTimestamp: 2026-06-09 14:01:21Z";
    let f = run(text);
    assert!(f[0].lines[0].contains("does not name the key's thumbprint"));
    assert_eq!(f[0].actions, vec![Action::Certificate(Slot::Current)]);
}

fn not_found_700016(app: &str, directory: &str) -> String {
    format!(
        "ClientAuthenticationError: AADSTS700016: Application with identifier '{app}' was not found in the directory '{directory}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.\nTrace ID: 07cedccb-ad62-4e09-9ffa-b596a1bc7900\nCorrelation ID: 19f9abbd-be94-48e8-ac01-34d28dbea59d\nTimestamp: 2026-06-09 14:01:21Z"
    )
}

#[test]
fn a_700016_says_which_of_application_and_tenant_differs() {
    let f = run(&not_found_700016(APP, "Contoso"));
    assert_eq!(
        f[0].title,
        "AADSTS700016 (UnauthorizedClient_DoesNotMatchRequest)"
    );
    assert_eq!(
        f[0].quote.as_deref(),
        Some("The application wasn't found in the directory/tenant.")
    );
    let text = all_lines(&f);
    assert!(text.contains("is this account's."), "{text}");
    assert!(text.contains("Both match this account"), "{text}");

    let text = all_lines(&run(&not_found_700016(OTHER_APP, TENANT)));
    assert!(
        text.contains(&format!(
            "names application {OTHER_APP}, but this account's application ID is {APP}"
        )),
        "{text}"
    );
    assert!(!text.contains("Both match"), "{text}");

    let text = all_lines(&run(&not_found_700016(APP, "Fabrikam")));
    assert!(text.contains("the app lives in another tenant"), "{text}");
    assert!(text.contains("contoso.onmicrosoft.com"), "{text}");
}

#[test]
fn a_700024_compares_the_times_with_this_browsers_clock() {
    let text = "AADSTS700024: Client assertion is not within its valid time range. Current time: 2026-06-09T14:20:41.9358213Z, assertion valid from 2026-06-09T14:28:01.0000000Z, expiry time of assertion 2026-06-09T14:38:01.0000000Z. Review the documentation at https://docs.microsoft.com/en-us/azure/active-directory/develop/active-directory-certificate-credentials .\r\nTrace ID: 8a9a0a8e-14a3-4c47-9d3b-1a0e58c0f600\r\nCorrelation ID: 0f3b9f1e-7b4b-4d0c-8f0e-0d4b2c7b7a11\r\nTimestamp: 2026-06-09 14:20:41Z";
    let e = scan(text).unwrap();
    let at = parse_utc("2026-06-09 14:20:41Z").unwrap();
    assert_eq!(e.timestamp_unix, Some(at));
    let f = diagnose(&e, &m365(), at + 192);
    let lines = all_lines(&f);
    assert!(
        lines.contains("starts 7 minutes 20 seconds after Microsoft's clock"),
        "{lines}"
    );
    assert!(lines.contains("3 minutes 12 seconds later"), "{lines}");
    // The browser's clock behind Microsoft's.
    let lines = all_lines(&diagnose(&e, &m365(), at - 3600));
    assert!(
        lines.contains("1 hour ahead of this browser's clock"),
        "{lines}"
    );
}

#[test]
fn a_90002_asks_every_cloud_and_names_another_tenant() {
    let text = "{\"error\":\"invalid_tenant\",\"error_description\":\"AADSTS90002: Tenant 'contoso.onmicrosoft.com' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.\\r\\nTrace ID: 1c5a9a2b-3b6d-4e5f-8a7b-9c0d1e2f3a00\\r\\nCorrelation ID: 2d6b0b3c-4c7e-4f60-9b8c-0d1e2f3a4b5c\\r\\nTimestamp: 2026-06-09 14:01:21Z\",\"error_codes\":[90002]}";
    let f = run(text);
    assert_eq!(f[0].title, "AADSTS90002 (InvalidTenantName)");
    assert_eq!(
        f[0].actions,
        vec![Action::CheckTenant("contoso.onmicrosoft.com".into())]
    );
    assert!(!all_lines(&f).contains("another tenant"));
    let f = run(&text.replace("contoso.onmicrosoft.com", "fabrikam.onmicrosoft.com"));
    assert!(
        all_lines(&f).contains("names tenant fabrikam.onmicrosoft.com"),
        "{f:?}"
    );
}

#[test]
fn the_tenant_lookup_catches_a_national_cloud_tenant_linked_as_global() {
    let g = Guid::parse(TENANT).unwrap();
    let t = "contoso.onmicrosoft.com";
    let lines = tenant_lookup(
        t,
        Cloud::Global,
        &[
            (Cloud::Global, TenantCheck::NotFound),
            (Cloud::UsGovernment, TenantCheck::Verified(g)),
            (Cloud::China, TenantCheck::NotFound),
        ],
    );
    assert!(
        lines[0].contains("lives in the US Government cloud, not in Global"),
        "{lines:?}"
    );
    let lines = tenant_lookup(
        t,
        Cloud::Global,
        &[
            (Cloud::Global, TenantCheck::Verified(g)),
            (Cloud::China, TenantCheck::NotFound),
        ],
    );
    assert!(
        lines[0].contains("knows tenant contoso.onmicrosoft.com, as linked"),
        "{lines:?}"
    );
    let lines = tenant_lookup(
        t,
        Cloud::Global,
        &[
            (Cloud::Global, TenantCheck::NotFound),
            (Cloud::China, TenantCheck::NotFound),
        ],
    );
    assert!(lines[0].contains("No Microsoft cloud knows"), "{lines:?}");
    let lines = tenant_lookup(
        t,
        Cloud::Global,
        &[
            (Cloud::Global, TenantCheck::NotFound),
            (Cloud::China, TenantCheck::Unavailable("offline".into())),
        ],
    );
    assert!(lines[0].contains("No cloud that answered"), "{lines:?}");
    assert!(
        lines[1].contains("China (21Vianet) cloud could not be asked: offline"),
        "{lines:?}"
    );
}

#[test]
fn a_7000215_says_the_platform_uses_a_secret() {
    let text = "Connect-MgGraph: ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '0b5f3c6e-8d2a-4f1e-9c3b-7a6d5e4f3a2b'.\nTrace ID: 3a1b2c3d-4e5f-6071-8293-a4b5c6d7e800\nCorrelation ID: 4b2c3d4e-5f60-7182-93a4-b5c6d7e8f901\nTimestamp: 2026-06-09 14:01:21Z";
    let f = run(text);
    assert_eq!(f[0].title, "AADSTS7000215");
    assert!(f[0].lines[0].contains("client secret, not with this account's certificate"));
    assert!(f[0].lines[0].contains(CURRENT));
}

#[test]
fn a_7000229_names_the_missing_service_principal_and_the_fix() {
    let text = |app: &str, tenant: &str| {
        format!("\"error_description\": \"AADSTS7000229: The client application {app} is missing service principal in the tenant {tenant}. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119 Trace ID: 0000aaaa-11bb-cccc-dd22-eeeeee333333 Correlation ID: aaaa0000-bb11-2222-33cc-444444dddddd Timestamp: 2026-06-09 14:01:21Z\",")
    };
    let f = run(&text(APP, TENANT));
    let lines = all_lines(&f);
    assert!(lines.contains("is this account's tenant"), "{lines}");
    assert!(lines.contains("has no service principal"), "{lines}");
    assert_eq!(f[0].actions, vec![Action::AdminConsent]);
    let lines = all_lines(&run(&text(OTHER_APP, OTHER_TENANT)));
    assert!(lines.contains("another application ID"), "{lines}");
    assert!(
        lines.contains(&format!("names directory {OTHER_TENANT}")),
        "{lines}"
    );
}

#[test]
fn a_500011_explains_the_missing_resource_per_provider() {
    let text = "AADSTS500011: The resource principal named https://outlook.office365.com was not found in the tenant named Contoso. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.\r\nTrace ID: 5c3d4e5f-6071-8293-a4b5-c6d7e8f90a00\r\nCorrelation ID: 6d4e5f60-7182-93a4-b5c6-d7e8f90a1b2c\r\nTimestamp: 2026-06-09 14:01:21Z";
    let f = run(text);
    assert_eq!(
        f[0].title,
        "AADSTS500011 (InvalidResourceServicePrincipalNotFound)"
    );
    let lines = all_lines(&f);
    assert!(
        lines.contains("https://outlook.office365.com in this tenant"),
        "{lines}"
    );
    assert!(lines.contains("no Exchange Online"), "{lines}");
    assert!(
        lines.contains("The directory Contoso is this account's tenant"),
        "{lines}"
    );
    let azure = all_lines(&diagnose(
        &scan(text).unwrap(),
        &facts(Provider::Azure),
        STAMP,
    ));
    assert!(azure.contains("Azure Resource Manager"), "{azure}");
    let other = all_lines(&run(&text.replace("named Contoso", "named Fabrikam")));
    assert!(other.contains("names directory Fabrikam"), "{other}");
}

#[test]
fn exchange_errors_name_the_permission_and_the_role() {
    let unauthorized = "UnAuthorized\nAt C:\\Program Files\\WindowsPowerShell\\Modules\\ExchangeOnlineManagement\\3.4.0\\netFramework\\ExchangeOnlineManagement.psm1:762 char:21\n+                     throw $_.Exception;\n+                     ~~~~~~~~~~~~~~~~~~\n    + CategoryInfo          : OperationStopped: (:) [], UnauthorizedAccessException\n    + FullyQualifiedErrorId : UnAuthorized";
    let f = run(unauthorized);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].title, "Exchange Online: UnAuthorized");
    assert!(f[0].lines[0].contains("Exchange.ManageAsApp"));
    let azure = diagnose(&scan(unauthorized).unwrap(), &facts(Provider::Azure), STAMP);
    assert!(azure[0].lines[0].contains("This is an Azure account"));

    let role = |app: &str| {
        format!("Connect-ExchangeOnline: The role assigned to application {app} isn't supported in this scenario. Please check online documentation for assigning correct Directory Roles to Azure AD Application for EXO App-Only Authentication.")
    };
    let f = run(&role(APP));
    assert_eq!(f.len(), 1, "{f:?}");
    let lines = all_lines(&f);
    assert!(lines.contains("is this account's"), "{lines}");
    assert!(lines.contains("Global Reader"), "{lines}");
    assert!(all_lines(&run(&role(OTHER_APP))).contains("another application ID"));
}

#[test]
fn a_text_with_several_codes_answers_each_and_lists_unknown_ones_with_their_page() {
    let text = "First try:\nAADSTS700027: Client assertion failed signature validation. Thumbprint of key used by client: '3f2a1b4c5d6e7f8091a2b3c4d5e6f708192a3b4c'\nTrace ID: 1\n\nSecond try:\nAADSTS50173: The provided grant has expired due to it being revoked.\nThen aadsts700016 again and AADSTS700027 once more.";
    let f = run(text);
    let titles: Vec<&str> = f.iter().map(|f| f.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "AADSTS700027",
            "AADSTS50173",
            "AADSTS700016 (UnauthorizedClient_DoesNotMatchRequest)"
        ]
    );
    assert_eq!(
        f[1].actions,
        vec![Action::LookUp {
            code: 50173,
            url: "https://login.microsoftonline.com/error?code=50173".into()
        }]
    );
    assert!(f[1].quote.is_none(), "an unknown code is never described");
}

#[test]
fn a_text_with_no_code_says_so() {
    let f = run("Something went wrong.\r\nPlease try again later.");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].title, "No error code found");
    // Codes of other lengths are not AADSTS codes.
    assert_eq!(
        scan("AADSTS12 and AADSTS123456789").unwrap().codes,
        Vec::<u32>::new()
    );
}

#[test]
fn the_scan_reads_trace_and_correlation_ids_and_json_error_codes() {
    let e = scan(&invalid_client_700027(CURRENT)).unwrap();
    assert_eq!(e.codes, vec![700027]);
    assert_eq!(
        e.trace_id.as_deref(),
        Some("40dccc8c-276d-4927-b6e0-583bf24f9000")
    );
    assert_eq!(
        e.correlation_id.as_deref(),
        Some("55f49a48-adab-4470-b42d-f100f63bc15d")
    );
    assert_eq!(e.timestamp_unix, Some(STAMP));
    assert_eq!(e.application_id.as_deref(), Some(APP));
    let e = scan("{\"error\":\"invalid_client\",\"error_codes\":[7000215, 50173]}").unwrap();
    assert_eq!(e.codes, vec![7000215, 50173]);
}

#[test]
fn hostile_text_stays_text_and_over_long_text_is_refused() {
    let payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    let text = format!("AADSTS700016: Application with identifier '{payload}' was not found in the directory '{payload}'.");
    let f = run(&text);
    // The values come back as the same characters, for the page to show as text.
    assert!(all_lines(&f).contains(payload));
    // A value longer than an ID is not read as one.
    let long = format!(
        "AADSTS700016: Application with identifier '{}' was not found",
        "a".repeat(500)
    );
    assert_eq!(scan(&long).unwrap().application_id, None);
    // Odd bytes and unterminated quotes never panic.
    for odd in [
        "AADSTS",
        "Thumbprint of key used by client: '",
        "Timestamp: 2026-13-45 99:99:99Z",
        "Timestamp: é",
        "\u{0}\u{202e}AADSTS700027",
    ] {
        let _ = run(odd);
    }
    let err = scan(&"A".repeat(MAX_INPUT_CHARS + 1)).unwrap_err();
    assert_eq!(
        err,
        InputError::TooLong {
            chars: MAX_INPUT_CHARS + 1
        }
    );
    assert!(err.message().contains("at most 20,000"));
    assert!(scan(&"A".repeat(MAX_INPUT_CHARS)).is_ok());
    assert_eq!(scan("  \n ").unwrap_err(), InputError::Empty);
}

#[test]
fn times_parse_strictly_and_durations_read_in_two_units() {
    assert_eq!(parse_utc("1970-01-01 00:00:00Z"), Some(0));
    assert_eq!(parse_utc("2026-06-09 14:01:21Z"), Some(STAMP));
    assert_eq!(parse_utc("2026-06-09T14:01:21.123Z"), Some(STAMP));
    assert_eq!(parse_utc("2026-06-09X14:01:21Z"), None);
    assert_eq!(parse_utc("2026-02-09 14:01"), None);
    assert_eq!(duration_text(0), "0 seconds");
    assert_eq!(duration_text(192), "3 minutes 12 seconds");
    assert_eq!(duration_text(-3600), "1 hour");
    assert_eq!(duration_text(90_061), "1 day 1 hour");
}

#[test]
fn thumbprints_normalize_from_any_printing() {
    assert_eq!(
        normalize(" 3f:2a:1b:4c:5d:6e:7f:80:91:a2:b3:c4:d5:e6:f7:08:19:2a:3b:4c "),
        Some(CURRENT.into())
    );
    assert_eq!(normalize("3F2A"), None);
    assert_eq!(normalize(&"G".repeat(40)), None);
}
