use chrono::Duration;
use deltag::auth::store as auth_store;
use deltag::auth::Role;
use deltag::db::schema::{audit_events, rate_limits, staff_sessions, users};
use deltag::db::{now, Backend};
use deltag::throttle;
use diesel::prelude::*;

use crate::helpers::{location, spawn_app, text_of, TestApp};
use crate::on_both_backends;

fn sessions_of(app: &TestApp, user_id: &str) -> i64 {
    staff_sessions::table
        .filter(staff_sessions::user_id.eq(user_id))
        .count()
        .get_result(&mut *app.conn())
        .expect("count")
}

async fn a_real_login_lands_on_a_staff_page_and_logout_ends_the_session(backend: Backend) {
    let app = spawn_app(backend).await;
    let user = app.create_user(Role::Facilitator);

    let res = app.get("/staff").await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/login?next=%2Fstaff");

    let page = app.get_html("/login?next=/staff").await;
    assert_eq!(text_of(&page, "h1").as_deref(), Some("Log ind"));
    let res = app
        .post_form(
            "/login",
            &[
                ("email", &user.email.to_uppercase()),
                ("password", &user.password),
                ("next", "/staff"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/staff");
    let cookie = res.headers()["set-cookie"].to_str().unwrap_or_default().to_owned();
    assert!(
        cookie.starts_with("deltag_session=")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax")
    );
    assert_eq!(sessions_of(&app, &user.id), 1);

    let page = app.get_html("/staff").await;
    assert_eq!(text_of(&page, "h1").as_deref(), Some("Oversigt"));
    assert!(text_of(&page, "nav").unwrap_or_default().contains("Test facilitator"));

    let res = app.post_form("/logout", &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/login?logged_out=1");
    assert_eq!(sessions_of(&app, &user.id), 0, "logout deletes the session row");
    assert_eq!(app.get("/staff").await.status().as_u16(), 303);

    let actions: Vec<String> = audit_events::table
        .filter(audit_events::user_id.eq(&user.id))
        .order(audit_events::at)
        .select(audit_events::action)
        .load(&mut *app.conn())
        .expect("audit");
    assert_eq!(actions, ["auth.login", "auth.logout"]);
}

async fn a_stolen_session_cookie_is_useless_after_logout(backend: Backend) {
    let app = spawn_app(backend).await;
    app.login_as(Role::Viewer).await;
    let stolen = app.cookie("deltag_session").expect("session cookie");
    assert_eq!(app.post_form("/logout", &[]).await.status().as_u16(), 303);
    let (thief, _) = crate::helpers::new_client();
    let res = thief
        .get(app.url("/staff"))
        .header("cookie", format!("deltag_session={stolen}"))
        .send()
        .await
        .expect("get");
    assert_eq!(res.status().as_u16(), 303);
}

async fn wrong_password_and_unknown_user_answer_identically(backend: Backend) {
    let app = spawn_app(backend).await;
    let user = app.create_user(Role::Admin);
    let wrong = app.login(&user.email, "not the password at all").await;
    let unknown = app.login("nobody@example.dk", "not the password at all").await;
    assert_eq!(wrong.status().as_u16(), 422);
    assert_eq!(unknown.status().as_u16(), 422);
    let (wrong, unknown) =
        (wrong.text().await.unwrap_or_default(), unknown.text().await.unwrap_or_default());
    let msg = ".error-summary li";
    assert_eq!(text_of(&wrong, msg), text_of(&unknown, msg));
    assert_eq!(
        text_of(&wrong, msg).as_deref(),
        Some("E-mailadressen eller adgangskoden er forkert")
    );
    assert!(text_of(&wrong, "title").unwrap_or_default().starts_with("Fejl: "));
    assert_eq!(app.login("", "").await.status().as_u16(), 422);
}

async fn disabled_or_uninvited_accounts_cannot_log_in(backend: Backend) {
    let app = spawn_app(backend).await;
    let user = app.create_user(Role::Facilitator);
    auth_store::set_disabled(&mut app.conn(), &user.id, true).expect("disable");
    assert_eq!(app.login(&user.email, &user.password).await.status().as_u16(), 422);
}

async fn logins_are_throttled_per_account_without_permanent_lockout(backend: Backend) {
    let app = spawn_app(backend).await;
    let user = app.create_user(Role::Facilitator);
    for _ in 0..10 {
        assert_eq!(app.login(&user.email, "wrong wrong wrong").await.status().as_u16(), 422);
    }
    let res = app.login(&user.email, &user.password).await;
    assert_eq!(res.status().as_u16(), 429, "even the right password waits");
    assert!(res.headers().contains_key("retry-after"));
    let page = res.text().await.unwrap_or_default();
    assert!(text_of(&page, ".error-summary").unwrap_or_default().contains("Prøv igen om"));
    assert_eq!(sessions_of(&app, &user.id), 0);

    // Another account from the same client is not affected by this account's limit.
    let other = app.create_user(Role::Viewer);
    assert_eq!(app.login(&other.email, &other.password).await.status().as_u16(), 303);

    // When the window has passed, the right password works again.
    let key = throttle::key("login-account", &user.email);
    diesel::update(rate_limits::table.find(&key))
        .set(rate_limits::window_start.eq(now() - Duration::minutes(16)))
        .execute(&mut *app.conn())
        .expect("age the window");
    let fresh = app.other_client();
    assert_eq!(fresh.login(&user.email, &user.password).await.status().as_u16(), 303);
    let (hits, pending): (i32, i32) = rate_limits::table
        .find(&key)
        .select((rate_limits::hits, rate_limits::pending))
        .first(&mut *app.conn())
        .expect("the account's row");
    assert_eq!((hits, pending), (0, 0), "a new window, and the login gave its place back")
}

async fn logins_are_throttled_per_client(backend: Backend) {
    let app = spawn_app(backend).await;
    let user = app.create_user(Role::Viewer);
    // 100 failures from this address (spread over many accounts) are already recorded.
    let key = throttle::key("login-client", "127.0.0.1");
    diesel::insert_into(rate_limits::table)
        .values((
            rate_limits::key.eq(&key),
            rate_limits::window_start.eq(now()),
            rate_limits::hits.eq(100),
        ))
        .execute(&mut *app.conn())
        .expect("seed");
    assert_eq!(app.login(&user.email, &user.password).await.status().as_u16(), 429);
}

async fn idle_and_absolute_timeouts_end_sessions(backend: Backend) {
    let app = spawn_app(backend).await;
    let user = app.login_as(Role::Facilitator).await;
    assert_eq!(app.get("/staff").await.status().as_u16(), 200);

    // Idle for longer than 4 hours.
    diesel::update(staff_sessions::table.filter(staff_sessions::user_id.eq(&user.id)))
        .set(staff_sessions::last_seen_at.eq(now() - Duration::hours(5)))
        .execute(&mut *app.conn())
        .expect("age");
    assert_eq!(app.get("/staff").await.status().as_u16(), 303);
    assert_eq!(sessions_of(&app, &user.id), 0, "the expired session is deleted");

    // Busy, but logged in more than 12 hours ago.
    assert_eq!(app.login(&user.email, &user.password).await.status().as_u16(), 303);
    diesel::update(staff_sessions::table.filter(staff_sessions::user_id.eq(&user.id)))
        .set((
            staff_sessions::created_at.eq(now() - Duration::hours(13)),
            staff_sessions::last_seen_at.eq(now()),
        ))
        .execute(&mut *app.conn())
        .expect("age");
    assert_eq!(app.get("/staff").await.status().as_u16(), 303);
}

async fn first_run_setup_link_creates_the_first_admin_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = auth_store::create_invitation(&mut app.conn(), None, None).expect("setup token");
    let page = app.get_html(&format!("/setup/{token}")).await;
    assert_eq!(text_of(&page, "h1").as_deref(), Some("Opret den første administrator"));

    // Too short a password: 422, nothing created.
    let res = app
        .post_form(
            &format!("/setup/{token}"),
            &[
                ("name", "Mette"),
                ("email", "mette@example.dk"),
                ("password", "kort"),
                ("confirm", "kort"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let count: i64 = users::table.count().get_result(&mut *app.conn()).expect("count");
    assert_eq!(count, 0);

    let pw = "en lang sætning om boliger";
    let res = app
        .post_form(
            &format!("/setup/{token}"),
            &[("name", "Mette"), ("email", "Mette@Example.dk"), ("password", pw), ("confirm", pw)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/staff");
    let (email, role): (String, String) =
        users::table.select((users::email, users::role)).first(&mut *app.conn()).expect("admin");
    assert_eq!((email.as_str(), role.as_str()), ("mette@example.dk", "admin"));
    // An admin sets up a second factor before any other page (tests/api/second_factor.rs).
    assert_eq!(location(&app.get("/admin/users").await), "/account/second-factor");
    let secret = app.second_factor_secret().await;
    let code = crate::helpers::totp_code(&secret, crate::helpers::current_step());
    app.post_form("/account/second-factor", &[("code", &code)]).await;
    assert_eq!(app.get("/admin/users").await.status().as_u16(), 200, "logged in as admin");

    // The link is dead now, for everyone.
    let other = app.other_client();
    assert_eq!(other.get(&format!("/setup/{token}")).await.status().as_u16(), 404);
    let res = other
        .post_form(
            &format!("/setup/{token}"),
            &[("name", "Eve"), ("email", "eve@example.dk"), ("password", pw), ("confirm", pw)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 404);
    // And a first-admin link made later is dead too, because an account exists.
    let late = auth_store::create_invitation(&mut app.conn(), None, None).expect("token");
    assert_eq!(other.get(&format!("/setup/{late}")).await.status().as_u16(), 404);
    let count: i64 = users::table.count().get_result(&mut *app.conn()).expect("count");
    assert_eq!(count, 1);
}

on_both_backends!(
    a_real_login_lands_on_a_staff_page_and_logout_ends_the_session,
    a_stolen_session_cookie_is_useless_after_logout,
    wrong_password_and_unknown_user_answer_identically,
    disabled_or_uninvited_accounts_cannot_log_in,
    logins_are_throttled_per_account_without_permanent_lockout,
    logins_are_throttled_per_client,
    idle_and_absolute_timeouts_end_sessions,
    first_run_setup_link_creates_the_first_admin_once,
);
