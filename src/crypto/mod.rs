//! Certificates, thumbprints and client assertions. Pure: signing is done by a
//! caller-supplied signer so the same code runs natively and in the browser.
