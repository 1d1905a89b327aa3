//! Quotes: proposed from an answer, edited to leave people out, approved before they leave the
//! board; a text that looks like it holds personal data needs a reason to be approved.

use deltag::auth::Role;
use deltag::db::schema::{answers, audit_events, quotes};
use deltag::db::Backend;
use deltag::survey::domain::WorkshopStatus;
use diesel::prelude::*;

use crate::helpers::{location, spawn_app, text_of, TestApp};
use crate::on_both_backends;
use crate::survey_helpers::seed_workshop;
use crate::themes::{seed_answers, topic_of, TEXTS};

async fn quotes_are_redacted_and_only_approved_ones_leave(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let a = seed_answers(&app, &s);
    let topic = topic_of(&app, &s);
    app.login_as(Role::Facilitator).await;

    let form = app.get_html(&format!("/staff/answers/{}/quote", a[6])).await;
    assert!(
        text_of(&form, "blockquote").unwrap_or_default().contains("22 33 44 55"),
        "the original is visible to facilitators"
    );
    let res = app
        .post_form(
            &format!("/staff/answers/{}/quote", a[6]),
            &[("text", "Ring til mig, hvis I vil høre mere")],
        )
        .await;
    assert_eq!(location(&res), format!("/staff/topics/{topic}/quotes?done=quote"));
    app.post_form(&format!("/staff/answers/{}/quote", a[0]), &[("text", TEXTS[0])]).await;
    let rows: Vec<(String, String, String)> = quotes::table
        .order(quotes::created_at)
        .select((quotes::id, quotes::text, quotes::status))
        .load(&mut *app.conn())
        .expect("quotes");
    assert_eq!((rows[0].2.as_str(), rows[1].2.as_str()), ("redacted", "draft"));
    let original: String =
        answers::table.find(&a[6]).select(answers::value).first(&mut *app.conn()).expect("answer");
    assert_eq!(original, TEXTS[6], "the answer itself never changes");

    assert!(deltag::themes::store::approved_quotes(&mut app.conn(), &topic)
        .expect("approved")
        .is_empty());
    app.post_form(
        &format!("/staff/quotes/{}/approve", rows[0].0),
        &[("approved", "1"), ("version", "1")],
    )
    .await;
    let approved =
        deltag::themes::store::approved_quotes(&mut app.conn(), &topic).expect("approved");
    assert_eq!(
        approved.iter().map(|q| q.text.as_str()).collect::<Vec<_>>(),
        ["Ring til mig, hvis I vil høre mere"]
    );
    // Editing an approved quote takes the approval back.
    app.post_form(
        &format!("/staff/quotes/{}", rows[0].0),
        &[("text", "Ring, hvis I vil høre mere"), ("version", "2")],
    )
    .await;
    assert!(deltag::themes::store::approved_quotes(&mut app.conn(), &topic)
        .expect("approved")
        .is_empty());
    // A stale version is a conflict, not an overwrite.
    let res = app
        .post_form(
            &format!("/staff/quotes/{}/approve", rows[0].0),
            &[("approved", "1"), ("version", "2")],
        )
        .await;
    assert_eq!(location(&res), format!("/staff/topics/{topic}/quotes?done=conflict"));
    let page = app.get_html(&format!("/staff/topics/{topic}/quotes")).await;
    assert!(page.contains("Vis det oprindelige svar"));
}

async fn a_flagged_quote_is_approved_only_with_a_reason(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let a = seed_answers(&app, &s);
    let topic = topic_of(&app, &s);
    app.login_as(Role::Facilitator).await;
    // The quote form shows what the answer seems to hold.
    let form = app.get_html(&format!("/staff/answers/{}/quote", a[7])).await;
    assert!(form.contains("badge-pii"), "the e-mail is flagged on the quote form");
    app.post_form(&format!("/staff/answers/{}/quote", a[7]), &[("text", TEXTS[7])]).await;
    let id: String = quotes::table.select(quotes::id).first(&mut *app.conn()).expect("quote");
    let state = |app: &TestApp| -> (String, i32, Option<String>) {
        quotes::table
            .find(&id)
            .select((quotes::status, quotes::version, quotes::safe_reason))
            .first(&mut *app.conn())
            .expect("quote")
    };
    let list = app.get_html(&format!("/staff/topics/{topic}/quotes")).await;
    assert!(
        list.contains("badge-pii") && list.contains("name=\"safe_reason\""),
        "flag and reason field"
    );

    // Without a reason: 422, the field named in an error summary, nothing changed.
    let res = app
        .post_form(&format!("/staff/quotes/{id}/approve"), &[("approved", "1"), ("version", "1")])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.expect("body");
    let doc = crate::helpers::html(&page);
    let link = scraper::Selector::parse(".error-summary a").expect("selector");
    let href = doc.select(&link).next().and_then(|a| a.value().attr("href")).unwrap_or_default();
    assert_eq!(href, format!("#why-{id}"));
    assert!(page.contains("personoplysninger (e-mailadresse)"), "says what was found");
    assert_eq!(state(&app), ("draft".to_owned(), 1, None));
    let blank = [("approved", "1"), ("version", "1"), ("safe_reason", "   ")];
    let res = app.post_form(&format!("/staff/quotes/{id}/approve"), &blank).await;
    assert_eq!(res.status().as_u16(), 422, "blank is no reason");

    // With a reason: approved, the reason kept, shown and audited.
    let why = "Adressen er opdigtet; den findes ikke";
    let res = app
        .post_form(
            &format!("/staff/quotes/{id}/approve"),
            &[("approved", "1"), ("version", "1"), ("safe_reason", why)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(state(&app), ("approved".to_owned(), 2, Some(why.to_owned())));
    let list = app.get_html(&format!("/staff/topics/{topic}/quotes")).await;
    assert!(list.contains(why));
    let audited: i64 = audit_events::table
        .filter(audit_events::action.eq("quote.approve"))
        .filter(audit_events::detail.eq(why))
        .count()
        .get_result(&mut *app.conn())
        .expect("audit");
    assert_eq!(audited, 1);
    // A new text needs its own reason: editing clears it and takes the approval back.
    app.post_form(&format!("/staff/quotes/{id}"), &[("text", "Skriv til mig"), ("version", "2")])
        .await;
    assert_eq!(state(&app), ("redacted".to_owned(), 3, None));
    // Redacted so nothing is flagged any more: approved without a reason.
    let res = app
        .post_form(&format!("/staff/quotes/{id}/approve"), &[("approved", "1"), ("version", "3")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(state(&app), ("approved".to_owned(), 4, None));
}

on_both_backends!(
    quotes_are_redacted_and_only_approved_ones_leave,
    a_flagged_quote_is_approved_only_with_a_reason,
);
