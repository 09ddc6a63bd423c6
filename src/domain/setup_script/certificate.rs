//! The certificate as it is embedded in the script.
//!
//! The script is a file that gets downloaded, pasted into a terminal and
//! perhaps kept, so a private key must never reach it, even by a paste of the
//! wrong text. Only a lone certificate block is accepted, and its body is
//! restricted to Base64 so that no line of it can equal the script's heredoc
//! delimiter, which holds a character Base64 never uses.

use base64ct::{Base64, Encoding};
use sha1::{Digest, Sha1};

use super::error::SetupScriptError;

const BEGIN: &str = "-----BEGIN CERTIFICATE-----";
const END: &str = "-----END CERTIFICATE-----";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicCertificate {
    /// LF line endings, no blank lines, ending in a newline.
    pub pem: String,
    /// Uppercase hex, as the Entra admin center shows thumbprints.
    pub sha1: String,
}

fn is_base64_line(line: &str) -> bool {
    !line.is_empty()
        && line
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
}

fn hex_upper(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

pub fn public_certificate(input: &str) -> Result<PublicCertificate, SetupScriptError> {
    if input.to_ascii_uppercase().contains("PRIVATE KEY") {
        return Err(SetupScriptError::PrivateKey);
    }
    let lines: Vec<&str> = input
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let body = match lines.as_slice() {
        [first, body @ .., last] if *first == BEGIN && *last == END => body,
        _ => return Err(SetupScriptError::NotOneCertificate),
    };
    if body.is_empty() || !body.iter().all(|l| is_base64_line(l)) {
        return Err(SetupScriptError::NotOneCertificate);
    }
    let der =
        Base64::decode_vec(&body.concat()).map_err(|_| SetupScriptError::NotOneCertificate)?;
    let mut pem = String::with_capacity(input.len());
    for line in &lines {
        pem.push_str(line);
        pem.push('\n');
    }
    Ok(PublicCertificate {
        pem,
        sha1: hex_upper(&Sha1::digest(&der)),
    })
}

/// A thumbprint as people copy it: any case, with or without colons.
pub fn normalize_thumbprint(input: &str) -> Result<String, SetupScriptError> {
    let hex: String = input.trim().chars().filter(|&c| c != ':').collect();
    if hex.len() == 40 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(hex.to_ascii_uppercase())
    } else {
        Err(SetupScriptError::BadThumbprint)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Not a real certificate: only the PEM shape is checked here, and the
    /// interop tests upload a real one.
    pub(crate) fn sample_pem() -> String {
        let body = Base64::encode_string(&[0x30; 120]);
        let (a, b) = body.split_at(64);
        format!("{BEGIN}\n{a}\n{b}\n{END}\n")
    }

    pub(crate) fn sample_sha1() -> String {
        hex_upper(&Sha1::digest([0x30; 120]))
    }

    #[test]
    fn a_certificate_block_is_kept_with_lf_endings() {
        let pem = sample_pem();
        let got = public_certificate(&pem).unwrap();
        assert_eq!(got.pem, pem);
        assert_eq!(got.sha1, sample_sha1());
        let crlf = format!("\r\n  {}\r\n\r\n", pem.replace('\n', "\r\n"));
        assert_eq!(public_certificate(&crlf).unwrap(), got);
    }

    #[test]
    fn anything_with_a_private_key_is_refused() {
        let pem = sample_pem();
        for key in [
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
            "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n",
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n",
        ] {
            assert_eq!(
                public_certificate(key),
                Err(SetupScriptError::PrivateKey),
                "{key}"
            );
            assert_eq!(
                public_certificate(&format!("{pem}{key}")),
                Err(SetupScriptError::PrivateKey)
            );
        }
        assert_eq!(
            public_certificate("-----begin private key-----"),
            Err(SetupScriptError::PrivateKey)
        );
    }

    #[test]
    fn only_a_single_certificate_block_is_accepted() {
        let pem = sample_pem();
        for bad in [
            String::new(),
            "MIIB".to_string(),
            format!("{pem}{pem}"),
            format!("subject=CN=x\n{pem}"),
            format!("{BEGIN}\n{END}\n"),
            pem.replace("-----END CERTIFICATE-----", ""),
            pem.replace("CERTIFICATE", "PUBLIC KEY"),
            pem.replacen("MDAw", "MD$w", 1),
            pem.replacen("MDAw", "END_OF_CERTIFICATE", 1),
            format!("{BEGIN}\nA\n{END}\n"),
        ] {
            assert_eq!(
                public_certificate(&bad),
                Err(SetupScriptError::NotOneCertificate),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn thumbprints_are_normalised_to_uppercase_hex() {
        let t = "a9:99:3e:36:47:06:81:6a:ba:3e:25:71:78:50:c2:6c:9c:d0:d8:9d";
        assert_eq!(
            normalize_thumbprint(t).unwrap(),
            "A9993E364706816ABA3E25717850C26C9CD0D89D"
        );
        for bad in ["", "A9993E", &"G".repeat(40), &"A".repeat(41)] {
            assert_eq!(
                normalize_thumbprint(bad),
                Err(SetupScriptError::BadThumbprint)
            );
        }
    }
}
