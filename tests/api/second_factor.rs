//! The second factor (issue 17): set-up, the code step at login, throttling, no replay,
//! recovery codes, an admin's reset, and who must have one.

use chrono::Duration;
use deltag::audit::Action;
use deltag::auth::Role;
use deltag::db::schema::{
    audit_events, pending_logins, rate_limits, recovery_codes, second_factors, staff_sessions,
};
use deltag::db::{now, Backend};
use diesel::prelude::*;

use crate::helpers::{
    current_step, html, location, spawn_app, spawn_app_with, text_of, totp_code, TestApp, TestUser,
};
use crate::on_both_backends;

const SETUP: &str = "/account/second-factor";

fn sessions_of(app: &TestApp, user: &TestUser) -> i64 {
    staff_sessions::table
        .filter(staff_sessions::user_id.eq(&user.id))
        .count()
        .get_result(&mut *app.conn())
        .expect("count")
}

/// The audit records of `action` about `user`: (by whom, detail).
fn audited(app: &TestApp, action: Action, user: &TestUser) -> Vec<(Option<String>, String)> {
    audit_events::table
        .filter(audit_events::action.eq(action.as_str()))
        .filter(audit_events::subject.eq(user.id.as_str()))
        .select((audit_events::user_id, audit_events::detail))
        .load(&mut *app.conn())
        .expect("audit")
}

/// The texts of every element matching `selector`.
fn texts(body: &str, selector: &str) -> Vec<String> {
    let doc = html(body);
    let sel = scraper::Selector::parse(selector).expect("selector");
    doc.select(&sel).map(|e| e.text().collect::<String>().trim().to_owned()).collect()
}

/// Sets up `user`'s second factor in this client (logged in, on the set-up page); returns the
/// ten recovery codes shown once.
async fn set_up(app: &TestApp, user: &mut TestUser) -> Vec<String> {
    user.secret = Some(app.second_factor_secret().await);
    let code = user.fresh_code().await;
    let res = app.post_form(SETUP, &[("code", &code)]).await;
    assert_eq!(res.status().as_u16(), 200);
    texts(&res.text().await.unwrap_or_default(), ".recovery-codes li")
}

/// A new browser that has given `user`'s right password: it stands on the code page.
async fn at_code_page(app: &TestApp, user: &TestUser) -> TestApp {
    let client = app.other_client();
    let res = client.login(&user.email, &user.password).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/login/code");
    client
}

async fn an_admin_sets_up_a_second_factor_before_anything_else(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut admin = app.create_user(Role::Admin);
    let res = app.login(&admin.email, &admin.password).await;
    assert_eq!(location(&res), SETUP, "straight to set-up after the password");
    for path in ["/staff", "/admin/users", "/account", "/admin/audit"] {
        let res = app.get(path).await;
        assert_eq!((res.status().as_u16(), location(&res)), (303, SETUP.into()), "{path}");
    }
    let res = app.post_form("/admin/users", &[("name", "X"), ("email", "x@example.dk")]).await;
    assert_eq!(location(&res), SETUP, "no staff form either");

    let page = app.get_html(SETUP).await;
    let h1 = text_of(&page, "h1").unwrap_or_default().replace('\u{ad}', "");
    assert_eq!(h1, "Sæt totrinsbekræftelse op", "(a soft hyphen for 320 px)");
    assert!(texts(&page, "nav a").iter().all(|a| a != "Brugere"), "no menu that leads nowhere");
    let doc = html(&page);
    let svg = doc.select(&scraper::Selector::parse("main svg.qr-code").expect("sel")).next();
    let svg = svg.expect("the QR code inline");
    assert_eq!(svg.value().attr("role"), Some("img"));
    let input = doc.select(&scraper::Selector::parse("input#code").expect("sel")).next();
    let input = input.expect("the code field").value();
    assert_eq!(input.attr("inputmode"), Some("numeric"));
    assert_eq!(input.attr("autocomplete"), Some("one-time-code"));
    let secret = app.second_factor_secret().await;
    assert_eq!(secret.len(), 32);
    assert_eq!(app.second_factor_secret().await, secret, "a reload shows the same secret");

    // Wrong, malformed and stale codes are refused and change nothing.
    let stale = totp_code(&secret, current_step() - 5);
    for wrong in [stale.as_str(), "12", ""] {
        let res = app.post_form(SETUP, &[("code", wrong)]).await;
        assert_eq!(res.status().as_u16(), 422, "{wrong:?}");
        let page = res.text().await.unwrap_or_default();
        assert!(text_of(&page, "title").unwrap_or_default().starts_with("Fejl: "));
    }
    assert_eq!(app.get("/staff").await.status().as_u16(), 303);

    let codes = set_up(&app, &mut admin).await;
    assert_eq!(codes.len(), 10);
    assert!(codes.iter().all(|c| c.len() == 11 && c.chars().nth(5) == Some('-')), "{codes:?}");
    let (enabled_at, setup_secret, last_step): (Option<_>, Option<String>, Option<i64>) =
        second_factors::table
            .find(&admin.id)
            .select((
                second_factors::enabled_at,
                second_factors::setup_secret,
                second_factors::last_step,
            ))
            .first::<(Option<chrono::NaiveDateTime>, _, _)>(&mut *app.conn())
            .expect("the factor");
    assert!(enabled_at.is_some() && setup_secret.is_none());
    assert_eq!(last_step, admin.last_step.map(|s| s as i64), "the confirming code is used up");
    let hashes: Vec<String> = recovery_codes::table
        .filter(recovery_codes::user_id.eq(&admin.id))
        .select(recovery_codes::code_hash)
        .load(&mut *app.conn())
        .expect("codes");
    assert_eq!(hashes.len(), 10);
    for hash in &hashes {
        assert_eq!(hash.len(), 64, "stored as SHA-256");
        assert!(codes.iter().all(|c| !hash.contains(&c.replace('-', ""))), "never as typed");
    }
    assert_eq!(audited(&app, Action::SecondFactorEnable, &admin).len(), 1);
    assert_eq!(audited(&app, Action::RecoveryCodesNew, &admin).len(), 1);
    assert_eq!(app.get("/staff").await.status().as_u16(), 200, "now every page opens");
    let account = app.get_html("/account").await;
    assert!(text_of(&account, "main").unwrap_or_default().contains("10 ubrugte gendannelseskoder"));
}

