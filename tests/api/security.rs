use deltag::auth::Role;
use deltag::db::schema::{
    answers, audit_events, participants, staff_sessions, theme_answers, themes, users, workshops,
};
use deltag::db::Backend;
use deltag::survey::domain::WorkshopStatus;
use diesel::prelude::*;

use crate::helpers::{location, spawn_app, text_of};
use crate::on_both_backends;

async fn every_response_carries_the_security_headers(backend: Backend) {
    let app = spawn_app(backend).await;
    for path in ["/", "/login", "/does-not-exist", "/healthz"] {
        let res = app.get(path).await;
        let h = res.headers();
        let csp =
            h.get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or_default();
        for directive in
            ["frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'", "script-src 'self'"]
        {
            assert!(csp.contains(directive), "{path}: CSP lacks {directive}: {csp}");
        }
        assert!(!csp.contains("unsafe-inline"), "{path}: no inline script or style");
        assert_eq!(
            h.get("x-content-type-options").map(|v| v.as_bytes()),
            Some(&b"nosniff"[..]),
            "{path}"
        );
        assert_eq!(
            h.get("referrer-policy").map(|v| v.as_bytes()),
            Some(&b"same-origin"[..]),
            "{path}"
        );
        assert!(h.contains_key("permissions-policy"), "{path}");
        assert_eq!(h.get("cache-control").map(|v| v.as_bytes()), Some(&b"no-store"[..]), "{path}");
        assert!(!h.contains_key("strict-transport-security"), "{path}: no HSTS over plain http");
    }
    // The stylesheet is the exception to no-store: content-hashed and cached for a year.
    let page = app.get_html("/").await;
    let css = text_attr(&page, "link[rel=stylesheet]", "href").expect("stylesheet link");
    let res = app.get(&css).await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.headers()["cache-control"].to_str().unwrap_or_default().contains("immutable"));
}

async fn https_base_url_adds_hsts_and_host_prefixed_secure_cookies(backend: Backend) {
    let app = crate::helpers::spawn_app_with(backend, |s| {
        s.base_url = Some(url::Url::parse("https://deltag.example.dk").expect("url"));
    })
    .await;
    let res = app.get("/login").await;
    assert!(res.headers().contains_key("strict-transport-security"));
    let cookie = res.headers()["set-cookie"].to_str().unwrap_or_default().to_owned();
    assert!(cookie.starts_with("__Host-deltag_csrf="), "{cookie}");
    assert!(
        cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("Path=/"),
        "{cookie}"
    );
}

fn text_attr(body: &str, selector: &str, attr: &str) -> Option<String> {
    let doc = crate::helpers::html(body);
    let sel = scraper::Selector::parse(selector).ok()?;
    let found = doc.select(&sel).next()?.value().attr(attr).map(str::to_owned);
    found
}

fn session_count(app: &crate::helpers::TestApp) -> i64 {
    staff_sessions::table.count().get_result(&mut *app.conn()).expect("count")
}

async fn login_without_csrf_token_or_from_another_origin_is_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let user = app.create_user(Role::Facilitator);
    let token = app.csrf_token().await;
    let form = [("email", user.email.as_str()), ("password", user.password.as_str())];

    let res = app.client.post(app.url("/login")).form(&form).send().await.expect("post");
    assert_eq!(res.status().as_u16(), 403, "no token");
    let body = res.text().await.unwrap_or_default();
    assert_eq!(text_of(&body, "h1").as_deref(), Some("Siden var for gammel"));

    let mut with_bad = form.to_vec();
    with_bad.push(("csrf_token", "x".repeat(43).leak()));
    let res = app.client.post(app.url("/login")).form(&with_bad).send().await.expect("post");
    assert_eq!(res.status().as_u16(), 403, "wrong token");

    let mut with_token = form.to_vec();
    with_token.push(("csrf_token", token.as_str()));
    let res = app
        .client
        .post(app.url("/login"))
        .header("origin", "http://evil.example")
        .form(&with_token)
        .send()
        .await
        .expect("post");
    assert_eq!(res.status().as_u16(), 403, "foreign Origin");
    let res = app
        .client
        .post(app.url("/login"))
        .header("sec-fetch-site", "cross-site")
        .form(&with_token)
        .send()
        .await
        .expect("post");
    assert_eq!(res.status().as_u16(), 403, "cross-site fetch");

    // A post with no cookie at all (another browser replaying a stolen form).
    let (bare, _) = crate::helpers::new_client();
    let res = bare.post(app.url("/login")).form(&with_token).send().await.expect("post");
    assert_eq!(res.status().as_u16(), 403, "token without its cookie");
    assert_eq!(session_count(&app), 0, "no refused post created a session");

    // The same post from our own origin works.
    let res = app
        .client
        .post(app.url("/login"))
        .header("origin", app.address.as_str())
        .header("sec-fetch-site", "same-origin")
        .form(&with_token)
        .send()
        .await
        .expect("post");
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(session_count(&app), 1);
}

