//! People, not lines: a participant is a person, flipchart notes are statements, a person a
//! facilitator speaks for stays one person, and a workshop records how many took part.

use deltag::auth::Role;
use deltag::db::schema::{answers, audit_events, participants, workshops};
use deltag::db::{Backend, TopicId, WorkshopId};
use deltag::survey::domain::{QuestionKind, WorkshopStatus};
use deltag::survey::store::{self, WorkshopFields};
use diesel::prelude::*;

use crate::helpers::{location, spawn_app, text_of, TestApp};
use crate::on_both_backends;
use crate::reports::{download, read_docx};
use crate::survey_helpers::{hidden, long_text, question, seed_workshop, title, Seeded};

/// `n` people answer the first question on their phones.
async fn phones_answer(app: &TestApp, code: &str, n: usize) {
    for i in 0..n {
        let phone = app.other_client();
        let q1 = phone.join_workshop(code).await;
        phone.answer(&q1, &[("answer", &format!("Svar nummer {i}")), ("action", "save")]).await;
    }
}

fn topic_of(app: &TestApp, w: &WorkshopId) -> TopicId {
    store::find_workshop(&mut app.conn(), w).expect("w").expect("w").topic_id
}

/// (people, statements) on the workshop page.
async fn workshop_counts(app: &TestApp, w: &WorkshopId) -> String {
    let page = app.get_html(&format!("/staff/workshops/{w}")).await;
    text_of(&page, ".summary").unwrap_or_default()
}

