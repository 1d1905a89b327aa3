//! Retention deletes what identifies a person, never the findings: a topic's report reads the
//! same after a workshop's answers are deleted, apart from one line saying when. Withdrawal
//! still takes a person's quotes and counts with it at once.

use deltag::auth::Role;
use deltag::db::schema::{answers, audit_events, participants, quotes, workshops};
use deltag::db::{now, Backend};
use deltag::i18n::Lang;
use deltag::survey::domain::WorkshopStatus;
use diesel::prelude::*;

use crate::helpers::{location, spawn_app, text_of, TestApp};
use crate::on_both_backends;
use crate::reports::{download, read_docx, seed};

/// Closes the workshop as if `days_ago` days ago.
fn close(app: &TestApp, workshop: &deltag::db::WorkshopId, days_ago: i64) -> chrono::NaiveDateTime {
    deltag::survey::store::set_status(&mut app.conn(), workshop, WorkshopStatus::Closed)
        .expect("close");
    let closed = now() - chrono::Duration::days(days_ago);
    diesel::update(workshops::table.find(workshop))
        .set(workshops::closed_at.eq(Some(closed)))
        .execute(&mut *app.conn())
        .expect("age");
    closed
}

async fn deleting_answers_keeps_the_report_word_for_word(backend: Backend) {
    let app = spawn_app(backend).await;
    let f = seed(&app);
    let w = f.s.workshop_id.clone();
    let closed = close(&app, &w, 91);
    app.login_as(Role::Facilitator).await;
    let topic = f.topic.to_string();

    let deleted_on = Lang::Da.long_date((closed + chrono::Duration::days(90)).date());
    let workshop_page = app.get_html(&format!("/staff/workshops/{w}")).await;
    assert!(
        workshop_page.contains(&format!("De enkelte svar slettes {deleted_on}.")),
        "the deletion date is shown"
    );
    let board = app.get_html(&format!("/staff/topics/{topic}/board")).await;
    assert!(board.contains(&format!("De enkelte svar slettes {deleted_on}.")), "on the board too");
    let export_page = app.get_html(&format!("/staff/export?scope=topic&id={topic}")).await;
    assert!(export_page.contains(&deleted_on), "and on the export page");
    let overview = app.get_html("/staff").await;
    assert!(
        text_of(&overview, ".retention-warning")
            .unwrap_or_default()
            .contains("Den rette boligløsning"),
        "the overview warns before the answers go"
    );

    let md_before = String::from_utf8(download(&app, "download", &topic, "md").await).expect("md");
    let docx_before = read_docx(&download(&app, "download", &topic, "docx").await);
    let html_before =
        String::from_utf8(download(&app, "download", &topic, "html").await).expect("html");

    let done = deltag::retention::delete_expired_answers(&mut app.conn(), now()).expect("delete");
    assert_eq!(done, vec![w.clone()]);

    // What identifies a person is gone.
    let left: i64 = answers::table.count().get_result(&mut *app.conn()).expect("answers");
    assert_eq!(left, 0, "no individual answer is left");
    let people: i64 = participants::table.count().get_result(&mut *app.conn()).expect("people");
    assert_eq!(people, 0, "no participant (or withdrawal code) is left");
    let kept: Vec<(String, Option<String>)> = quotes::table
        .order(quotes::created_at)
        .select((quotes::status, quotes::answer_id))
        .load(&mut *app.conn())
        .expect("quotes");
    assert_eq!(
        kept,
        [("approved".to_owned(), None), ("approved".to_owned(), None)],
        "approved quotes stay without their answers; the draft is gone"
    );

    // The report reads the same, plus one line.
    let today = Lang::Da.long_date(now().date());
    let line = format!(
        "De enkelte svar fra workshoppen \"Den rette boligløsning\" blev slettet {today}. \
         Tallene, emnerne, hovedpointerne og de godkendte citater er bevaret."
    );
    let md_after = String::from_utf8(download(&app, "download", &topic, "md").await).expect("md");
    assert!(md_after.contains(&line), "{md_after}");
    assert_eq!(md_after.replacen(&format!("*{line}*\n\n"), "", 1), md_before);
    let docx_after = read_docx(&download(&app, "download", &topic, "docx").await);
    let without: Vec<&(String, String)> =
        docx_after.paragraphs.iter().filter(|(_, t)| *t != line).collect();
    assert_eq!(without.len() + 1, docx_after.paragraphs.len(), "one line more");
    assert_eq!(without, docx_before.paragraphs.iter().collect::<Vec<_>>());
    assert_eq!(docx_after.tables, docx_before.tables, "the tallies");
    assert!(docx_after.text().contains("6 svar fra 6 deltagere"), "theme counts");
    assert_eq!(
        docx_after.with_style("Quote"),
        ["»Et hjem er et sted med ro«", "»Skriv til [e-mail]«"]
    );
    let html_after =
        String::from_utf8(download(&app, "download", &topic, "html").await).expect("html");
    let text = |h: &str| text_of(h, "main").unwrap_or_default();
    assert_eq!(text(&html_after).replacen(&line, "", 1), text(&html_before));

    // The analysis export has no answers left to give, and says why.
    let json: serde_json::Value =
        serde_json::from_slice(&download(&app, "data", &topic, "json").await).expect("json");
    assert_eq!(json["respondents"].as_array().map(Vec::len), Some(0));
    assert_eq!(json["answers_deleted"][0], line.as_str());

    let workshop_page = app.get_html(&format!("/staff/workshops/{w}")).await;
    assert!(workshop_page.contains(&format!("De enkelte svar blev slettet {today}.")));
    let audited: i64 = audit_events::table
        .filter(audit_events::action.eq("answers.deleted"))
        .filter(audit_events::subject.eq(w.as_str()))
        .count()
        .get_result(&mut *app.conn())
        .expect("audit");
    assert_eq!(audited, 1);
    let again = deltag::retention::delete_expired_answers(&mut app.conn(), now()).expect("again");
    assert!(again.is_empty(), "answers are deleted once");
    assert_eq!(
        String::from_utf8(download(&app, "download", &topic, "md").await).expect("md"),
        md_after,
        "and the report stays as it is"
    );
}