async fn a_half_set_up_session_can_still_log_out(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.create_user(Role::Admin);
    app.login(&admin.email, &admin.password).await;
    let res = app.post_form("/logout", &[]).await;
    assert_eq!(location(&res), "/login?logged_out=1");
    assert_eq!(sessions_of(&app, &admin), 0);
}

async fn the_password_alone_opens_nothing_the_code_does(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut admin = app.login_as(Role::Admin).await;
    let browser = at_code_page(&app, &admin).await;
    assert_eq!(sessions_of(&app, &admin), 1, "only the first browser's session");
    assert!(browser.cookie("deltag_session").is_none());
    let res = browser.get("/staff").await;
    assert!(location(&res).starts_with("/login?next="), "a pending login is no session");
    let page = browser.get_html("/login/code").await;
    assert_eq!(text_of(&page, "h1").as_deref(), Some("Skriv koden fra din app"));
    assert_eq!(text_of(&page, "details summary").as_deref(), Some("Brug en gendannelseskode"));

    // The code that confirmed the set-up, again: refused (no replay).
    let secret = admin.secret.clone().unwrap_or_default();
    let used = totp_code(&secret, admin.last_step.unwrap_or_default());
    let res = browser.post_form("/login/code", &[("code", &used)]).await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap_or_default();
    assert_eq!(
        text_of(&page, ".error-summary li").as_deref(),
        Some("Koden passer ikke. Skriv den kode, appen viser lige nu.")
    );
    assert!(browser.cookie("deltag_session").is_none());

    let code = admin.fresh_code().await;
    let res = browser.post_form("/login/code", &[("code", &code)]).await;
    assert_eq!(location(&res), "/staff");
    assert_eq!(browser.get("/staff").await.status().as_u16(), 200);
    assert!(browser.cookie("deltag_pending").is_none(), "the pending login is used up");
    let pending: i64 = pending_logins::table.count().get_result(&mut *app.conn()).expect("n");
    assert_eq!(pending, 0);
    let logins = audited(&app, Action::Login, &admin);
    assert!(logins.iter().any(|(_, detail)| detail == "second factor"), "{logins:?}");
    // And that code, once more in another browser: refused too.
    let replay = at_code_page(&app, &admin).await;
    let res = replay.post_form("/login/code", &[("code", &code)]).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(replay.cookie("deltag_session").is_none());

    // A pending login lives five minutes.
    let late = at_code_page(&app, &admin).await;
    diesel::update(pending_logins::table)
        .set(pending_logins::expires_at.eq(now() - Duration::seconds(1)))
        .execute(&mut *app.conn())
        .expect("expire");
    let res = late.post_form("/login/code", &[("code", "123456")]).await;
    assert_eq!(res.status().as_u16(), 200);
    let page = res.text().await.unwrap_or_default();
    assert_eq!(text_of(&page, "h1").as_deref(), Some("Log ind"));
    assert!(text_of(&page, ".notice").unwrap_or_default().contains("Log ind igen"));
    assert!(late.cookie("deltag_session").is_none());
    assert_eq!(location(&late.get("/login/code").await), "/login");
}

