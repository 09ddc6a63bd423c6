//! Renewing an Entra account's certificate without breaking sign-ins: the new
//! certificate waits as *pending* while it is uploaded beside the current one
//! (Entra keeps both), becomes current when the person says so, and the old
//! one stays as *previous* until it is forgotten. At most one of each.

use super::certificate_record::CertificateRecord;
use crate::domain::links::EntraLink;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenewalError {
    /// There is no new certificate to use.
    NothingPending,
}

impl std::fmt::Display for RenewalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenewalError::NothingPending => f.write_str(
                "There is no new certificate to use: another tab may have used or cancelled it.",
            ),
        }
    }
}

impl EntraLink {
    /// Keeps `new` as the pending certificate; a second renewal replaces only
    /// the pending one, never the current one. Returns the one it replaced.
    pub fn start_renewal(&mut self, new: CertificateRecord) -> Option<CertificateRecord> {
        self.pending_certificate.replace(new)
    }

    /// Makes the pending certificate current; the current one becomes
    /// previous, and an older previous one (with its sealed key) is dropped.
    pub fn use_pending(&mut self) -> Result<(), RenewalError> {
        let new = self
            .pending_certificate
            .take()
            .ok_or(RenewalError::NothingPending)?;
        self.previous_certificate = Some(std::mem::replace(&mut self.certificate, new));
        Ok(())
    }

    /// Drops the pending certificate and its sealed key.
    pub fn cancel_renewal(&mut self) -> Option<CertificateRecord> {
        self.pending_certificate.take()
    }

    /// Drops the previous certificate and its sealed key.
    pub fn forget_previous(&mut self) -> Option<CertificateRecord> {
        self.previous_certificate.take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::{entra_link, record, APP};
    use crate::domain::links::Details;

    fn link() -> EntraLink {
        entra_link("contoso.onmicrosoft.com", None, APP)
    }

    fn slots(l: &EntraLink) -> (String, Option<String>, Option<String>) {
        (
            l.certificate.der.clone(),
            l.pending_certificate.as_ref().map(|c| c.der.clone()),
            l.previous_certificate.as_ref().map(|c| c.der.clone()),
        )
    }

    #[test]
    fn a_renewal_waits_then_takes_over_and_keeps_the_old_one() {
        let mut l = link();
        assert_eq!(l.start_renewal(record("two")), None);
        assert_eq!(slots(&l), ("one".into(), Some("two".into()), None));
        // A second renewal replaces only the pending certificate.
        assert_eq!(l.start_renewal(record("three")).unwrap().der, "two");
        assert_eq!(slots(&l), ("one".into(), Some("three".into()), None));
        l.use_pending().unwrap();
        assert_eq!(slots(&l), ("three".into(), None, Some("one".into())));
        assert_eq!(l.use_pending(), Err(RenewalError::NothingPending));
        assert_eq!(l.forget_previous().unwrap().key, record("one").key);
        assert_eq!(slots(&l), ("three".into(), None, None));
    }

    #[test]
    fn cancelling_drops_only_the_pending_certificate() {
        let mut l = link();
        l.start_renewal(record("two"));
        assert_eq!(l.cancel_renewal().unwrap().der, "two");
        assert_eq!(slots(&l), ("one".into(), None, None));
        assert_eq!(l.cancel_renewal(), None);
    }

    #[test]
    fn a_third_certificate_pushes_out_the_oldest() {
        let mut l = link();
        l.start_renewal(record("two"));
        l.use_pending().unwrap();
        l.start_renewal(record("three"));
        l.use_pending().unwrap();
        assert_eq!(slots(&l), ("three".into(), None, Some("two".into())));
    }

    #[test]
    fn records_without_renewal_fields_still_load() {
        let mut json = serde_json::to_value(Details::Entra(link())).unwrap();
        assert!(
            json.get("pending_certificate").is_none(),
            "not written when empty"
        );
        json.as_object_mut().unwrap().remove("previous_certificate");
        let back: Details = serde_json::from_value(json).unwrap();
        assert_eq!(back, Details::Entra(link()));
    }
}