async fn malformed_and_oversized_forms_get_a_plain_4xx_and_change_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.login_as(Role::Admin).await;
    let token = app.csrf_token().await;
    let before: i64 = users::table.count().get_result(&mut *app.conn()).expect("count");

    // Invalid UTF-8 in a field.
    let mut body = format!("csrf_token={token}&name=").into_bytes();
    body.extend_from_slice(b"%FF%FE&email=x%40example.dk&role=viewer");
    let res = app.post_raw("/admin/users", "application/x-www-form-urlencoded", body).await;
    assert_eq!(res.status().as_u16(), 400);
    let page = res.text().await.unwrap_or_default();
    assert_eq!(text_of(&page, "h1").as_deref(), Some("Vi kunne ikke læse det, du sendte"));
    let main = text_of(&page, "main").unwrap_or_default().to_lowercase();
    for detail in ["utf", "invalid", "deserial", "expected", "parse"] {
        assert!(!main.contains(detail), "no parser details in: {main}");
    }

    // An unknown role.
    let res = app
        .post_form("/admin/users", &[("name", "Bo"), ("email", "bo@example.dk"), ("role", "root")])
        .await;
    assert_eq!(res.status().as_u16(), 400);

    // Not a form at all: refused before anything is read.
    let body = format!(
        r#"{{"csrf_token":"{token}","name":"Bo","email":"bo@example.dk","role":"viewer"}}"#
    );
    let res = app.post_raw("/admin/users", "application/json", body.into_bytes()).await;
    assert_eq!(res.status().as_u16(), 400);

    // Larger than the body limit.
    let huge = format!(
        "csrf_token={token}&name={}&email=big%40example.dk&role=viewer",
        "a".repeat(300 * 1024)
    );
    let res =
        app.post_raw("/admin/users", "application/x-www-form-urlencoded", huge.into_bytes()).await;
    assert_eq!(res.status().as_u16(), 413);
    let page = res.text().await.unwrap_or_default();
    assert_eq!(text_of(&page, "h1").as_deref(), Some("Det, du sendte, er for langt"));

    let after: i64 = users::table.count().get_result(&mut *app.conn()).expect("count");
    assert_eq!(before, after, "nothing was written");
    let _ = admin;
}

async fn unknown_pages_get_a_friendly_404_in_the_layout(backend: Backend) {
    let app = spawn_app(backend).await;
    let res = app.get("/findes/ikke").await;
    assert_eq!(res.status().as_u16(), 404);
    assert!(res.headers()["content-type"].to_str().unwrap_or_default().starts_with("text/html"));
    let page = res.text().await.unwrap_or_default();
    assert_eq!(text_of(&page, "h1").as_deref(), Some("Siden findes ikke"));
    assert_eq!(text_of(&page, "title").as_deref(), Some("Siden findes ikke – deltag"));
    let res = app
        .client
        .get(app.url("/findes/ikke"))
        .header("accept-language", "en-GB,en;q=0.9")
        .send()
        .await
        .expect("get");
    let page = res.text().await.unwrap_or_default();
    assert_eq!(text_of(&page, "h1").as_deref(), Some("Page not found"));
    assert!(page.contains(r#"<html lang="en">"#));
}

async fn head_answers_wherever_get_does(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = crate::survey_helpers::seed_workshop(&app, WorkshopStatus::Open);
    for (path, expected) in [
        ("/", 200),
        ("/healthz", 200),
        ("/tilgaengelighed", 200),
        (&format!("/j/{}", s.code) as &str, 200),
        ("/staff", 303),
        ("/findes/ikke", 404),
    ] {
        let get = app.get(path).await;
        let head = app.client.head(app.url(path)).send().await.expect("head");
        assert_eq!(head.status().as_u16(), expected, "HEAD {path}");
        assert_eq!(get.status(), head.status(), "HEAD and GET {path}");
        assert_eq!(get.headers().get("content-type"), head.headers().get("content-type"), "{path}");
        assert!(head.bytes().await.expect("body").is_empty(), "HEAD {path} sends no body");
    }
}

async fn a_return_view_that_cannot_be_a_board_changes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = crate::survey_helpers::seed_workshop(&app, WorkshopStatus::Open);
    app.login_as(Role::Facilitator).await;
    let phone = app.other_client();
    let first = phone.join_workshop(&s.code).await;
    phone.answer(&first, &[("answer", "Et hjem er et sted med ro"), ("action", "save")]).await;
    let (answer, topic): (String, String) = answers::table
        .inner_join(participants::table.inner_join(workshops::table))
        .select((answers::id, workshops::topic_id))
        .first(&mut *app.conn())
        .expect("the answer");
    let res = app
        .post_form(&format!("/staff/topics/{topic}/themes"), &[("title", "Ro"), ("parent_id", "")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let theme: String = themes::table.select(themes::id).first(&mut *app.conn()).expect("theme");
    let audit_before: i64 = audit_events::table.count().get_result(&mut *app.conn()).expect("n");
    for view in ["all\u{1}", "all\r\nSet-Cookie: x=1", "//evil.example", "alle temaer"] {
        let form = [
            ("answer", answer.as_str()),
            ("theme_id", &theme),
            ("action", "add"),
            ("return_view", view),
        ];
        let res = app.post_form(&format!("/staff/topics/{topic}/assign"), &form).await;
        assert_eq!(res.status().as_u16(), 400, "return_view {view:?}");
        let links: i64 = theme_answers::table.count().get_result(&mut *app.conn()).expect("n");
        assert_eq!(links, 0, "nothing saved for {view:?}");
    }
    let audit_after: i64 = audit_events::table.count().get_result(&mut *app.conn()).expect("n");
    assert_eq!(audit_before, audit_after, "nothing audited");
    // A real view works, and brings the facilitator back to it.
    let form = [
        ("answer", answer.as_str()),
        ("theme_id", &theme),
        ("action", "add"),
        ("return_view", &theme),
    ];
    let res = app.post_form(&format!("/staff/topics/{topic}/assign"), &form).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(location(&res).starts_with(&format!("/staff/topics/{topic}/board?view={theme}")));
}

on_both_backends!(
    head_answers_wherever_get_does,
    a_return_view_that_cannot_be_a_board_changes_nothing,
    every_response_carries_the_security_headers,
    https_base_url_adds_hsts_and_host_prefixed_secure_cookies,
    login_without_csrf_token_or_from_another_origin_is_refused,
    malformed_and_oversized_forms_get_a_plain_4xx_and_change_nothing,
    unknown_pages_get_a_friendly_404_in_the_layout,
);
