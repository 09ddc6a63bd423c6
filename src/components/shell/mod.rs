//! The frame around every page: header, side navigation, breadcrumbs,
//! notices, route rules, the provider cards, and the links that move between
//! pages.

mod breadcrumbs;
mod frame;
mod link;
mod notice_area;
mod provider_card;
mod route_guard;
mod side_nav;

pub use breadcrumbs::Breadcrumbs;
pub use frame::Shell;
pub use link::{use_navigate_to, use_redirect, Current, Link};
pub use notice_area::NoticeArea;
pub use provider_card::ProviderCard;
pub use route_guard::RouteGuard;
pub use side_nav::SideNav;
