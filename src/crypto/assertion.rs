//! The client assertion (a JWT) a service signs with the certificate's
//! private key to get a token from Entra ID. Signing is the caller's job.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::thumbprint::base64url;
use super::Certificate;

/// Entra ID caps assertion validity at ten minutes.
pub const MAX_ASSERTION_SECS: i64 = 600;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum AssertionAlg {
    /// RSASSA-PSS with SHA-256, salt length 32: the current Entra form.
    #[default]
    Ps256,
    /// RSASSA-PKCS1-v1_5 with SHA-256: the older form, keyed by SHA-1 `x5t`.
    Rs256,
}

impl AssertionAlg {
    pub fn jwt_name(self) -> &'static str {
        match self {
            AssertionAlg::Ps256 => "PS256",
            AssertionAlg::Rs256 => "RS256",
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct AssertionRequest<'a> {
    pub certificate: &'a Certificate,
    pub alg: AssertionAlg,
    /// Tenant GUID or verified domain.
    pub tenant: &'a str,
    pub application_id: &'a str,
    /// e.g. `login.microsoftonline.com`
    pub authority_host: &'a str,
    pub now_unix: i64,
    /// Clamped to `1..=600`.
    pub lifetime_secs: i64,
    pub jti: Uuid,
}

#[derive(Serialize)]
struct Header {
    alg: &'static str,
    typ: &'static str,
    #[serde(rename = "x5t#S256", skip_serializing_if = "Option::is_none")]
    x5t_s256: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    x5t: Option<String>,
}

#[derive(Serialize)]
struct Claims<'a> {
    aud: String,
    iss: &'a str,
    sub: &'a str,
    jti: String,
    nbf: i64,
    iat: i64,
    exp: i64,
}

fn header_json(req: &AssertionRequest) -> String {
    let (x5t_s256, x5t) = match req.alg {
        AssertionAlg::Ps256 => (Some(req.certificate.x5t_s256()), None),
        AssertionAlg::Rs256 => (None, Some(req.certificate.x5t())),
    };
    let header = Header {
        alg: req.alg.jwt_name(),
        typ: "JWT",
        x5t_s256,
        x5t,
    };
    serde_json::to_string(&header).unwrap_or_default()
}

fn claims_json(req: &AssertionRequest) -> String {
    let claims = Claims {
        aud: format!(
            "https://{}/{}/oauth2/v2.0/token",
            req.authority_host, req.tenant
        ),
        iss: req.application_id,
        sub: req.application_id,
        jti: req.jti.hyphenated().to_string(),
        nbf: req.now_unix,
        iat: req.now_unix,
        exp: req.now_unix + req.lifetime_secs.clamp(1, MAX_ASSERTION_SECS),
    };
    serde_json::to_string(&claims).unwrap_or_default()
}

/// `base64url(header) "." base64url(claims)`: the bytes the caller signs.
pub fn assertion_signing_input(req: &AssertionRequest) -> String {
    format!(
        "{}.{}",
        base64url(header_json(req).as_bytes()),
        base64url(claims_json(req).as_bytes())
    )
}

/// Appends `"." base64url(signature)` to make the compact JWT.
pub fn assertion_finish(signing_input: &str, signature: &[u8]) -> String {
    format!("{signing_input}.{}", base64url(signature))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::certificate::tests::fake_rsa_certificate;
    use base64ct::{Base64UrlUnpadded, Encoding};
    use serde_json::Value;

    fn decode(part: &str) -> Value {
        serde_json::from_slice(&Base64UrlUnpadded::decode_vec(part).unwrap()).unwrap()
    }

    fn request(cert: &Certificate, alg: AssertionAlg, lifetime_secs: i64) -> AssertionRequest<'_> {
        AssertionRequest {
            certificate: cert,
            alg,
            tenant: "contoso.onmicrosoft.com",
            application_id: "11111111-2222-3333-4444-555555555555",
            authority_host: "login.microsoftonline.com",
            now_unix: 1_756_634_400,
            lifetime_secs,
            jti: Uuid::from_u128(0x0123_4567_89AB_CDEF_0123_4567_89AB_CDEF),
        }
    }

    #[test]
    fn ps256_header_carries_sha256_thumbprint() {
        let cert = fake_rsa_certificate();
        let input = assertion_signing_input(&request(&cert, AssertionAlg::Ps256, 300));
        let (header, _) = input.split_once('.').unwrap();
        let header = decode(header);
        assert_eq!(header["alg"], "PS256");
        assert_eq!(header["typ"], "JWT");
        assert_eq!(header["x5t#S256"], cert.x5t_s256());
        assert!(header.get("x5t").is_none());
        assert_eq!(header.as_object().unwrap().len(), 3);
    }

    #[test]
    fn rs256_header_carries_sha1_thumbprint() {
        let cert = fake_rsa_certificate();
        let input = assertion_signing_input(&request(&cert, AssertionAlg::Rs256, 300));
        let header = decode(input.split('.').next().unwrap());
        assert_eq!(header["alg"], "RS256");
        assert_eq!(header["x5t"], cert.x5t());
        assert!(header.get("x5t#S256").is_none());
    }

    #[test]
    fn claims_follow_entra_rules() {
        let cert = fake_rsa_certificate();
        let input = assertion_signing_input(&request(&cert, AssertionAlg::Ps256, 300));
        let claims = decode(input.split('.').nth(1).unwrap());
        assert_eq!(
            claims["aud"],
            "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"
        );
        assert_eq!(claims["iss"], "11111111-2222-3333-4444-555555555555");
        assert_eq!(claims["sub"], claims["iss"]);
        assert_eq!(claims["jti"], "01234567-89ab-cdef-0123-456789abcdef");
        assert_eq!(claims["nbf"], 1_756_634_400);
        assert_eq!(claims["iat"], 1_756_634_400);
        assert_eq!(claims["exp"], 1_756_634_700);
    }

    #[test]
    fn exp_is_clamped_to_ten_minutes_and_at_least_one_second() {
        let cert = fake_rsa_certificate();
        let exp = |secs| {
            let input = assertion_signing_input(&request(&cert, AssertionAlg::Ps256, secs));
            decode(input.split('.').nth(1).unwrap())["exp"]
                .as_i64()
                .unwrap()
                - 1_756_634_400
        };
        assert_eq!(exp(3600), 600);
        assert_eq!(exp(600), 600);
        assert_eq!(exp(0), 1);
        assert_eq!(exp(-5), 1);
    }

    #[test]
    fn finish_appends_base64url_signature() {
        let jwt = assertion_finish("aGVhZA.Y2xhaW1z", &[0xFB, 0xFF, 0x00]);
        assert_eq!(jwt, "aGVhZA.Y2xhaW1z.-_8A");
        assert_eq!(jwt.split('.').count(), 3);
    }
}
