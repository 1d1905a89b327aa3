//! The audit page: events in plain words, filters, paging, CSV, who may read it, the purge of
//! old events, and the events that reading answers and downloading exports leave.

use chrono::{NaiveDate, NaiveDateTime};
use deltag::auth::domain::{Email, PersonName};
use deltag::auth::{password, store as auth_store, Role};
use deltag::db::schema::audit_events;
use deltag::db::{AuditEventId, Backend, UserId};
use deltag::survey::domain::WorkshopStatus;
use diesel::prelude::*;

use crate::helpers::{html, location, spawn_app, TestApp};
use crate::on_both_backends;
use crate::survey_helpers::seed_workshop;
use crate::themes::{create_theme, seed_answers, topic_of};

/// A staff account with a name of our choosing, logged in on `app`'s client.
async fn log_in_named(app: &TestApp, name: &str, role: Role) -> UserId {
    let id = named_user(app, name, role);
    let email: String = deltag::db::schema::users::table
        .find(&id)
        .select(deltag::db::schema::users::email)
        .first(&mut *app.conn())
        .expect("email");
    let res = app.login(&email, PASSWORD).await;
    assert_eq!(res.status().as_u16(), 303, "login as {name}");
    id
}

const PASSWORD: &str = "en lang og god adgangskode";

/// A staff account with a name of our choosing (not logged in).
fn named_user(app: &TestApp, name: &str, role: Role) -> UserId {
    let email = format!("u-{}@example.dk", uuid::Uuid::now_v7().simple());
    let hash = password::hash_sync(PASSWORD).expect("hash");
    auth_store::create_user(
        &mut app.conn(),
        &Email::parse(&email).expect("email"),
        &PersonName::parse(name).expect("name"),
        role,
        Some(&hash),
    )
    .expect("user")
    .id
}

/// A moment in 2001: far from whenever the test runs.
fn at(date: &str, time: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(&format!("{date} {time}"), "%Y-%m-%d %H:%M:%S").expect("time")
}

/// Stores an event as if it had happened `when`.
fn insert(
    app: &TestApp, user: Option<&UserId>, action: &str, subject: &str, detail: &str,
    when: NaiveDateTime,
) {
    diesel::insert_into(audit_events::table)
        .values((
            audit_events::id.eq(AuditEventId::generate()),
            audit_events::user_id.eq(user),
            audit_events::action.eq(action),
            audit_events::subject.eq(subject),
            audit_events::detail.eq(detail),
            audit_events::at.eq(when),
        ))
        .execute(&mut *app.conn())
        .expect("insert event");
}

