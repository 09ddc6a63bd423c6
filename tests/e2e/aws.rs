//! Link a New AWS Account: the CloudFormation template, the Role ARN, Connect.

use std::process::Command;

use fantoccini::Locator;

use crate::support::dist_dir;
use crate::support::flows::PASSWORD;
use crate::support::page::Page;
use crate::support::server::{ServerOptions, StaticServer};

const ROLE: &str = "arn:aws:iam::123456789012:role/CloudLinkReadOnly";

fn serve() -> StaticServer {
    let config = r#"{"awsPlatformAccountId":"210987654321"}"#.to_string();
    StaticServer::start(
        &dist_dir(),
        ServerOptions {
            config_json: Some(config),
            ..Default::default()
        },
    )
}

/// Parses the template with PyYAML and lints it with cfn-lint; returns the
/// trust condition's External ID default and the managed policies.
fn check_template(path: &std::path::Path) -> (String, String) {
    let script = r#"
import sys, yaml
t = yaml.safe_load(open(sys.argv[1]))
stmt = t["Resources"]["ReadOnlyRole"]["Properties"]["AssumeRolePolicyDocument"]["Statement"][0]
assert stmt["Condition"]["StringEquals"]["sts:ExternalId"] == {"Ref": "ExternalId"}, stmt
assert t["Outputs"]["RoleArn"]["Value"] == {"Fn::GetAtt": ["ReadOnlyRole", "Arn"]}
policies = [p["Fn::Sub"] for p in t["Resources"]["ReadOnlyRole"]["Properties"]["ManagedPolicyArns"]]
print(t["Parameters"]["ExternalId"]["Default"])
print(t["Parameters"]["PlatformAccountId"]["Default"] + " " + ",".join(policies))
"#;
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    let external = lines.next().unwrap().to_string();
    let rest = lines.next().unwrap().to_string();

    let lint = Command::new("cfn-lint")
        .arg(path)
        .output()
        .expect("cfn-lint (scripts/setup.sh installs it)");
    assert!(
        lint.status.success(),
        "cfn-lint: {}{}",
        String::from_utf8_lossy(&lint.stdout),
        String::from_utf8_lossy(&lint.stderr)
    );
    (external, rest)
}

impl Page<'_> {
    async fn open_aws_link(&self) {
        self.click_nav("Integrations").await;
        self.click_link("AWS").await;
        self.expect_heading("AWS accounts").await;
        self.click_link("Link a New AWS Account").await;
        self.expect_heading("Link a New AWS Account").await;
    }
}

#[tokio::test]
async fn an_aws_account_is_linked_from_its_template_and_removed() {
    let server = serve();
    let page = Page::open(&server, "/signup").await;
    page.create_account("aws@example.com").await;
    page.click_link("AWS").await;
    page.expect_heading("Link a New AWS Account").await;

    page.find(Locator::Id("account-type-management"))
        .await
        .click()
        .await
        .unwrap();
    let external = page
        .find(Locator::Id("external-id"))
        .await
        .text()
        .await
        .unwrap();
    assert!(external.len() >= 32, "{external}");
    page.click_button("Download CloudFormation template").await;
    let template = page.downloaded("cloudlink-read-only-role.yaml").await;
    let (trusted, rest) = check_template(&template);
    assert_eq!(trusted, external, "the stack trusts the page's External ID");
    assert!(rest.starts_with("210987654321 "), "{rest}");
    assert!(
        rest.contains("ReadOnlyAccess") && rest.contains("AWSBillingReadOnlyAccess"),
        "{rest}"
    );

    // The External ID stays fixed for the draft, across a reload.
    page.reload().await;
    assert_eq!(
        page.find(Locator::Id("external-id"))
            .await
            .text()
            .await
            .unwrap(),
        external
    );

    page.fill("AWS Account Name", "Payer account").await;
    page.fill("Role ARN", ROLE).await;
    page.click_button("Connect").await;
    page.expect_heading("AWS accounts").await;
    page.expect_text("Connected \"Payer account\".").await;
    page.expect_text("123456789012").await;
    page.expect_text(&external).await;

    // A second link of the same role is refused, naming the first.
    page.click_link("Link a New AWS Account").await;
    page.fill("AWS Account Name", "Again").await;
    page.fill("Role ARN", &format!("  {ROLE} ")).await;
    page.click_button("Connect").await;
    page.expect_text("already linked as \"Payer account\"")
        .await;

    page.goto("/integrations/aws").await;
    page.click_link("Payer account").await;
    page.click_button("Remove").await;
    page.fill("Password", PASSWORD).await;
    page.click_button("Remove account").await;
    page.expect_text("No AWS accounts are linked yet.").await;
    page.close().await;
}

#[tokio::test]
async fn each_kind_of_bad_role_arn_has_its_own_message() {
    let server = serve();
    let page = Page::open(&server, "/signup").await;
    page.create_account("arn@example.com").await;
    page.open_aws_link().await;
    let cases = [
        ("not an arn", "This is not an ARN"),
        ("arn:aws:s3:::my-bucket", "not for IAM"),
        ("arn:aws:iam::1234:role/x", "exactly 12 digits"),
        ("arn:aws:iam::123456789012:user/bob", "other than a role"),
        ("arn:aws:iam:us-east-1:123456789012:role/x", "no region"),
        (
            "arn:azure:iam::123456789012:role/x",
            "must start with arn:aws:",
        ),
    ];
    for (input, message) in cases {
        page.fill("Role ARN", input).await;
        page.blur().await;
        let field = page.field("Role ARN").await;
        let error = page.find(Locator::Id("role-arn-error")).await;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !error.text().await.unwrap().contains(message) {
            assert!(
                std::time::Instant::now() < deadline,
                "{input}: no message {message:?}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert_eq!(
            field.attr("aria-invalid").await.unwrap().as_deref(),
            Some("true"),
            "{input}"
        );
    }
    page.fill("AWS Account Name", "Linked one").await;
    page.click_button("Connect").await;
    page.expect_text("Fix the fields marked above").await;
    page.close().await;
}