async fn an_admin_keeps_the_answers_longer(backend: Backend) {
    let app = spawn_app(backend).await;
    let f = seed(&app);
    let w = f.s.workshop_id.clone();
    let closed = close(&app, &w, 85);
    app.login_as(Role::Admin).await;
    let res = app.post_form(&format!("/staff/workshops/{w}/retention"), &[("days", "90")]).await;
    assert_eq!(location(&res), format!("/staff/workshops/{w}?done=retention"));
    let later = Lang::Da.long_date((closed + chrono::Duration::days(180)).date());
    let page = app.get_html(&format!("/staff/workshops/{w}")).await;
    assert!(page.contains(&format!("De enkelte svar slettes {later}.")), "the date moved");
    let done = deltag::retention::delete_expired_answers(
        &mut app.conn(),
        now() + chrono::Duration::days(10),
    )
    .expect("delete");
    assert!(done.is_empty(), "not deleted when the old date passes");
    let res = app.post_form(&format!("/staff/workshops/{w}/retention"), &[("days", "7")]).await;
    assert_eq!(res.status().as_u16(), 400, "only the offered periods");
    let audited: Vec<String> = audit_events::table
        .filter(audit_events::action.eq("workshop.retention"))
        .select(audit_events::detail)
        .load(&mut *app.conn())
        .expect("audit");
    assert_eq!(audited, ["+90 days"]);
}

async fn withdrawal_takes_a_persons_quotes_and_counts_at_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let f = seed(&app);
    let phone = app.other_client();
    let q1 = phone.join_workshop(&f.s.code).await;
    phone.answer(&q1, &[("answer", "Mine ord om et hjem"), ("action", "save")]).await;
    phone.post_form(&format!("/j/{}/finish", f.s.code), &[]).await;
    let thanks = phone.get_html(&format!("/j/{}/tak", f.s.code)).await;
    let code = text_of(&thanks, ".withdrawal-code").expect("code");
    let answer: deltag::db::AnswerId = answers::table
        .filter(answers::value.eq("Mine ord om et hjem"))
        .select(answers::id)
        .first(&mut *app.conn())
        .expect("answer");
    let theme: deltag::db::ThemeId = deltag::db::schema::themes::table
        .filter(deltag::db::schema::themes::title.eq("DEN RETTE BOLIGLØSNING"))
        .select(deltag::db::schema::themes::id)
        .first(&mut *app.conn())
        .expect("theme");
    let mut conn = app.conn();
    deltag::themes::store::assign(&mut conn, &theme, std::slice::from_ref(&answer), None)
        .expect("assign");
    let quote = deltag::text::QuoteText::parse("Mine ord om et hjem").expect("text");
    let id = deltag::themes::store::create_quote(&mut conn, &answer, &quote, None)
        .expect("quote")
        .expect("answer");
    deltag::themes::store::set_quote_approved(&mut conn, &id, true, 1, None)
        .expect("approve")
        .expect("ok");
    drop(conn);
    app.login_as(Role::Facilitator).await;
    let topic = f.topic.to_string();
    let before = read_docx(&download(&app, "download", &topic, "docx").await);
    assert!(before.with_style("Quote").contains(&"»Mine ord om et hjem«"));
    assert!(before.text().contains("7 svar fra 7 deltagere"), "{}", before.text());

    let normal = deltag::participant::domain::normalise_withdrawal_code(&code).expect("code");
    assert!(deltag::participant::store::withdraw(&mut app.conn(), &normal).expect("withdraw"));
    let after = read_docx(&download(&app, "download", &topic, "docx").await);
    assert!(!after.with_style("Quote").contains(&"»Mine ord om et hjem«"), "their quote is gone");
    assert!(after.text().contains("6 svar fra 6 deltagere"), "and their answer is not counted");
    let left: i64 =
        quotes::table.filter(quotes::id.eq(&id)).count().get_result(&mut *app.conn()).expect("q");
    assert_eq!(left, 0);
}

on_both_backends!(
    deleting_answers_keeps_the_report_word_for_word,
    an_admin_keeps_the_answers_longer,
    withdrawal_takes_a_persons_quotes_and_counts_at_once,
);
