//! Issue 17's settings page: saved in the database and used (statement, footer and header,
//! exports, new workshops' retention, mail), server flags win, bad input changes nothing.

use deltag::auth::Role;
use deltag::db::schema::{audit_events, site_settings};
use deltag::db::Backend;
use diesel::prelude::*;

use crate::export::{messages, smtp_sink};
use crate::helpers::{html, location, spawn_app, spawn_app_with, TestApp};
use crate::on_both_backends;

/// Every field of the form as the page would post it, with `changes` on top.
fn form<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("organisation", "Rådet for Socialt Udsatte"),
        ("short_name", ""),
        ("contact_email", ""),
        ("contact_phone", ""),
        ("retention_days", "90"),
        ("audit_months", "12"),
        ("smtp_url", ""),
        ("smtp_password", ""),
        ("mail_from", "deltag <deltag@localhost>"),
        ("a11y_compliance", "partial"),
        ("a11y_prepared", "2026-12-05"),
        ("a11y_known_issues", ""),
    ];
    for (name, value) in changes {
        fields.retain(|(n, _)| n != name);
        fields.push((name, value));
    }
    fields
}

/// A participant's first page of the workshop with join code `code`, on a phone of its own.
async fn other_phone(app: &TestApp, code: &str) -> String {
    let phone = app.other_client();
    phone.get_html(&format!("/j/{code}")).await
}

fn saved(app: &TestApp) -> Vec<(String, String)> {
    site_settings::table
        .select((site_settings::key, site_settings::value))
        .order(site_settings::key)
        .load(&mut app.conn())
        .expect("settings")
}

fn input_names(page: &str) -> Vec<String> {
    let doc = html(page);
    let inputs = scraper::Selector::parse(
        "form[action='/admin/settings'] input, form[action='/admin/settings'] textarea",
    )
    .expect("selector");
    doc.select(&inputs).filter_map(|i| i.value().attr("name").map(str::to_owned)).collect()
}

