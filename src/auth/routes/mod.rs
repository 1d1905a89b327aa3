//! Staff accounts on the web: logging in and out, set-up and invitation links, and the
//! admin's user pages. One file per resource; each handler extracts, calls one function and
//! responds.

mod forgot;
mod login;
mod login_code;
mod second_factor;
mod setup;
mod users;

crate::routes! {
    get "/login" => login::get_login;
    post "/login" => login::post_login;
    get "/login/code" => login_code::get_code;
    post "/login/code" => login_code::post_code;
    post "/logout" => login::post_logout;
    get "/login/glemt" => forgot::get_forgot;
    post "/login/glemt" => forgot::post_forgot;
    get "/setup/{token}" => setup::get_setup;
    post "/setup/{token}" => setup::post_setup;
    get "/admin/users" => users::get_users;
    post "/admin/users" => users::post_users;
    post "/admin/users/{id}/role" => users::post_user_role;
    post "/admin/users/{id}/disable" => users::post_user_disabled::<true>;
    post "/admin/users/{id}/enable" => users::post_user_disabled::<false>;
    post "/admin/users/{id}/invitation" => users::post_user_invitation;
    post "/admin/users/{id}/second-factor/reset" => users::post_user_second_factor_reset;
    get "/account" => second_factor::get_account;
    get "/account/second-factor" => second_factor::get_setup;
    post "/account/second-factor" => second_factor::post_setup;
    post "/account/second-factor/codes" => second_factor::post_codes;
}
