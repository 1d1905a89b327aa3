//! Staff accounts: roles, login and logout, database sessions, the first-run set-up link,
//! invitations, the second factor, and the admin's user pages.

pub mod context;
pub mod domain;
pub mod password;
pub mod routes;
pub mod second_factor;
pub mod session;
pub mod store;
pub mod views;

pub use context::{Signed, StaffContext};
pub use domain::Role;
pub use second_factor::second_factor_required;
pub use session::{Admin, AnySession, Editor, Staff};
pub use store::{count_users, create_invitation, create_user, find_user_by_email, user_names};
pub use views::{staff_page, staff_page_with};
