//! The builder's time savers: "Kopiér workshop" and the overview's counts.

use deltag::auth::Role;
use deltag::db::schema::{answers, participants, questions, translations, workshops};
use deltag::db::Backend;
use deltag::survey::domain::WorkshopStatus;
use diesel::prelude::*;

use crate::helpers::{location, spawn_app, text_of, TestApp};
use crate::on_both_backends;
use crate::survey_helpers::seed_workshop;

/// (position, kind, prompt, options, allow_other, required) of a workshop's questions.
type Shape = (i32, String, String, String, bool, bool);

fn shape(app: &TestApp, workshop: &str) -> Vec<Shape> {
    questions::table
        .filter(questions::workshop_id.eq(workshop))
        .order(questions::position)
        .select((
            questions::position,
            questions::kind,
            questions::prompt,
            questions::options,
            questions::allow_other,
            questions::required,
        ))
        .load(&mut *app.conn())
        .expect("questions")
}

fn translate(app: &TestApp, workshop: &str, subject: &str, field: &str, text: &str) {
    diesel::insert_into(translations::table)
        .values((
            translations::subject_id.eq(subject),
            translations::workshop_id.eq(workshop),
            translations::lang.eq("en"),
            translations::field.eq(field),
            translations::text.eq(text),
            translations::updated_at.eq(deltag::db::now()),
        ))
        .execute(&mut *app.conn())
        .expect("translation");
}

async fn copying_a_workshop_makes_a_draft_with_its_questions_and_no_answers(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    crate::themes::seed_answers(&app, &s);
    let source = s.workshop_id.to_string();
    let first: String = questions::table
        .filter(questions::workshop_id.eq(&source))
        .filter(questions::position.eq(1))
        .select(questions::id)
        .first(&mut *app.conn())
        .expect("q1");
    translate(&app, &source, &source, "title", "The right housing");
    translate(&app, &source, &source, "intro", "We talk about housing.");
    translate(&app, &source, &first, "prompt", "What makes a home?");
    app.login_as(Role::Facilitator).await;

    let res = app.post_form(&format!("/staff/workshops/{source}/copy"), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    let to = location(&res);
    let copy = to
        .strip_prefix("/staff/workshops/")
        .and_then(|rest| rest.strip_suffix("?done=copied"))
        .expect("the copy's page")
        .to_owned();
    assert_ne!(copy, source);
    let row: (String, String, String, String, i32, Option<chrono::NaiveDateTime>) =
        workshops::table
            .find(&copy)
            .select((
                workshops::title,
                workshops::status,
                workshops::topic_id,
                workshops::join_code,
                workshops::retention_days,
                workshops::starts_at,
            ))
            .first(&mut *app.conn())
            .expect("copy");
    assert_eq!(row.0, "Kopi af Den rette boligløsning");
    assert_eq!(row.1, "draft");
    let (topic, code): (String, String) = workshops::table
        .find(&source)
        .select((workshops::topic_id, workshops::join_code))
        .first(&mut *app.conn())
        .expect("source");
    assert_eq!(row.2, topic, "the same topic");
    assert_ne!(row.3, code, "its own code");
    assert_eq!((row.4, row.5), (90, None));
    assert_eq!(shape(&app, &copy), shape(&app, &source), "the same questions, in order");
    assert_eq!(shape(&app, &copy).len(), 6);
    let answers_in_copy: i64 = answers::table
        .inner_join(questions::table)
        .filter(questions::workshop_id.eq(&copy))
        .count()
        .get_result(&mut *app.conn())
        .expect("answers");
    let people_in_copy: i64 = participants::table
        .filter(participants::workshop_id.eq(&copy))
        .count()
        .get_result(&mut *app.conn())
        .expect("people");
    assert_eq!((answers_in_copy, people_in_copy), (0, 0));
    let copied_first: String = questions::table
        .filter(questions::workshop_id.eq(&copy))
        .filter(questions::position.eq(1))
        .select(questions::id)
        .first(&mut *app.conn())
        .expect("q1 of the copy");
    let mut texts: Vec<(String, String, String)> = translations::table
        .filter(translations::workshop_id.eq(&copy))
        .select((translations::subject_id, translations::field, translations::text))
        .load(&mut *app.conn())
        .expect("translations");
    texts.sort();
    let mut expected = vec![
        (copy.clone(), "intro".to_owned(), "We talk about housing.".to_owned()),
        (copied_first, "prompt".to_owned(), "What makes a home?".to_owned()),
    ];
    expected.sort();
    assert_eq!(texts, expected, "translations follow; the old title's does not");

    let page = app.get_html(&to).await;
    let main = text_of(&page, "main").unwrap_or_default();
    assert!(main.contains("Workshoppen er kopieret"), "{main}");
    // The original is as it was.
    assert_eq!(shape(&app, &source).len(), 6);
    let res = app.post_form("/staff/workshops/no-such-workshop/copy", &[]).await;
    assert_eq!(res.status().as_u16(), 404);
}

async fn the_overview_counts_people_and_answers_per_workshop(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    crate::themes::seed_answers(&app, &s);
    app.login_as(Role::Facilitator).await;
    let page = app.get_html("/staff").await;
    let main = text_of(&page, "main").unwrap_or_default();
    assert!(main.contains("8 personer · 8 svar."), "{main}");
    assert!(main.contains("De enkelte svar slettes 90 dage efter"), "{main}");
}

on_both_backends!(
    copying_a_workshop_makes_a_draft_with_its_questions_and_no_answers,
    the_overview_counts_people_and_answers_per_workshop,
);
