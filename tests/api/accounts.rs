//! Issue 17's accounts: "Glemt adgangskode" by mail without revealing who has an account,
//! password rules (no invisible or common passwords), e-mail addresses in one Unicode form.

use std::time::Duration;

use deltag::auth::domain::{Email, PersonName};
use deltag::auth::{password, store, Role};
use deltag::db::schema::{audit_events, users};
use deltag::db::Backend;
use diesel::prelude::*;

use crate::export::{messages, smtp_sink};
use crate::helpers::{location, spawn_app, spawn_app_with, TestApp};
use crate::on_both_backends;

/// The mails the sink has received, waiting up to 10 s for `n` (they go out in the
/// background).
async fn wait_for_mails(sink: &crate::export::Sink, n: usize) -> Vec<String> {
    for _ in 0..100 {
        let mails = messages(sink);
        if mails.len() >= n {
            return mails;
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
    messages(sink)
}

fn audited(app: &TestApp, action: &str) -> i64 {
    audit_events::table
        .filter(audit_events::action.eq(action))
        .count()
        .get_result(&mut app.conn())
        .expect("count")
}

async fn a_forgotten_password_is_reset_by_mail_without_revealing_accounts(backend: Backend) {
    let sink = smtp_sink(false);
    let port = sink.port;
    let app =
        spawn_app_with(backend, |s| s.site.smtp_url = Some(format!("smtp://127.0.0.1:{port}")))
            .await;
    let user = app.create_user(Role::Facilitator);
    let page = app.get_html("/login").await;
    assert!(page.contains("href=\"/login/glemt\""), "the login page offers the way back in");
    let form = app.get_html("/login/glemt").await;
    assert!(form.contains("action=\"/login/glemt\""));

    let known = app.post_form("/login/glemt", &[("email", &user.email.to_uppercase())]).await;
    let unknown = app.post_form("/login/glemt", &[("email", "ingen@example.dk")]).await;
    assert_eq!((known.status().as_u16(), unknown.status().as_u16()), (303, 303));
    assert_eq!(location(&known), location(&unknown), "both answers read the same");
    let answer = app.get_html(&location(&known)).await;
    assert!(answer.contains("Hvis adressen hører til en konto"));

    let mails = wait_for_mails(&sink, 1).await;
    actix_web::rt::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(messages(&sink).len(), 1, "a mail only to the account that exists");
    let mail = mails[0].replace("=\r\n", "").replace("=3D", "=");
    assert!(mail.contains(&user.email));
    let start = mail.find("/setup/").expect("a link in the mail");
    let token: String = mail[start + 7..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let link = format!("/setup/{token}");
    assert_eq!(app.get(&link).await.status(), 200);

    // The old session (another browser) ends when the password changes.
    let other = app.other_client();
    assert_eq!(other.login(&user.email, &user.password).await.status(), 303);
    let new_password = "blå bananer i regnvejr";
    let fields = [("password", new_password), ("confirm", new_password)];
    let res = app.post_form(&link, &fields).await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/staff");
    assert_eq!(other.get("/staff").await.status(), 303, "the other session ended");
    assert_eq!(app.post_form(&link, &fields).await.status(), 404, "the link works once");
    let fresh = app.other_client();
    assert_eq!(fresh.login(&user.email, &user.password).await.status(), 422, "old password");
    assert_eq!(fresh.login(&user.email, new_password).await.status(), 303, "new password");
    assert_eq!(audited(&app, "auth.reset.ask"), 1);
    assert_eq!(audited(&app, "auth.reset"), 1);

    // Asking again and again sends at most three links an hour.
    for _ in 0..5 {
        app.post_form("/login/glemt", &[("email", &user.email)]).await;
    }
    actix_web::rt::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(wait_for_mails(&sink, 3).await.len(), 3, "one, then two more, then no more");
}

async fn without_mail_the_page_says_whom_to_ask(backend: Backend) {
    let app = spawn_app(backend).await;
    let user = app.create_user(Role::Viewer);
    let page = app.get_html("/login/glemt").await;
    assert!(!page.contains("action=\"/login/glemt\""), "no form that cannot send mail");
    assert!(page.contains("Bed en administrator"));
    let res = app.post_form("/login/glemt", &[("email", &user.email)]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(audited(&app, "auth.reset.ask"), 0, "nothing done without mail");
}

async fn invisible_and_common_passwords_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.create_user(Role::Admin);
    let mut conn = app.conn();
    let email = Email::parse("ny@example.dk").expect("email");
    let name = PersonName::parse("Ny Kollega").expect("name");
    let (user, token) = store::invite_user(&mut conn, &email, &name, Role::Viewer, &admin.id)
        .expect("invite")
        .expect("new");
    drop(conn);
    let link = format!("/setup/{token}");
    let nul = "\0".repeat(12);
    let spaces = " ".repeat(16);
    for (password, message) in [
        (nul.as_str(), "usynlige tegn"),
        (spaces.as_str(), "kun være mellemrum"),
        ("passwordpassword", "for let at gætte"),
        ("123456789012", "for let at gætte"),
    ] {
        let res = app.post_form(&link, &[("password", password), ("confirm", password)]).await;
        assert_eq!(res.status(), 422, "{password:?}");
        assert!(res.text().await.expect("body").contains(message), "{password:?}");
    }
    let hash: Option<String> = users::table
        .find(&user.id)
        .select(users::password_hash)
        .first(&mut app.conn())
        .expect("user");
    assert!(hash.is_none(), "no refused password was stored");
    let good = "tre små katte på taget";
    let res = app.post_form(&link, &[("password", good), ("confirm", good)]).await;
    assert_eq!(res.status(), 303);
}

async fn one_address_in_two_unicode_forms_is_one_account(backend: Backend) {
    let app = spawn_app(backend).await;
    app.login_as(Role::Admin).await;
    let nfc = "S\u{f8}ren.Ren\u{e9}@Example.dk";
    let nfd = "s\u{f8}ren.rene\u{301}@example.DK";
    let first = app
        .post_form("/admin/users", &[("name", "Søren"), ("email", nfc), ("role", "viewer")])
        .await;
    assert_eq!(first.status(), 200);
    let second = app
        .post_form("/admin/users", &[("name", "Søren 2"), ("email", nfd), ("role", "viewer")])
        .await;
    assert_eq!(second.status(), 422, "the same address in NFD is taken");
    let stored: Vec<String> = users::table
        .filter(users::name.like("Søren%"))
        .select(users::email)
        .load(&mut app.conn())
        .expect("users");
    assert_eq!(stored, vec!["s\u{f8}ren.ren\u{e9}@example.dk".to_owned()]);
    // Logging in with either form finds the account.
    let hash = password::hash_sync("en lang og god adgangskode").expect("hash");
    let id: deltag::db::UserId = users::table
        .filter(users::name.eq("Søren"))
        .select(users::id)
        .first(&mut app.conn())
        .expect("id");
    store::set_password(&mut app.conn(), &id, &hash).expect("password");
    let client = app.other_client();
    assert_eq!(client.login(nfd, "en lang og god adgangskode").await.status(), 303);
}

async fn an_invitation_link_can_be_copied_and_people_read_as_cards(backend: Backend) {
    let app = spawn_app(backend).await;
    app.login_as(Role::Admin).await;
    let fields = [("name", "Kim Lund"), ("email", "kim.lund@kommune.dk"), ("role", "facilitator")];
    let res = app.post_form("/admin/users", &fields).await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.expect("body");
    let doc = crate::helpers::html(&page);
    let select = |css: &str| scraper::Selector::parse(css).expect("selector");
    let link = doc.select(&select("input#invite-link[readonly]")).next().expect("the link field");
    assert!(link.value().attr("value").is_some_and(|v| v.contains("/setup/")));
    let label =
        doc.select(&select("label[for=invite-link]")).next().map(|l| l.text().collect::<String>());
    assert_eq!(label.as_deref(), Some("Link til Kim Lund"));
    let button = doc.select(&select("button[data-copy=invite-link]")).next().expect("copy button");
    assert_eq!(button.text().collect::<String>(), "Kopiér linket");
    assert!(page.contains("/static/copy."), "the copy script is loaded");
    let cards: Vec<String> =
        doc.select(&select("ul.user-list > li h2")).map(|h| h.text().collect()).collect();
    assert!(cards.contains(&"Kim Lund".to_owned()), "{cards:?}");
    let email = doc
        .select(&select("ul.user-list dd"))
        .map(|d| d.text().collect::<String>())
        .find(|t| t.contains('@'));
    assert!(email.is_some(), "addresses are shown whole");
    assert!(
        page.contains("kim<wbr>.lund@<wbr>kommune<wbr>.dk"),
        "an address wraps only at @ or a dot"
    );
}

async fn a_reset_password_of_an_account_with_a_second_factor_still_needs_the_code(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let admin = app.login_as(Role::Admin).await;
    let token = store::create_reset_link(&mut app.conn(), &admin.id).expect("link");
    let phone = app.other_client();
    let password = "syv grønne frøer i mosen";
    let res = phone
        .post_form(&format!("/setup/{token}"), &[("password", password), ("confirm", password)])
        .await;
    assert_eq!(location(&res), "/login?password_changed=1", "no session from a password alone");
    assert_eq!(phone.get("/staff").await.status(), 303);
    let page = phone.get_html("/login?password_changed=1").await;
    assert!(page.contains("Din nye adgangskode er gemt"));
    let res = phone.login(&admin.email, password).await;
    assert!(
        location(&res).starts_with("/login/code"),
        "the code is still asked: {}",
        location(&res)
    );
}

on_both_backends!(
    a_reset_password_of_an_account_with_a_second_factor_still_needs_the_code,
    an_invitation_link_can_be_copied_and_people_read_as_cards,
    a_forgotten_password_is_reset_by_mail_without_revealing_accounts,
    without_mail_the_page_says_whom_to_ask,
    invisible_and_common_passwords_are_refused,
    one_address_in_two_unicode_forms_is_one_account,
);