async fn pasting_notes_never_raises_the_people_count(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    phones_answer(&app, &s.code, 6).await;
    app.login_as(Role::Facilitator).await;
    assert!(workshop_counts(&app, &s.workshop_id)
        .await
        .contains("Svar fra 6 deltagere og 0 udsagn fra flipover"));

    let q1 = store::list_questions(&mut app.conn(), &s.workshop_id).expect("qs")[0].id.clone();
    let form = app.get_html(&format!("/staff/questions/{q1}/paste")).await;
    let key = hidden(&form, "submission_key");
    let notes = "- Ro\n• Lys om aftenen\n3. En nøgle\n\n4) Plads til hunden\nNaboer der hilser";
    let res = app
        .post_form(
            &format!("/staff/questions/{q1}/paste"),
            &[("submission_key", &key), ("notes", notes)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let again = app
        .post_form(
            &format!("/staff/questions/{q1}/paste"),
            &[("submission_key", &key), ("notes", notes)],
        )
        .await;
    assert_eq!(again.status().as_u16(), 303, "a resend is harmless");

    let counts = workshop_counts(&app, &s.workshop_id).await;
    assert!(counts.contains("Svar fra 6 deltagere og 5 udsagn fra flipover"), "{counts}");
    let statements: Vec<String> = answers::table
        .inner_join(participants::table)
        .filter(participants::source.eq("flipchart"))
        .order(answers::submission_key)
        .select(answers::value)
        .load(&mut *app.conn())
        .expect("statements");
    assert_eq!(
        statements,
        ["Ro", "Lys om aftenen", "En nøgle", "Plads til hunden", "Naboer der hilser"],
        "markers dropped, nothing twice"
    );
    let page = app.get_html(&format!("/staff/workshops/{}", s.workshop_id)).await;
    assert!(page.contains("Forslag: 6."), "the proposed attendance counts people only");
    assert!(
        text_of(&page, ".question-list")
            .unwrap_or_default()
            .contains("6 svar og 5 udsagn fra flipover"),
        "a question says what its answers are"
    );
    let topic = topic_of(&app, &s.workshop_id).to_string();
    let docx = read_docx(&download(&app, "download", &topic, "docx").await);
    assert!(docx.text().contains("6 deltagere"), "{}", docx.text());
    assert!(docx.text().contains("Fra flipover: 5 udsagn"));
    let board = app.get_html(&format!("/staff/topics/{topic}/board?view=all")).await;
    assert!(board.contains("Udsagn fra flipover"), "statements are labelled as such on the board");
}

async fn one_persons_assisted_answers_stay_together(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    app.login_as(Role::Facilitator).await;
    let w = &s.workshop_id;
    let assist = format!("/staff/workshops/{w}/assist");

    let page = app.get_html(&assist).await;
    assert!(text_of(&page, "#person").unwrap_or_default().contains("En ny deltager (Deltager 1)"));
    let key = hidden(&page, "submission_key");
    let res = app
        .post_form(
            &assist,
            &[
                ("submission_key", key.as_str()),
                ("person", "new"),
                ("entered_by", "read_aloud"),
                ("q1.answer", "Jeg vil bo tæt på min søster"),
            ],
        )
        .await;
    assert_eq!(location(&res), format!("/staff/workshops/{w}?done=assist"));

    let page = app.get_html(&format!("{assist}?person=1")).await;
    assert_eq!(text_of(&page, "h1").as_deref(), Some("Skriv svar ind for Deltager 1"));
    assert_eq!(
        text_of(&page, "#q1-answer").as_deref(),
        Some("Jeg vil bo tæt på min søster"),
        "their answers are there"
    );
    let key = hidden(&page, "submission_key");
    let res = app
        .post_form(
            &assist,
            &[
                ("submission_key", key.as_str()),
                ("person", "1"),
                ("entered_by", "scribe"),
                ("q1.answer", "Jeg vil bo tæt på min søster"),
                ("q2.answer", "Rolig"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let people: Vec<(Option<i32>, i64)> = participants::table
        .inner_join(answers::table)
        .filter(participants::workshop_id.eq(w))
        .group_by(participants::person_number)
        .select((participants::person_number, diesel::dsl::count_star()))
        .load(&mut *app.conn())
        .expect("people");
    assert_eq!(people, [(Some(1), 2)], "one person with both answers");

    // Something wrong comes back with everything typed kept.
    let page = app.get_html(&assist).await;
    let key = hidden(&page, "submission_key");
    let long = "x".repeat(5001);
    let res = app
        .post_form(
            &assist,
            &[
                ("submission_key", key.as_str()),
                ("person", "new"),
                ("entered_by", "scribe"),
                ("q1.answer", long.as_str()),
                ("q2.answer", "Behold mig"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap_or_default();
    assert_eq!(
        text_of(&page, "#q2-answer").as_deref(),
        Some("Behold mig"),
        "nothing typed is lost"
    );
    let res = app
        .post_form(
            &assist,
            &[
                ("submission_key", key.as_str()),
                ("person", "new"),
                ("entered_by", "scribe"),
                ("q2.answer", "Behold mig"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let numbers: Vec<Option<i32>> = participants::table
        .filter(participants::workshop_id.eq(w))
        .order(participants::person_number)
        .select(participants::person_number)
        .load(&mut *app.conn())
        .expect("numbers");
    assert_eq!(numbers, [Some(1), Some(2)]);
    assert_eq!(app.get(&format!("{assist}?person=9")).await.status().as_u16(), 404);
    assert_eq!(app.get(&format!("{assist}?person=x")).await.status().as_u16(), 400);
    assert!(workshop_counts(&app, w).await.contains("Svar fra 2 deltagere"));
}

async fn attendance_is_at_least_those_who_answered(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    phones_answer(&app, &s.code, 6).await;
    let me = app.login_as(Role::Facilitator).await;
    let w = &s.workshop_id;
    let path = format!("/staff/workshops/{w}/attendance");
    let attendance = |app: &TestApp| -> Option<i32> {
        workshops::table.find(w).select(workshops::attendance).first(&mut *app.conn()).expect("w")
    };
    for (typed, message) in [
        ("4", "Der er svar fra 6 personer. Skriv mindst 6."),
        ("tolv", "Skriv et tal, for eksempel 12"),
    ] {
        let res = app.post_form(&path, &[("people", typed)]).await;
        assert_eq!(res.status().as_u16(), 422, "{typed}");
        let page = res.text().await.unwrap_or_default();
        assert!(text_of(&page, ".error-summary").unwrap_or_default().contains(message), "{typed}");
        assert_eq!(hidden_value(&page, "people"), typed, "the typed value stays");
        assert_eq!(attendance(&app), None, "nothing changed");
    }
    let res = app.post_form(&path, &[("people", "12")]).await;
    assert_eq!(location(&res), format!("/staff/workshops/{w}?done=attendance"));
    assert_eq!(attendance(&app), Some(12));
    let detail: String = audit_events::table
        .filter(audit_events::user_id.eq(&me.id))
        .filter(audit_events::action.eq("workshop.attendance"))
        .select(audit_events::detail)
        .first(&mut *app.conn())
        .expect("audited");
    assert_eq!(detail, "12");
    assert!(workshop_counts(&app, w).await.contains("12 deltog"));
    let topic = topic_of(&app, w).to_string();
    let docx = read_docx(&download(&app, "download", &topic, "docx").await);
    assert!(docx.text().contains("Den rette boligløsning (–): 12 deltagere"), "{}", docx.text());
}

fn hidden_value(page: &str, name: &str) -> String {
    let doc = crate::helpers::html(page);
    let sel = scraper::Selector::parse(&format!("input[name={name}]")).expect("selector");
    doc.select(&sel).next().and_then(|e| e.value().attr("value")).unwrap_or_default().to_owned()
}

/// A second open workshop in the same topic.
fn sibling(app: &TestApp, topic: &TopicId, name: &str) -> Seeded {
    let mut conn = app.conn();
    let fields = WorkshopFields {
        title: title(name),
        intro: long_text("Vi fortsætter."),
        starts_at: None,
        location: None,
        retention_days: 90,
    };
    let w = store::create_workshop(&mut conn, topic, &fields).expect("workshop");
    store::add_question(
        &mut conn,
        &w,
        &question(QuestionKind::LongText, "Hvad drømmer du om?", "", false),
    )
    .expect("question");
    store::set_status(&mut conn, &w, WorkshopStatus::Open).expect("open");
    let code = store::find_workshop(&mut conn, &w).expect("w").expect("w").join_code;
    Seeded { workshop_id: w, code }
}

async fn a_topic_with_the_same_people_counts_them_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let first = seed_workshop(&app, WorkshopStatus::Open);
    let topic = topic_of(&app, &first.workshop_id);
    let second = sibling(&app, &topic, "Drømme om fremtidens støtte");
    app.login_as(Role::Facilitator).await;
    let res = app
        .post_form(
            &format!("/staff/topics/{topic}"),
            &[("title", "Fra bolig til hjem"), ("description", ""), ("same_people", "on")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    for (s, n) in [(&first, "12"), (&second, "10")] {
        phones_answer(&app, &s.code, 5).await;
        app.post_form(&format!("/staff/workshops/{}/attendance", s.workshop_id), &[("people", n)])
            .await;
    }
    let text = read_docx(&download(&app, "download", topic.as_str(), "docx").await).text();
    assert!(text.contains("12 deltagere, de samme på alle temaets workshops"), "{text}");
    assert!(
        text.contains("Den rette boligløsning (–): 12 deltagere")
            && text.contains("Drømme om fremtidens støtte (–): 10 deltagere")
    );

    // Deltager 1 of the first workshop is the same person in the second.
    for (s, answer, person) in [(&first, "Tæt på min søster", "new"), (&second, "Et job", "1")] {
        let assist = format!("/staff/workshops/{}/assist", s.workshop_id);
        let page = app.get_html(&assist).await;
        if person == "1" {
            assert!(
                text_of(&page, "#person")
                    .unwrap_or_default()
                    .contains("Deltager 1 (fra en anden workshop i temaet)"),
                "the other workshop's people can be picked"
            );
        }
        let key = hidden(&page, "submission_key");
        let res = app
            .post_form(
                &assist,
                &[
                    ("submission_key", key.as_str()),
                    ("person", person),
                    ("entered_by", "scribe"),
                    ("q1.answer", answer),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303);
    }
    let json: serde_json::Value =
        serde_json::from_slice(&download(&app, "data", topic.as_str(), "json").await)
            .expect("json");
    let person: Vec<&serde_json::Value> = json["respondents"]
        .as_array()
        .expect("respondents")
        .iter()
        .filter(|r| r["id"] == "Tema1-Person01")
        .collect();
    assert_eq!(person.len(), 1, "one row for the person across both workshops");
    assert_eq!(person[0]["workshops"], "Den rette boligløsning; Drømme om fremtidens støtte");

    // Different people add up.
    app.post_form(
        &format!("/staff/topics/{topic}"),
        &[("title", "Fra bolig til hjem"), ("description", "")],
    )
    .await;
    let text = read_docx(&download(&app, "download", topic.as_str(), "docx").await).text();
    assert!(text.contains("22 deltagere"), "{text}");
    let json: serde_json::Value =
        serde_json::from_slice(&download(&app, "data", topic.as_str(), "json").await)
            .expect("json");
    let ids: Vec<&str> = json["respondents"]
        .as_array()
        .expect("r")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert!(ids.contains(&"W1-Person01") && ids.contains(&"W2-Person01"), "{ids:?}");
}

on_both_backends!(
    pasting_notes_never_raises_the_people_count,
    one_persons_assisted_answers_stay_together,
    attendance_is_at_least_those_who_answered,
    a_topic_with_the_same_people_counts_them_once,
);