async fn wrong_codes_are_throttled_like_passwords(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut admin = app.login_as(Role::Admin).await;
    let browser = at_code_page(&app, &admin).await;
    let before = sessions_of(&app, &admin);
    let secret = admin.secret.clone().unwrap_or_default();
    let wrong = totp_code(&secret, current_step() - 10);
    for _ in 0..10 {
        let res = browser.post_form("/login/code", &[("code", &wrong)]).await;
        assert_eq!(res.status().as_u16(), 422);
    }
    let code = admin.fresh_code().await;
    let res = browser.post_form("/login/code", &[("code", &code)]).await;
    assert_eq!(res.status().as_u16(), 429, "even the right code waits");
    assert!(res.headers().contains_key("retry-after"));
    let page = res.text().await.unwrap_or_default();
    assert!(text_of(&page, ".error-summary").unwrap_or_default().contains("Prøv igen om"));
    let res = browser.post_form("/login/code", &[("recovery", "ABCDE-FGHJK")]).await;
    assert_eq!(res.status().as_u16(), 429, "recovery codes share the limit");
    assert_eq!(sessions_of(&app, &admin), before, "no session");
    assert!(browser.cookie("deltag_session").is_none());

    // When the window has passed, the right code works (the one refused above was never
    // accepted, so it is still good).
    diesel::update(rate_limits::table.filter(rate_limits::key.like("second-factor:%")))
        .set(rate_limits::window_start.eq(now() - Duration::minutes(16)))
        .execute(&mut *app.conn())
        .expect("age the window");
    let res = browser.post_form("/login/code", &[("code", &code)]).await;
    assert_eq!(location(&res), "/staff");
}

async fn a_recovery_code_works_once_and_is_audited(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut admin = app.create_user(Role::Admin);
    app.login(&admin.email, &admin.password).await;
    let codes = set_up(&app, &mut admin).await;

    // Typed in small letters with a space: still the code.
    let browser = at_code_page(&app, &admin).await;
    let typed = codes[0].to_lowercase().replace('-', " ");
    let res = browser.post_form("/login/code", &[("recovery", &typed)]).await;
    assert_eq!(location(&res), "/account?recovery=used");
    let page = browser.get_html("/account?recovery=used").await;
    let notice = text_of(&page, ".notice").unwrap_or_default();
    assert!(notice.contains("Du har 9 koder tilbage"), "{notice}");
    assert_eq!(
        audited(&app, Action::RecoveryCodeUsed, &admin),
        [(Some(admin.id.to_string()), "9 left".to_owned())]
    );

    let again = at_code_page(&app, &admin).await;
    let res = again.post_form("/login/code", &[("recovery", &codes[0])]).await;
    assert_eq!(res.status().as_u16(), 422, "a recovery code works once");
    let page = res.text().await.unwrap_or_default();
    assert!(
        html(&page).select(&scraper::Selector::parse("details[open]").expect("sel")).count() == 1
    );
    assert!(again.cookie("deltag_session").is_none());
    let res = again.post_form("/login/code", &[("recovery", &codes[1])]).await;
    assert_eq!(location(&res), "/account?recovery=used");

    // New codes: the old ones stop working.
    let res = again.post_form("/account/second-factor/codes", &[]).await;
    assert_eq!(res.status().as_u16(), 200);
    let fresh = texts(&res.text().await.unwrap_or_default(), ".recovery-codes li");
    assert_eq!(fresh.len(), 10);
    assert_eq!(audited(&app, Action::RecoveryCodesNew, &admin).len(), 2);
    let old = at_code_page(&app, &admin).await;
    let res = old.post_form("/login/code", &[("recovery", &codes[2])]).await;
    assert_eq!(res.status().as_u16(), 422);
    let res = old.post_form("/login/code", &[("recovery", &fresh[0])]).await;
    assert_eq!(location(&res), "/account?recovery=used");
}

