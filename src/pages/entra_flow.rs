//! The two providers that link an Entra ID app registration with a
//! certificate: Microsoft 365 and Azure. One set of pages serves both.

use crate::domain::links::Provider;

pub struct EntraFlow {
    pub provider: Provider,
    /// The link page's heading, as the help page names it.
    pub heading: &'static str,
    pub name_label: &'static str,
    pub list_heading: &'static str,
    pub list_path: &'static str,
    /// Breadcrumbs above the list: (label, path).
    pub trail: &'static [(&'static str, &'static str)],
    /// The list's own breadcrumb label.
    pub short: &'static str,
    /// Azure also needs a management group or a subscription.
    pub scoped: bool,
    pub instructions_title: &'static str,
}

pub static MICROSOFT: EntraFlow = EntraFlow {
    provider: Provider::Microsoft,
    heading: "Link a New Microsoft Account",
    name_label: "Microsoft Account Name",
    list_heading: "Microsoft 365 accounts",
    list_path: "/integrations/microsoft/m365",
    trail: &[
        ("Integrations", "/integrations"),
        ("Microsoft", "/integrations/microsoft"),
    ],
    short: "M365",
    scoped: false,
    instructions_title: "Connect Microsoft 365",
};

pub static AZURE: EntraFlow = EntraFlow {
    provider: Provider::Azure,
    heading: "Link a New Azure Account",
    name_label: "Azure Account Name",
    list_heading: "Azure accounts",
    list_path: "/integrations/azure",
    trail: &[("Integrations", "/integrations")],
    short: "Azure",
    scoped: true,
    instructions_title: "Connect Azure",
};

impl EntraFlow {
    pub fn new_path(&self) -> String {
        format!("{}/new", self.list_path)
    }

    /// Breadcrumbs above the list page.
    pub fn trail_above_list(&self) -> Vec<(&'static str, String)> {
        self.trail
            .iter()
            .map(|(l, p)| (*l, p.to_string()))
            .collect()
    }

    /// Breadcrumbs above a page under the list (new account, detail).
    pub fn trail_to_list(&self) -> Vec<(&'static str, String)> {
        let mut trail = self.trail_above_list();
        trail.push((self.short, self.list_path.to_string()));
        trail
    }

    pub fn detail_path(&self, id: &str) -> String {
        format!("{}/{id}", self.list_path)
    }
}