async fn settings_are_saved_and_used(backend: Backend) {
    let app = spawn_app(backend).await;
    let f = crate::reports::seed(&app);
    app.login_as(Role::Admin).await;
    let overview = app.get_html("/staff").await;
    assert!(
        overview.contains("Kontaktoplysninger mangler"),
        "admins are warned while contact is missing"
    );
    let statement = app.get_html("/tilgaengelighed").await;
    assert!(statement.contains("digst.dk"), "the statement links to the complaint procedure");

    let res = app
        .post_form(
            "/admin/settings",
            &form(&[
                ("organisation", "Aarhus Kommune"),
                ("short_name", "AAK"),
                ("contact_email", "Tilgaengelighed@Aarhus.DK"),
                ("contact_phone", "89 40 20 00"),
                ("retention_days", "30"),
                ("audit_months", "6"),
                ("a11y_known_issues", "PDF-filer er ikke tjekket\n\n  Kort over byen  "),
            ]),
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/admin/settings?done=saved");
    let stored = saved(&app);
    let get = |k: &str| stored.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
    assert_eq!(get("organisation"), Some("Aarhus Kommune"));
    assert_eq!(get("contact_email"), Some("tilgaengelighed@aarhus.dk"), "e-mail normalised");
    assert_eq!(get("a11y_known_issues"), Some("PDF-filer er ikke tjekket\nKort over byen"));
    let detail: String = audit_events::table
        .filter(audit_events::action.eq("settings.change"))
        .select(audit_events::detail)
        .first(&mut app.conn())
        .expect("audited");
    assert!(detail.contains("organisation") && detail.contains("retention_days"), "{detail}");

    // The statement, the footer and the staff header.
    let statement = app.get_html("/tilgaengelighed").await;
    let doc = html(&statement);
    let link = |css: &str| {
        let sel = scraper::Selector::parse(css).expect("selector");
        doc.select(&sel).next().map(|a| a.text().collect::<String>())
    };
    assert_eq!(
        link("main a[href='mailto:tilgaengelighed@aarhus.dk']").as_deref(),
        Some("tilgaengelighed@aarhus.dk")
    );
    assert_eq!(link("main a[href='tel:89402000']").as_deref(), Some("89 40 20 00"));
    assert!(statement.contains("Aarhus Kommune forpligter sig"));
    assert!(statement.contains("<li>Kort over byen</li>"));
    assert_eq!(link("footer p").as_deref(), Some("deltag · Aarhus Kommune"));
    let overview = app.get_html("/staff").await;
    assert!(!overview.contains("Kontaktoplysninger mangler"), "the warning goes once both are set");
    assert_eq!(crate::helpers::text_of(&overview, ".brand .brand-org").as_deref(), Some("AAK"));

    // The participants' privacy text names who collects the answers and how to reach them.
    let start = other_phone(&app, &f.s.code).await;
    assert!(
        start.contains("Aarhus Kommune samler svarene"),
        "the start page names the organisation"
    );
    assert!(start.contains("href=\"mailto:tilgaengelighed@aarhus.dk\""));
    assert!(start.contains("href=\"tel:89402000\""));

    // The organisation in an export; the retention default on a new workshop's form.
    let md = app.get(&format!("/staff/export/download?scope=topic&id={}&format=md", f.topic)).await;
    assert_eq!(md.status(), 200);
    assert!(md.text().await.expect("md").contains("Udarbejdet af Aarhus Kommune."));
    let new = app.get_html(&format!("/staff/topics/{}/workshops/new", f.topic)).await;
    let doc = html(&new);
    let retention = scraper::Selector::parse("input[name=retention_days]").expect("selector");
    let value = doc.select(&retention).next().and_then(|i| i.value().attr("value"));
    assert_eq!(value, Some("30"));

    // The audit page says how long its events are kept now.
    let audit = app.get_html("/admin/audit").await;
    assert!(audit.contains("i 6 måneder"), "the audit trail's period comes from the settings");

    // Facilitators cannot read or change settings.
    let other = app.other_client();
    other.login_as(Role::Facilitator).await;
    assert_eq!(other.get("/admin/settings").await.status(), 403);
    let res = other.post_form("/admin/settings", &form(&[("organisation", "Hacket")])).await;
    assert_eq!(res.status(), 403);
    assert_eq!(saved(&app), stored, "nothing changed");
}

async fn bad_settings_are_refused_and_change_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    app.login_as(Role::Admin).await;
    app.post_form("/admin/settings", &form(&[("organisation", "Kommunen")])).await;
    let before = saved(&app);
    let res = app
        .post_form(
            "/admin/settings",
            &form(&[
                ("organisation", "Andet navn"),
                ("contact_email", "ikke en adresse"),
                ("contact_phone", "ring til Bo"),
                ("retention_days", "0"),
                ("smtp_url", "http://mail.example.dk"),
            ]),
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.expect("body");
    for field in ["contact_email", "contact_phone", "retention_days", "smtp_url"] {
        assert!(page.contains(&format!("id=\"{field}-error\"")), "{field} has its error");
    }
    assert_eq!(saved(&app), before, "a refused form changes nothing");
}

async fn what_the_server_sets_wins(backend: Backend) {
    let app = spawn_app_with(backend, |s| {
        s.site.organisation = Some("Serverens Kommune".into());
        s.site.email = Some("server@kommune.dk".into());
    })
    .await;
    app.login_as(Role::Admin).await;
    let page = app.get_html("/admin/settings").await;
    assert!(page.contains("Sat af serveren (DELTAG_A11Y_ORGANISATION)"));
    assert!(page.contains("Serverens Kommune"));
    let names = input_names(&page);
    assert!(!names.contains(&"organisation".to_owned()), "no input for what the server sets");
    assert!(!names.contains(&"contact_email".to_owned()));
    assert!(names.contains(&"contact_phone".to_owned()));

    let res = app
        .post_form(
            "/admin/settings",
            &form(&[
                ("organisation", "Forsøg"),
                ("contact_email", "x@y.dk"),
                ("contact_phone", "33 33 33 33"),
            ]),
        )
        .await;
    assert_eq!(res.status(), 303);
    let stored = saved(&app);
    assert!(stored.iter().all(|(k, _)| k != "organisation" && k != "contact_email"), "{stored:?}");
    let statement = app.get_html("/tilgaengelighed").await;
    assert!(statement.contains("Serverens Kommune forpligter sig"));
    assert!(statement.contains("mailto:server@kommune.dk") && statement.contains("tel:33333333"));
}

async fn mail_settings_send_a_test_mail_and_keep_the_password_hidden(backend: Backend) {
    let sink = smtp_sink(false);
    let app = spawn_app(backend).await;
    let f = crate::reports::seed(&app);
    app.login_as(Role::Admin).await;
    // Without mail, no form sends mail.
    let page = app.get_html("/admin/settings").await;
    assert!(!page.contains("/admin/settings/test-mail"));
    let facilitator = app.other_client();
    facilitator.login_as(Role::Facilitator).await;
    let export_page = format!("/staff/export?scope=topic&id={}", f.topic);
    let export = facilitator.get_html(&export_page).await;
    assert!(!export.contains("action=\"/staff/export/mail\""), "no mail form without mail");
    assert!(export.contains("Mail er ikke sat op"));
    let url = format!("smtp://deltag:hemmelig-kode@127.0.0.1:{}", sink.port);
    let res = app
        .post_form(
            "/admin/settings",
            &form(&[("smtp_url", &url), ("mail_from", "Kommunen <deltag@kommune.dk>")]),
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = app.get_html("/admin/settings").await;
    assert!(!page.contains("hemmelig-kode"), "the password is never shown again");
    assert!(page.contains(&format!("smtp://deltag@127.0.0.1:{}", sink.port)));
    assert!(page.contains("En adgangskode er gemt"));
    // Saving again with the password field empty keeps it; "forget" drops it (the sink
    // takes mail without logging in).
    let again = format!("smtp://deltag@127.0.0.1:{}", sink.port);
    let sender = ("mail_from", "Kommunen <deltag@kommune.dk>");
    app.post_form("/admin/settings", &form(&[("smtp_url", &again), sender])).await;
    let stored = saved(&app);
    assert!(stored.contains(&("smtp_password".to_owned(), "hemmelig-kode".to_owned())));
    let plain = format!("smtp://127.0.0.1:{}", sink.port);
    let forget = ("smtp_password_forget", "on");
    app.post_form("/admin/settings", &form(&[("smtp_url", &plain), sender, forget])).await;
    assert!(saved(&app).iter().all(|(k, _)| k != "smtp_password"), "the password is forgotten");

    let res = app.post_form("/admin/settings/test-mail", &[("to", "it@kommune.dk")]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/admin/settings?done=mail-test");
    let mails = messages(&sink);
    assert_eq!(mails.len(), 1, "one mail reached the real SMTP server");
    assert!(
        mails[0].contains("Prøvemail fra deltag") || mails[0].contains("=?utf-8?"),
        "{}",
        mails[0]
    );
    assert!(mails[0].contains("it@kommune.dk") && mails[0].contains("deltag@kommune.dk"));
    let tested: i64 = audit_events::table
        .filter(audit_events::action.eq("mail.test"))
        .count()
        .get_result(&mut app.conn())
        .expect("count");
    assert_eq!(tested, 1);
    let res = app.post_form("/admin/settings/test-mail", &[("to", "ikke en adresse")]).await;
    assert_eq!(res.status(), 422);
    assert_eq!(messages(&sink).len(), 1);
    let export = facilitator.get_html(&export_page).await;
    assert!(export.contains("action=\"/staff/export/mail\""), "the mail form once mail is set up");
}

async fn the_settings_page_can_ask_a_second_factor_of_every_role(backend: Backend) {
    let app = spawn_app(backend).await;
    app.login_as(Role::Admin).await;
    let facilitator = app.create_user(Role::Facilitator);
    let before = app.other_client();
    let res = before.login(&facilitator.email, &facilitator.password).await;
    assert_eq!(location(&res), "/staff", "not asked of facilitators by default");

    let res = app.post_form("/admin/settings", &form(&[("second_factor_for_all", "on")])).await;
    assert_eq!(res.status(), 303);
    let after = app.other_client();
    let res = after.login(&facilitator.email, &facilitator.password).await;
    assert_eq!(location(&res), "/account/second-factor", "now every role sets one up");
    let res = before.get("/staff").await;
    assert_eq!(location(&res), "/account/second-factor", "an open session is held there too");
}

on_both_backends!(
    the_settings_page_can_ask_a_second_factor_of_every_role,
    settings_are_saved_and_used,
    bad_settings_are_refused_and_change_nothing,
    what_the_server_sets_wins,
    mail_settings_send_a_test_mail_and_keep_the_password_hidden,
);