async fn an_admin_resets_a_lost_phone(backend: Backend) {
    let app = spawn_app(backend).await;
    let me = app.login_as(Role::Admin).await;
    let other = app.other_client();
    let them = other.login_as(Role::Admin).await;
    assert_eq!(other.get("/staff").await.status().as_u16(), 200);

    let page = app.get_html("/admin/users").await;
    let summaries = texts(&page, "details.confirm-delete summary");
    assert!(summaries.iter().any(|s| s.starts_with("Nulstil totrinsbekræftelse")), "{summaries:?}");
    let path = format!("/admin/users/{}/second-factor/reset", them.id);
    let res = app.post_form(&path, &[]).await;
    assert_eq!(location(&res), "/admin/users?done=second-factor-reset");
    let page = app.get_html("/admin/users?done=second-factor-reset").await;
    assert!(text_of(&page, ".notice").unwrap_or_default().contains("nulstillet"));
    let left: i64 =
        second_factors::table.find(&them.id).count().get_result(&mut *app.conn()).expect("count");
    let codes: i64 = recovery_codes::table
        .filter(recovery_codes::user_id.eq(&them.id))
        .count()
        .get_result(&mut *app.conn())
        .expect("count");
    assert_eq!((left, codes), (0, 0));
    assert_eq!(sessions_of(&app, &them), 0, "their sessions end");
    assert!(location(&other.get("/staff").await).starts_with("/login?next="));
    assert_eq!(
        audited(&app, Action::SecondFactorReset, &them),
        [(Some(me.id.to_string()), String::new())]
    );
    // At the next login they set it up again.
    let res = other.login(&them.email, &them.password).await;
    assert_eq!(location(&res), SETUP);
    // Nobody resets their own (that is the account page's new phone).
    let own = format!("/admin/users/{}/second-factor/reset", me.id);
    assert_eq!(app.post_form(&own, &[]).await.status().as_u16(), 400);
}

async fn others_need_it_only_when_the_server_says_so(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut facilitator = app.create_user(Role::Facilitator);
    let res = app.login(&facilitator.email, &facilitator.password).await;
    assert_eq!(location(&res), "/staff");
    assert_eq!(app.get("/staff").await.status().as_u16(), 200);
    let page = app.get_html("/account").await;
    assert!(text_of(&page, "main").unwrap_or_default().contains("ikke slået til"));
    // Taken on voluntarily: from then on the login asks for the code.
    let page = app.get_html(SETUP).await;
    assert!(texts(&page, "nav a").iter().any(|a| a == "Oversigt"), "the full menu");
    set_up(&app, &mut facilitator).await;
    assert_eq!(app.get("/staff").await.status().as_u16(), 200, "this session gave the code");
    at_code_page(&app, &facilitator).await;

    let strict = spawn_app_with(backend, |s| s.site.second_factor_for_all = Some(true)).await;
    for role in [Role::Facilitator, Role::Viewer] {
        let user = strict.create_user(role);
        let client = strict.other_client();
        let res = client.login(&user.email, &user.password).await;
        assert_eq!(location(&res), SETUP, "{role}");
        assert_eq!(location(&client.get("/staff").await), SETUP, "{role}");
    }
    assert!(deltag::auth::second_factor_required(Role::Admin, false));
    assert!(!deltag::auth::second_factor_required(Role::Viewer, false));
}

/// A session made without the code (as another way of logging in might) opens nothing for an
/// account that has a second factor.
async fn a_session_without_the_code_opens_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.login_as(Role::Admin).await;
    let token = deltag::auth::store::create_session(&mut app.conn(), &admin.id).expect("session");
    let sneaky = app.other_client();
    let url = reqwest::Url::parse(&app.address).expect("url");
    sneaky.jar.add_cookie_str(&format!("deltag_session={token}; Path=/"), &url);
    assert!(location(&sneaky.get("/staff").await).starts_with("/login?next="));
    assert!(location(&sneaky.get(SETUP).await).starts_with("/login?next="));
}

on_both_backends!(
    an_admin_sets_up_a_second_factor_before_anything_else,
    a_half_set_up_session_can_still_log_out,
    the_password_alone_opens_nothing_the_code_does,
    wrong_codes_are_throttled_like_passwords,
    a_recovery_code_works_once_and_is_audited,
    an_admin_resets_a_lost_phone,
    others_need_it_only_when_the_server_says_so,
    a_session_without_the_code_opens_nothing,
);