/// The sentences of the events on a page, in order.
fn sentences(page: &str) -> Vec<String> {
    let doc = html(page);
    let sel = scraper::Selector::parse("ol.audit-list > li .audit-sentence").expect("selector");
    doc.select(&sel)
        .map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The `href` of the first element matching `selector`.
fn href(page: &str, selector: &str) -> Option<String> {
    let doc = html(page);
    let sel = scraper::Selector::parse(selector).expect("selector");
    doc.select(&sel).next().and_then(|e| e.value().attr("href")).map(str::to_owned)
}

/// The stored actions of one user, oldest first.
fn actions_of(app: &TestApp, user: &UserId) -> Vec<(String, String, String)> {
    audit_events::table
        .filter(audit_events::user_id.eq(user))
        .order((audit_events::at, audit_events::id))
        .select((audit_events::action, audit_events::subject, audit_events::detail))
        .load(&mut *app.conn())
        .expect("events")
}

async fn a_merge_and_a_rename_read_as_sentences_with_both_names(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let topic = topic_of(&app, &s).to_string();
    log_in_named(&app, "Anna Jensen", Role::Facilitator).await;
    let lonely = create_theme(&app, &topic, "Ensomhed", "").await;
    let together = create_theme(&app, &topic, "Fællesskab", "").await;
    let res = app.post_form(&format!("/staff/themes/{lonely}/merge"), &[("into", &together)]).await;
    assert_eq!(res.status().as_u16(), 303);
    let res = app
        .post_form(
            &format!("/staff/themes/{together}"),
            &[("title", "Fællesskaber"), ("summary", ""), ("version", "1")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);

    let admin = app.other_client();
    admin.login_as(Role::Admin).await;
    let page = admin.get_html("/admin/audit").await;
    let said = sentences(&page);
    for expected in [
        "Anna Jensen oprettede emnet «Ensomhed».",
        "Anna Jensen slog emnet «Ensomhed» sammen med «Fællesskab».",
        "Anna Jensen omdøbte emnet «Fællesskab» til «Fællesskaber».",
        "Anna Jensen loggede ind.",
    ] {
        assert!(said.iter().any(|s| s == expected), "{expected:?} in {said:#?}");
    }
    // Newest first: the rename came after the merge.
    let position = |text: &str| said.iter().position(|s| s.contains(text)).expect(text);
    assert!(position("omdøbte") < position("slog emnet"));
    // The raw record is one click away: the code and the ids, in a <details> of the row.
    let doc = html(&page);
    let row = scraper::Selector::parse("li.audit-event").expect("selector");
    let merge = doc
        .select(&row)
        .find(|li| li.text().collect::<String>().contains("slog emnet"))
        .expect("merge row");
    let raw = merge.text().collect::<String>();
    assert!(raw.contains("theme.merge") && raw.contains(lonely.as_str()), "{raw}");
    let details = scraper::Selector::parse("details.audit-raw summary").expect("selector");
    assert!(merge.select(&details).next().is_some(), "the raw record sits in a <details>");
    // Dates are headings of their own: the time of day never wraps with a date.
    assert!(html(&page).select(&scraper::Selector::parse("h3.audit-day").expect("s")).count() >= 1);

    // In English too.
    admin.get("/sprog/en?tilbage=%2Fadmin%2Faudit").await;
    let english = sentences(&admin.get_html("/admin/audit").await);
    let expected = "Anna Jensen merged the theme “Ensomhed” into “Fællesskab”.";
    assert!(english.iter().any(|s| s == expected), "{english:#?}");
}

async fn filters_by_person_kind_and_dates_narrow_the_rows(backend: Backend) {
    let app = spawn_app(backend).await;
    let bo = named_user(&app, "Bo Bolig", Role::Facilitator);
    let ea = named_user(&app, "Ea Eksport", Role::Viewer);
    insert(&app, Some(&bo), "auth.login", bo.as_str(), "", at("2001-01-10", "09:00:00"));
    insert(&app, Some(&ea), "auth.login", ea.as_str(), "", at("2001-02-14", "10:00:00"));
    insert(&app, Some(&ea), "export", "gone", "topic docx", at("2001-02-15", "11:00:00"));
    insert(&app, None, "answers.deleted", "gone", "7 participant(s)", at("2001-03-01", "03:00:00"));
    let admin = app.other_client();
    admin.login_as(Role::Admin).await;

    let all = sentences(&admin.get_html("/admin/audit").await);
    let admins_own = [
        "Test admin slog totrinslogin til.",
        "Test admin lavede nye reservekoder.",
        "Test admin loggede ind.",
    ];
    assert_eq!(
        all.len(),
        4 + admins_own.len(),
        "four stored and the admin's set-up and login: {all:#?}"
    );
    assert!(admins_own.iter().all(|s| all.iter().any(|a| a == s)), "{all:#?}");

    let only_bo = admin.get_html(&format!("/admin/audit?person={bo}")).await;
    assert_eq!(sentences(&only_bo), ["Bo Bolig loggede ind."]);
    // The select keeps the choice and offers every staff member by name.
    let doc = html(&only_bo);
    let chosen = scraper::Selector::parse("select#person option[selected]").expect("selector");
    let chosen: Vec<String> = doc.select(&chosen).map(|o| o.text().collect()).collect();
    assert_eq!(chosen, ["Bo Bolig"]);
    let options = scraper::Selector::parse("select#person option").expect("selector");
    let offered: Vec<String> = doc.select(&options).map(|o| o.text().collect()).collect();
    assert!(offered.iter().any(|o| o == "Ea Eksport"), "{offered:?}");
    let label = scraper::Selector::parse("label[for=person]").expect("selector");
    assert!(doc.select(&label).next().is_some(), "the select has a label");

    let exports = sentences(&admin.get_html("/admin/audit?kind=export").await);
    assert_eq!(exports, ["Ea Eksport hentede et tema, der siden er slettet, som en Word-fil."]);

    let february = sentences(&admin.get_html("/admin/audit?from=2001-02-01&to=2001-02-28").await);
    assert_eq!(february.len(), 2, "{february:#?}");
    assert!(february.iter().all(|s| s.starts_with("Ea Eksport")), "{february:#?}");
    // Both ends count whole days.
    let one_day = sentences(&admin.get_html("/admin/audit?from=2001-02-15&to=2001-02-15").await);
    assert_eq!(one_day.len(), 1, "{one_day:#?}");

    let system = sentences(&admin.get_html("/admin/audit?person=system").await);
    assert_eq!(
        system,
        ["De enkelte svar i en workshop, der siden er slettet, blev slettet, fordi tiden for at \
          gemme dem var gået (7 deltagere)."]
    );
    let combined = admin
        .get_html(&format!("/admin/audit?person={ea}&kind=accounts&from=2001-01-01&to=2001-12-31"))
        .await;
    assert_eq!(sentences(&combined), ["Ea Eksport loggede ind."]);

    // A date that cannot be read is said at its field; the rest of the filter still works.
    let res = admin.get("/admin/audit?from=31.02.2001&kind=export").await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.expect("body");
    assert!(html(&page)
        .select(&scraper::Selector::parse(".error-summary a[href='#from']").expect("s"))
        .next()
        .is_some());
    assert_eq!(sentences(&page).len(), 1);
    let res = admin.get("/admin/audit?from=2001-03-01&to=2001-02-01").await;
    assert_eq!(res.status().as_u16(), 422, "to before from");
    assert_eq!(admin.get("/admin/audit?kind=nonsense").await.status().as_u16(), 400);
}

async fn fifty_events_a_page_newest_first_and_the_links_keep_the_filter(backend: Backend) {
    let app = spawn_app(backend).await;
    let ea = named_user(&app, "Ea Eksport", Role::Facilitator);
    for i in 0..55 {
        let time = format!("{:02}:{:02}:00", 8 + i / 60, i % 60);
        insert(&app, Some(&ea), "export", "gone", "workshop csv", at("2001-05-02", &time));
    }
    insert(&app, Some(&ea), "auth.login", ea.as_str(), "", at("2001-05-02", "07:00:00"));
    let admin = app.other_client();
    admin.login_as(Role::Admin).await;

    let first = admin.get_html("/admin/audit?kind=export").await;
    assert_eq!(sentences(&first).len(), 50);
    assert!(href(&first, "nav.pager a[rel=prev]").is_none(), "no newer page");
    let older = href(&first, "nav.pager a[rel=next]").expect("Ældre");
    assert_eq!(older, "/admin/audit?kind=export&page=2");
    let doc = html(&first);
    let link = scraper::Selector::parse("nav.pager a[rel=next]").expect("selector");
    let words: String = doc.select(&link).next().map(|a| a.text().collect()).unwrap_or_default();
    assert_eq!(words, "Ældre hændelser");
    let times = |page: &str| -> Vec<String> {
        let doc = html(page);
        let sel = scraper::Selector::parse("li.audit-event time").expect("selector");
        doc.select(&sel).map(|t| t.text().collect()).collect()
    };
    assert_eq!(times(&first)[0], "08:54", "the newest first");

    let second = admin.get_html(&older).await;
    assert_eq!(sentences(&second).len(), 5, "55 exports, 50 on the first page");
    assert_eq!(times(&second), ["08:04", "08:03", "08:02", "08:01", "08:00"]);
    assert!(href(&second, "nav.pager a[rel=next]").is_none(), "no older page");
    assert_eq!(href(&second, "nav.pager a[rel=prev]").as_deref(), Some("/admin/audit?kind=export"));
    let csv = href(&second, "a[href^='/admin/audit.csv']").expect("CSV link");
    assert_eq!(csv, "/admin/audit.csv?kind=export");
}

async fn the_csv_holds_the_filtered_events_with_formulas_neutralised(backend: Backend) {
    let app = spawn_app(backend).await;
    let sly = named_user(&app, "=HYPERLINK(\"http://evil.example\")", Role::Viewer);
    let bo = named_user(&app, "Bo Bolig", Role::Facilitator);
    insert(&app, Some(&sly), "auth.login", sly.as_str(), "", at("2001-01-10", "09:00:00"));
    insert(&app, Some(&bo), "auth.login", bo.as_str(), "", at("2001-01-11", "09:00:00"));
    insert(&app, Some(&bo), "workshop.retention", "gone", "+90 days", at("2001-01-12", "09:00:00"));
    let admin = app.other_client();
    let me = admin.login_as(Role::Admin).await;

    let res = admin.get("/admin/audit.csv?kind=accounts&from=2001-01-01&to=2001-12-31").await;
    assert_eq!(res.status().as_u16(), 200);
    let type_ = res.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("");
    assert!(type_.starts_with("text/csv"), "{type_}");
    let body = res.bytes().await.expect("body");
    let text = std::str::from_utf8(&body).expect("utf-8");
    let text = text.strip_prefix('\u{feff}').expect("a BOM for Excel");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_owned).collect();
    assert_eq!(header, ["Tidspunkt (UTC)", "Hvem", "Hændelse", "Kode", "Id", "Detalje"]);
    let rows: Vec<Vec<String>> =
        reader.records().map(|r| r.expect("row").iter().map(str::to_owned).collect()).collect();
    assert_eq!(rows.len(), 2, "{rows:#?}");
    assert_eq!(rows[0][..2], ["2001-01-11 09:00:00".to_owned(), "Bo Bolig".to_owned()]);
    assert_eq!(rows[0][2], "Bo Bolig loggede ind.");
    assert_eq!(rows[0][3..], ["auth.login".to_owned(), bo.to_string(), String::new()]);
    assert_eq!(rows[1][1], "'=HYPERLINK(\"http://evil.example\")", "the name is no formula");
    assert!(rows[1][2].starts_with("'=HYPERLINK"), "nor the sentence it begins: {}", rows[1][2]);

    // The detail column is neutralised too, and the download itself is in the trail.
    let res = admin.get("/admin/audit.csv?kind=survey").await;
    let body = res.bytes().await.expect("body");
    let mut reader = csv::Reader::from_reader(&body[3..]);
    let row = reader.records().next().expect("a row").expect("row");
    assert_eq!(&row[5], "'+90 days");
    let downloads: Vec<String> = actions_of(&app, &me.id)
        .into_iter()
        .filter(|(a, _, _)| a == "audit.export")
        .map(|(_, _, d)| d)
        .collect();
    assert_eq!(downloads, ["kind=accounts&from=2001-01-01&to=2001-12-31", "kind=survey"]);
    let page = admin.get_html("/admin/audit?kind=export").await;
    assert!(sentences(&page).iter().any(|s| s == "Test admin hentede loggen som CSV."));
}

async fn only_admins_read_the_trail(backend: Backend) {
    let app = spawn_app(backend).await;
    for path in ["/admin/audit", "/admin/audit.csv", "/admin/audit?kind=accounts"] {
        let res = app.get(path).await;
        assert_eq!(res.status().as_u16(), 303, "anonymous {path}");
        assert!(location(&res).starts_with("/login?next="), "{path}");
    }
    for role in [Role::Viewer, Role::Facilitator] {
        let client = app.other_client();
        client.login_as(role).await;
        for path in ["/admin/audit", "/admin/audit.csv"] {
            assert_eq!(client.get(path).await.status().as_u16(), 403, "{role} {path}");
        }
    }
    let exports: i64 = audit_events::table
        .filter(audit_events::action.eq("audit.export"))
        .count()
        .get_result(&mut *app.conn())
        .expect("count");
    assert_eq!(exports, 0, "a refused download is no download");
}

async fn the_purge_deletes_old_events_and_keeps_newer_ones(backend: Backend) {
    let app = spawn_app(backend).await;
    let bo = named_user(&app, "Bo Bolig", Role::Facilitator);
    insert(&app, Some(&bo), "auth.login", "old", "", at("2001-01-01", "12:00:00"));
    insert(&app, Some(&bo), "auth.login", "edge", "", at("2001-03-01", "00:00:00"));
    insert(&app, Some(&bo), "auth.login", "new", "", at("2001-06-01", "12:00:00"));
    let subjects = |app: &TestApp| -> Vec<String> {
        audit_events::table
            .order(audit_events::at)
            .select(audit_events::subject)
            .load(&mut *app.conn())
            .expect("subjects")
    };
    // Twelve months before 1 March 2002 is 1 March 2001: what happened before goes.
    let deleted = deltag::audit::purge(
        &mut app.conn(),
        deltag::settings::DEFAULT_AUDIT_MONTHS,
        at("2002-03-01", "00:00:00"),
    )
    .expect("purge");
    assert_eq!(deleted, 1);
    assert_eq!(subjects(&app), ["edge", "new"]);
    let cutoff = NaiveDate::from_ymd_opt(2001, 5, 1).and_then(|d| d.and_hms_opt(0, 0, 0));
    let deleted = deltag::audit::store::delete_older_than(&mut app.conn(), cutoff.expect("date"))
        .expect("delete");
    assert_eq!(deleted, 1);
    assert_eq!(subjects(&app), ["new"]);
}

async fn reading_answers_is_recorded_once_per_page_view(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    seed_answers(&app, &s);
    let topic = topic_of(&app, &s);
    let me = log_in_named(&app, "Anna Jensen", Role::Facilitator).await;
    app.get_html(&format!("/staff/workshops/{}/answers", s.workshop_id)).await;
    app.get_html(&format!("/staff/topics/{topic}/board")).await;
    let read: Vec<(String, String, String)> =
        actions_of(&app, &me).into_iter().filter(|(a, _, _)| a == "answers.read").collect();
    assert_eq!(
        read,
        [
            ("answers.read".to_owned(), s.workshop_id.to_string(), String::new()),
            ("answers.read".to_owned(), topic.to_string(), String::new()),
        ],
        "one event per page view, not one per answer"
    );
    // A page that is not found was not read.
    assert_eq!(app.get("/staff/workshops/nowhere/answers").await.status().as_u16(), 404);
    assert_eq!(actions_of(&app, &me).iter().filter(|(a, _, _)| a == "answers.read").count(), 2);

    let admin = app.other_client();
    admin.login_as(Role::Admin).await;
    let said = sentences(&admin.get_html("/admin/audit?kind=answers").await);
    assert_eq!(
        said,
        [
            "Anna Jensen læste de enkelte svar i temaet «Fra bolig til hjem».",
            "Anna Jensen læste de enkelte svar i workshoppen «Den rette boligløsning».",
        ]
    );
}

async fn every_export_download_is_recorded(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    seed_answers(&app, &s);
    let me = log_in_named(&app, "Anna Jensen", Role::Facilitator).await;
    let w = s.workshop_id.to_string();
    for (route, format) in
        [("download", "docx"), ("download", "md"), ("data", "xlsx"), ("data", "csv")]
    {
        let res =
            app.get(&format!("/staff/export/{route}?scope=workshop&id={w}&format={format}")).await;
        assert_eq!(res.status().as_u16(), 200, "{format}");
    }
    let exports: Vec<(String, String, String)> =
        actions_of(&app, &me).into_iter().filter(|(a, _, _)| a == "export").collect();
    let details: Vec<&str> = exports.iter().map(|(_, _, d)| d.as_str()).collect();
    assert_eq!(details, ["workshop docx", "workshop md", "workshop xlsx", "workshop csv"]);
    assert!(exports.iter().all(|(_, subject, _)| *subject == w));

    let admin = app.other_client();
    admin.login_as(Role::Admin).await;
    let said = sentences(&admin.get_html("/admin/audit?kind=export").await);
    assert_eq!(
        said,
        [
            "Anna Jensen hentede de enkelte svar fra workshoppen «Den rette boligløsning» som en CSV-fil.",
            "Anna Jensen hentede de enkelte svar fra workshoppen «Den rette boligløsning» som et Excel-ark.",
            "Anna Jensen hentede workshoppen «Den rette boligløsning» som en Markdown-fil.",
            "Anna Jensen hentede workshoppen «Den rette boligløsning» som en Word-fil.",
        ]
    );
}

on_both_backends!(
    a_merge_and_a_rename_read_as_sentences_with_both_names,
    filters_by_person_kind_and_dates_narrow_the_rows,
    fifty_events_a_page_newest_first_and_the_links_keep_the_filter,
    the_csv_holds_the_filtered_events_with_formulas_neutralised,
    only_admins_read_the_trail,
    the_purge_deletes_old_events_and_keeps_newer_ones,
    reading_answers_is_recorded_once_per_page_view,
    every_export_download_is_recorded,
);
