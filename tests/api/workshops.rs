use deltag::auth::Role;
use deltag::db::schema::{answers, audit_events, participants, questions, workshops};
use deltag::db::Backend;
use deltag::survey::domain::WorkshopStatus;
use diesel::prelude::*;

use crate::helpers::{html, location, spawn_app, text_of};
use crate::on_both_backends;
use crate::survey_helpers::{hidden, seed_workshop};

async fn facilitators_build_and_open_a_workshop_with_plain_forms(backend: Backend) {
    let app = spawn_app(backend).await;
    app.login_as(Role::Facilitator).await;
    let res = app
        .post_form("/staff/tracks", &[("title", "Deltagelsessporet 2026"), ("year", "2026")])
        .await;
    assert_eq!(location(&res), "/staff");
    let bad = app.post_form("/staff/tracks", &[("title", ""), ("year", "tyve")]).await;
    assert_eq!(bad.status().as_u16(), 422);
    let page = bad.text().await.unwrap_or_default();
    assert_eq!(
        crate::helpers::html(&page)
            .select(&scraper::Selector::parse(".error-summary li").expect("sel"))
            .count(),
        2
    );

    let track: String = deltag::db::schema::tracks::table
        .select(deltag::db::schema::tracks::id)
        .first(&mut *app.conn())
        .expect("track");
    app.post_form(
        &format!("/staff/tracks/{track}/topics"),
        &[("title", "Fra bolig til hjem"), ("description", "")],
    )
    .await;
    let topic: String = deltag::db::schema::topics::table
        .select(deltag::db::schema::topics::id)
        .first(&mut *app.conn())
        .expect("topic");
    let res = app
        .post_form(
            &format!("/staff/topics/{topic}/workshops"),
            &[
                ("title", "Den rette boligløsning"),
                ("intro", "Velkommen."),
                ("date", "2026-03-14"),
                ("time", "10:00"),
                ("location", "København"),
                ("retention_days", "90"),
            ],
        )
        .await;
    let workshop_path = location(&res);
    assert!(workshop_path.starts_with("/staff/workshops/"));
    let workshop_id = workshop_path.trim_start_matches("/staff/workshops/").to_owned();

    // Opening without questions is refused with a notice.
    let res = app.post_form(&format!("{workshop_path}/status"), &[("to", "open")]).await;
    assert_eq!(location(&res), format!("{workshop_path}?done=no-questions"));

    for (kind, prompt, options) in [
        ("long_text", "Hvad er et hjem?", ""),
        ("single_choice", "Hvor bor du?", "Egen bolig\nHerberg"),
    ] {
        let res = app
            .post_form(
                &format!("{workshop_path}/questions"),
                &[("kind", kind), ("prompt", prompt), ("options", options), ("required", "on")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303, "{kind}");
    }
    let res = app
        .post_form(
            &format!("{workshop_path}/questions"),
            &[("kind", "single_choice"), ("prompt", "Kun én mulighed"), ("options", "Ja")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422, "a choice needs two options");
    let res = app
        .post_form(&format!("{workshop_path}/questions"), &[("kind", "essay"), ("prompt", "")])
        .await;
    assert_eq!(res.status().as_u16(), 422, "an unknown kind is refused, not read as another");
    let page = res.text().await.unwrap_or_default();
    assert!(
        text_of(&page, ".error-summary").unwrap_or_default().contains("Vælg en type spørgsmål"),
        "the error says what to do"
    );
    // Each field with an error names its message, so a screen reader reads it with the field.
    let doc = html(&page);
    for (field, message) in [("kind", "#kind-error"), ("prompt", "#prompt-error")] {
        let selector = scraper::Selector::parse(&format!("#{field}")).expect("selector");
        let element = doc.select(&selector).next().expect("the field");
        let described = element.value().attr("aria-describedby").unwrap_or_default();
        assert!(described.split(' ').any(|id| format!("#{id}") == message), "{field}: {described}");
        assert_eq!(element.value().attr("aria-invalid"), Some("true"), "{field}");
        assert!(text_of(&page, message).is_some(), "{message} is on the page");
    }

    let ids: Vec<String> = questions::table
        .filter(questions::workshop_id.eq(&workshop_id))
        .order(questions::position)
        .select(questions::id)
        .load(&mut *app.conn())
        .expect("qs");
    assert_eq!(ids.len(), 2);
    app.post_form(&format!("/staff/questions/{}/move", ids[1]), &[("direction", "up")]).await;
    let order: Vec<String> = questions::table
        .filter(questions::workshop_id.eq(&workshop_id))
        .order(questions::position)
        .select(questions::prompt)
        .load(&mut *app.conn())
        .expect("qs");
    assert_eq!(order, ["Hvor bor du?", "Hvad er et hjem?"]);

    let res = app.post_form(&format!("{workshop_path}/status"), &[("to", "open")]).await;
    assert_eq!(location(&res), format!("{workshop_path}?done=opened"));
    let page = app.get_html(&format!("{workshop_path}?done=opened")).await;
    assert!(
        text_of(&page, "main [role=status]")
            .unwrap_or_default()
            .contains("Deltagerne kan nu svare"),
        "the notice says what opening did"
    );
    let code: String = workshops::table
        .find(&workshop_id)
        .select(workshops::join_code)
        .first(&mut *app.conn())
        .expect("code");
    assert!(
        text_of(&page, "main").unwrap_or_default().contains(&format!(
            "{} {}",
            &code[..4],
            &code[4..]
        )),
        "the code is shown grouped"
    );

    // Once open, the wording may change but the kind and options stay.
    let res = app
        .post_form(
            &format!("/staff/questions/{}", ids[1]),
            &[
                ("kind", "scale"),
                ("prompt", "Hvor bor du lige nu?"),
                ("options", "Noget helt andet\nMere"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (kind, prompt, options): (String, String, String) = questions::table
        .find(&ids[1])
        .select((questions::kind, questions::prompt, questions::options))
        .first(&mut *app.conn())
        .expect("q");
    assert_eq!((kind.as_str(), prompt.as_str()), ("single_choice", "Hvor bor du lige nu?"));
    assert!(options.contains("Egen bolig") && !options.contains("Noget helt andet"));

    // The preview shows participant pages and posts nothing.
    let preview = app.get_html(&format!("{workshop_path}/preview?n=1")).await;
    assert_eq!(text_of(&preview, "h1").as_deref(), Some("Hvor bor du lige nu?"));
    assert!(!preview.contains(r#"method="post""#));
    // Poster and cards carry the QR code of the join URL in the page itself (a draft's code
    // is not answered publicly, and the printout needs no second request).
    let poster = app.get_html(&format!("{workshop_path}/poster")).await;
    let src = html(&poster)
        .select(&scraper::Selector::parse("img.poster-qr").expect("selector"))
        .next()
        .and_then(|img| img.value().attr("src").map(str::to_owned))
        .expect("poster QR image");
    let svg = src.strip_prefix("data:image/svg+xml;base64,").expect("a data URI");
    let svg =
        base64::Engine::decode(&base64::engine::general_purpose::STANDARD, svg).expect("base64");
    let decoded = crate::qr_decode::decode_qr_svg(&String::from_utf8_lossy(&svg)).expect("QR");
    assert!(decoded.ends_with(&format!("/j/{code}")), "{decoded}");
    let cards = app.get_html(&format!("{workshop_path}/cards")).await;
    assert_eq!(cards.matches(&src).count(), 8);
}

/// The id of a workshop's first question.
fn first_question(app: &crate::helpers::TestApp, workshop: &deltag::db::WorkshopId) -> String {
    questions::table
        .filter(questions::workshop_id.eq(workshop))
        .filter(questions::position.eq(1))
        .select(questions::id)
        .first(&mut *app.conn())
        .expect("q1")
}

async fn viewers_read_but_change_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    app.login_as(Role::Viewer).await;
    assert_eq!(
        app.get(&format!("/staff/workshops/{}", s.workshop_id)).await.status().as_u16(),
        200
    );
    assert_eq!(
        app.get(&format!("/staff/workshops/{}/answers", s.workshop_id)).await.status().as_u16(),
        200
    );
    for (path, fields) in [
        (format!("/staff/workshops/{}/status", s.workshop_id), vec![("to", "closed")]),
        ("/staff/tracks".to_owned(), vec![("title", "X"), ("year", "2025")]),
        (
            format!("/staff/workshops/{}/questions", s.workshop_id),
            vec![("kind", "long_text"), ("prompt", "X")],
        ),
    ] {
        assert_eq!(app.post_form(&path, &fields).await.status().as_u16(), 403, "{path}");
    }
    assert_eq!(
        app.get(&format!("/staff/workshops/{}/assist", s.workshop_id)).await.status().as_u16(),
        403
    );
    let status: String = workshops::table
        .find(&s.workshop_id)
        .select(workshops::status)
        .first(&mut *app.conn())
        .expect("status");
    assert_eq!(status, "open");
}

async fn facilitators_enter_answers_and_paste_flipchart_notes(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let me = app.login_as(Role::Facilitator).await;
    let page = app.get_html(&format!("/staff/workshops/{}/assist", s.workshop_id)).await;
    let key = hidden(&page, "submission_key");
    let form = [
        ("submission_key", key.as_str()),
        ("entered_by", "read_aloud"),
        ("q1.answer", "Hun sagde: et sted med ro"),
        ("q3.answer", "o2"),
        ("q4.choice", "o1"),
        ("q4.choice", "o2"),
        ("q5.answer", "2"),
    ];
    let res = app.post_form(&format!("/staff/workshops/{}/assist", s.workshop_id), &form).await;
    assert_eq!(location(&res), format!("/staff/workshops/{}?done=assist", s.workshop_id));
    // A resend stores nothing twice and gets the same answer.
    let again = app.post_form(&format!("/staff/workshops/{}/assist", s.workshop_id), &form).await;
    assert_eq!(location(&again), format!("/staff/workshops/{}?done=assist", s.workshop_id));
    let rows: Vec<(String, String, Option<String>)> = answers::table
        .select((answers::value, answers::entered_by, answers::entered_by_user_id))
        .load(&mut *app.conn())
        .expect("answers");
    assert_eq!(rows.len(), 4);
    assert!(rows
        .iter()
        .all(|(_, by, user)| by == "read_aloud" && user.as_deref() == Some(me.id.as_str())));

    let qid = first_question(&app, &s.workshop_id);
    let page = app.get_html(&format!("/staff/questions/{qid}/paste")).await;
    let key = hidden(&page, "submission_key");
    let notes =
        "Tryghed først\r\n\r\n  Sagsbehandler skifter hele tiden \nEn nøgle til min egen dør\n";
    let res = app
        .post_form(
            &format!("/staff/questions/{qid}/paste"),
            &[("submission_key", &key), ("notes", notes)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let again = app
        .post_form(
            &format!("/staff/questions/{qid}/paste"),
            &[("submission_key", &key), ("notes", notes)],
        )
        .await;
    assert_eq!(again.status().as_u16(), 303, "a resend of pasted notes is a replay");
    let pasted: Vec<String> = answers::table
        .inner_join(participants::table)
        .filter(participants::source.eq("flipchart"))
        .order(answers::submission_key)
        .select(answers::value)
        .load(&mut *app.conn())
        .expect("pasted");
    assert_eq!(
        pasted,
        ["Tryghed først", "Sagsbehandler skifter hele tiden", "En nøgle til min egen dør"]
    );
    let page = app.get_html(&format!("/staff/workshops/{}/answers", s.workshop_id)).await;
    assert!(page.contains("Sagt af deltageren, skrevet af facilitator"));
    assert!(page.contains("Læst op for deltageren, skrevet af facilitator"));
}

async fn closing_asks_first_and_says_what_closing_means(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    app.login_as(Role::Facilitator).await;
    let path = format!("/staff/workshops/{}/status", s.workshop_id);
    let status = || -> String {
        workshops::table
            .find(&s.workshop_id)
            .select(workshops::status)
            .first(&mut *app.conn())
            .expect("status")
    };
    let res = app.post_form(&path, &[("to", "closed")]).await;
    assert_eq!(res.status().as_u16(), 200, "asked, not done");
    let page = res.text().await.expect("body");
    let text = text_of(&page, "main").unwrap_or_default();
    assert!(text.contains("Luk workshoppen"), "{text}");
    assert!(text.contains("kan ikke længere svare med koden"), "{text}");
    assert!(text.contains("dage efter lukning"), "{text}");
    assert_eq!(hidden(&page, "confirm"), "1");
    assert_eq!(status(), "open");
    let res = app.post_form(&path, &[("to", "closed"), ("confirm", "1")]).await;
    assert_eq!(location(&res), format!("/staff/workshops/{}?done=closed", s.workshop_id));
    assert_eq!(status(), "closed");
    // Opening again needs no question.
    let res = app.post_form(&path, &[("to", "open")]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(status(), "open");
}

async fn entered_answers_are_corrected_or_deleted_with_a_reason(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let own = crate::themes::seed_answers(&app, &s);
    let me = app.login_as(Role::Facilitator).await;
    let qid = first_question(&app, &s.workshop_id);
    let page = app.get_html(&format!("/staff/questions/{qid}/paste")).await;
    let key = hidden(&page, "submission_key");
    let notes = "Tryghde først\nEn linje fra det forkerte ark";
    app.post_form(
        &format!("/staff/questions/{qid}/paste"),
        &[("submission_key", &key), ("notes", notes)],
    )
    .await;
    let pasted = |app: &crate::helpers::TestApp| -> Vec<(String, String)> {
        answers::table
            .inner_join(participants::table)
            .filter(participants::source.eq("flipchart"))
            .order(answers::submission_key)
            .select((answers::id, answers::value))
            .load(&mut *app.conn())
            .expect("pasted")
    };
    let rows = pasted(&app);
    let (typo, wrong) = (rows[0].0.clone(), rows[1].0.clone());

    // The answers page offers it for entered answers only; a participant's words are not.
    let page = app.get_html(&format!("/staff/workshops/{}/answers", s.workshop_id)).await;
    assert!(page.contains(&format!("/staff/answers/{typo}/correct")));
    assert!(!page.contains(&format!("/staff/answers/{}/correct", own[0])));
    assert_eq!(app.get(&format!("/staff/answers/{}/correct", own[0])).await.status().as_u16(), 404);
    let res = app
        .post_form(
            &format!("/staff/answers/{}/correct", own[0]),
            &[("value", "x"), ("reason", "y")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 404, "a participant's own words are never changed");

    // No reason: 422, nothing changed.
    let path = format!("/staff/answers/{typo}/correct");
    let res = app.post_form(&path, &[("value", "Tryghed først"), ("reason", " ")]).await;
    assert_eq!(res.status().as_u16(), 422);
    assert_eq!(pasted(&app)[0].1, "Tryghde først");
    let res = app
        .post_form(
            &path,
            &[("value", "Tryghed først"), ("reason", "Stavefejl da det blev skrevet ind")],
        )
        .await;
    assert_eq!(
        location(&res),
        format!("/staff/workshops/{}/answers?done=corrected", s.workshop_id)
    );
    assert_eq!(pasted(&app)[0].1, "Tryghed først");

    let res = app
        .post_form(
            &format!("/staff/answers/{wrong}/correct"),
            &[
                ("value", "whatever"),
                ("reason", "Hørte til et andet spørgsmål"),
                ("action", "delete"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(pasted(&app).len(), 1);
    let audit: Vec<(String, String, String)> = audit_events::table
        .filter(audit_events::user_id.eq(&me.id))
        .filter(audit_events::action.like("answer.%"))
        .order(audit_events::at)
        .select((audit_events::action, audit_events::subject, audit_events::detail))
        .load(&mut *app.conn())
        .expect("audit");
    assert_eq!(
        audit,
        [
            ("answer.correct".to_owned(), typo, "Stavefejl da det blev skrevet ind".to_owned()),
            ("answer.delete".to_owned(), wrong, "Hørte til et andet spørgsmål".to_owned()),
        ]
    );
}

on_both_backends!(
    entered_answers_are_corrected_or_deleted_with_a_reason,
    closing_asks_first_and_says_what_closing_means,
    facilitators_build_and_open_a_workshop_with_plain_forms,
    viewers_read_but_change_nothing,
    facilitators_enter_answers_and_paste_flipchart_notes,
);
