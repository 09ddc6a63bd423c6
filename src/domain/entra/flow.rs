//! The two providers that link an Entra ID app registration with a
//! certificate: Microsoft 365 and Azure. One set of pages and forms serves
//! both; what differs between them is here, and their paths are in
//! `crate::domain::app::routes`. Plain data, so the forms and the pages can
//! both be told which flow they serve.

use crate::domain::links::Provider;

pub struct EntraFlow {
    pub provider: Provider,
    /// The link page's heading, as the help page names it.
    pub heading: &'static str,
    pub name_label: &'static str,
    pub list_heading: &'static str,
    /// Azure also needs a management group or a subscription.
    pub scoped: bool,
    pub instructions_title: &'static str,
}

pub static MICROSOFT: EntraFlow = EntraFlow {
    provider: Provider::Microsoft,
    heading: "Link a New Microsoft Account",
    name_label: "Microsoft Account Name",
    list_heading: "Microsoft 365 accounts",
    scoped: false,
    instructions_title: "Connect Microsoft 365",
};

pub static AZURE: EntraFlow = EntraFlow {
    provider: Provider::Azure,
    heading: "Link a New Azure Account",
    name_label: "Azure Account Name",
    list_heading: "Azure accounts",
    scoped: true,
    instructions_title: "Connect Azure",
};
