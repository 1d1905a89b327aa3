use deltag::db::schema::{answer_submissions, answers, participants};
use deltag::db::{now, Backend};
use deltag::survey::domain::WorkshopStatus;
use diesel::prelude::*;

use crate::helpers::{location, spawn_app, text_of, TestApp};
use crate::on_both_backends;
use crate::survey_helpers::{hidden, seed_workshop};

fn answer_rows(app: &TestApp) -> Vec<(String, bool, String)> {
    answers::table
        .order(answers::created_at)
        .select((answers::value, answers::declined, answers::entered_by))
        .load(&mut *app.conn())
        .expect("answers")
}

async fn the_whole_journey_saves_each_answer_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let start = app.get_html(&format!("/j/{}", s.code)).await;
    assert_eq!(text_of(&start, "h1").as_deref(), Some("Den rette boligløsning"));
    assert!(text_of(&start, "main").unwrap_or_default().contains("Du er anonym"));
    assert_eq!(text_of(&start, "main form button").as_deref(), Some("Ja, jeg vil gerne være med"));
    // The only script is the optional "Læs op" button; the browser suite runs the whole journey
    // with JavaScript off.
    let scripts: Vec<_> = crate::helpers::html(&start)
        .select(&scraper::Selector::parse("script").expect("selector"))
        .map(|s| s.value().attr("src").unwrap_or("inline").to_owned())
        .collect();
    assert_eq!(scripts.len(), 1, "one script: {scripts:?}");
    assert!(scripts[0].starts_with("/static/speak."), "only read-aloud: {scripts:?}");

    let first = app.join_workshop(&s.code).await;
    assert_eq!(first, format!("/j/{}/q/1", s.code));
    let page = app.get_html(&first).await;
    assert_eq!(text_of(&page, "h1").as_deref(), Some("Hvad gør en bolig til et hjem?"));
    assert_eq!(text_of(&page, ".caption").as_deref(), Some("Spørgsmål 1 af 6"));
    assert_eq!(text_of(&page, "a.back-link").as_deref(), Some("Tilbage"));

    // Required and empty: 422 with an error summary and "Fejl: " in the title.
    let res = app.answer(&first, &[("answer", "   "), ("action", "save")]).await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap_or_default();
    assert!(text_of(&page, "title").unwrap_or_default().starts_with("Fejl: "));
    assert_eq!(
        text_of(&page, ".error-summary a").as_deref(),
        Some("Skriv et svar, eller tryk på Vil ikke svare")
    );

    let steps: [(&[(&str, &str)], &str); 6] = [
        (
            &[
                ("answer", "Ro, og en dør jeg kan låse. <script>alert(1)</script>"),
                ("action", "save"),
            ],
            "/q/2",
        ),
        (&[("action", "decline")], "/q/3"),
        (&[("answer", "other"), ("other", "I en bil"), ("action", "save")], "/q/4"),
        (&[("choice", "o1"), ("choice", "o3"), ("action", "save")], "/q/5"),
        (&[("answer", "4"), ("action", "save")], "/q/6"),
        (&[("answer", "dont_know"), ("action", "save")], "/check"),
    ];
    for (i, (fields, next)) in steps.iter().enumerate() {
        let res = app.answer(&format!("/j/{}/q/{}", s.code, i + 1), fields).await;
        assert_eq!(res.status().as_u16(), 303, "question {}", i + 1);
        assert_eq!(location(&res), format!("/j/{}{next}", s.code));
    }
    let check = app.get_html(&format!("/j/{}/check", s.code)).await;
    let values: Vec<String> = crate::helpers::html(&check)
        .select(&scraper::Selector::parse(".summary-value").expect("sel"))
        .map(|e| e.text().collect::<String>())
        .collect();
    assert_eq!(
        values,
        [
            "Ro, og en dør jeg kan låse. <script>alert(1)</script>",
            "Vil ikke svare",
            "Andet: I en bil",
            "Familie, Sagsbehandler",
            "4 – Godt",
            "Ved ikke",
        ]
    );
    assert!(
        check.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "HTML in answers is shown as text"
    );

    let res = app.post_form(&format!("/j/{}/finish", s.code), &[]).await;
    assert_eq!(location(&res), format!("/j/{}/tak", s.code));
    let thanks = app.get_html(&format!("/j/{}/tak", s.code)).await;
    let code = text_of(&thanks, ".withdrawal-code").expect("withdrawal code");
    assert_eq!(code.len(), 9);
    let again = app.get_html(&format!("/j/{}/tak", s.code)).await;
    assert_eq!(text_of(&again, ".withdrawal-code"), Some(code.clone()), "the same code on reload");

    let rows = answer_rows(&app);
    assert_eq!(rows.len(), 6);
    assert!(rows.iter().all(|(_, _, by)| by == "self"));
    assert_eq!(
        rows[0].0, "Ro, og en dør jeg kan låse. <script>alert(1)</script>",
        "stored literally"
    );
    assert_eq!((rows[1].0.as_str(), rows[1].1), ("", true));
    assert_eq!(rows[2].0, r#"{"choices":[],"other":"I en bil"}"#);
    let (finished, hash): (Option<chrono::NaiveDateTime>, Option<String>) = participants::table
        .select((participants::finished_at, participants::withdrawal_code_hash))
        .first(&mut *app.conn())
        .expect("participant");
    assert!(finished.is_some() && hash.is_some_and(|h| h.len() == 64 && !h.contains(&code)));
}

async fn double_taps_and_resends_never_duplicate(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let q1 = app.join_workshop(&s.code).await;
    let page = app.get_html(&q1).await;
    let (key, qid) = (hidden(&page, "submission_key"), hidden(&page, "question_id"));
    let token = app.csrf_token().await;
    let form = [
        ("answer", "Første gang"),
        ("action", "save"),
        ("submission_key", key.as_str()),
        ("question_id", qid.as_str()),
        ("csrf_token", token.as_str()),
    ];

    // 20 identical posts at once: one row, every one answered with the same redirect.
    let posts = (0..20).map(|_| app.client.post(app.url(&q1)).form(&form).send());
    let results = futures_util::future::join_all(posts).await;
    for res in results {
        let res = res.expect("post");
        assert_eq!(res.status().as_u16(), 303);
        assert_eq!(location(&res), format!("/j/{}/q/2", s.code));
    }
    assert_eq!(answer_rows(&app).len(), 1);
    let keys: i64 = answer_submissions::table.count().get_result(&mut *app.conn()).expect("count");
    assert_eq!(keys, 1);

    // Changing the answer later, then a late resend of the first form: the change stays.
    let res = app.answer(&q1, &[("answer", "Anden gang"), ("action", "save")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let late = app.client.post(app.url(&q1)).form(&form).send().await.expect("post");
    assert_eq!(late.status().as_u16(), 303);
    let rows = answer_rows(&app);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, "Anden gang");
    let page = app.get_html(&q1).await;
    assert_eq!(
        text_of(&page, "textarea").as_deref(),
        Some("Anden gang"),
        "the saved answer is shown for change"
    );

    // The same key for another question is refused.
    let page2 = app.get_html(&format!("/j/{}/q/2", s.code)).await;
    let qid2 = hidden(&page2, "question_id");
    let reuse = [
        ("answer", "x"),
        ("action", "save"),
        ("submission_key", key.as_str()),
        ("question_id", qid2.as_str()),
        ("csrf_token", token.as_str()),
    ];
    let res = app
        .client
        .post(app.url(&format!("/j/{}/q/2", s.code)))
        .form(&reuse)
        .send()
        .await
        .expect("post");
    assert_eq!(res.status().as_u16(), 400);
    assert_eq!(answer_rows(&app).len(), 1);
}

async fn coming_back_resumes_where_they_left_off(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let q1 = app.join_workshop(&s.code).await;
    app.answer(&q1, &[("answer", "Et svar"), ("action", "save")]).await;
    app.answer(&format!("/j/{}/q/2", s.code), &[("answer", "Hjem"), ("action", "save")]).await;
    let start = app.get_html(&format!("/j/{}", s.code)).await;
    let doc = crate::helpers::html(&start);
    let resume = doc
        .select(&scraper::Selector::parse("a.button").expect("sel"))
        .next()
        .expect("resume link");
    assert_eq!(resume.value().attr("href"), Some(format!("/j/{}/q/3", s.code).as_str()));
    assert!(!start.contains("start_token"), "no second consent form");
    // Another phone starts fresh.
    let other = app.other_client();
    let page = other.get_html(&format!("/j/{}", s.code)).await;
    assert!(page.contains("start_token"));
    assert_eq!(
        other.get(&format!("/j/{}/q/1", s.code)).await.status().as_u16(),
        303,
        "questions need consent first"
    );
}

async fn a_withdrawal_code_deletes_every_answer(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let q1 = app.join_workshop(&s.code).await;
    app.answer(&q1, &[("answer", "Slet mig igen"), ("action", "save")]).await;
    app.post_form(&format!("/j/{}/finish", s.code), &[]).await;
    let thanks = app.get_html(&format!("/j/{}/tak", s.code)).await;
    let code = text_of(&thanks, ".withdrawal-code").expect("code");

    let someone_else = app.other_client();
    let q = someone_else.join_workshop(&s.code).await;
    someone_else.answer(&q, &[("answer", "Bliv her"), ("action", "save")]).await;

    let res = app.post_form("/trak-tilbage", &[("code", "ZZZZ-ZZZZ")]).await;
    assert_eq!(res.status().as_u16(), 422);
    // The code as typed is found and the page asks once; nothing is deleted yet.
    let typed = code.to_lowercase().replace('-', " ");
    let res = app.post_form("/trak-tilbage", &[("code", &typed)]).await;
    assert_eq!(res.status().as_u16(), 200);
    let ask = res.text().await.unwrap_or_default();
    assert_eq!(text_of(&ask, "h1").as_deref(), Some("Vil du slette dine svar?"));
    assert_eq!(answer_rows(&app).len(), 2);
    let res = app.post_form("/trak-tilbage", &[("code", &typed), ("confirm", "yes")]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/trak-tilbage/slettet");
    let rows = answer_rows(&app);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, "Bliv her");
    let n: i64 = participants::table.count().get_result(&mut *app.conn()).expect("count");
    assert_eq!(n, 1);
}

async fn closed_unknown_and_draft_workshops_get_friendly_pages(backend: Backend) {
    let app = spawn_app(backend).await;
    let open = seed_workshop(&app, WorkshopStatus::Open);
    let q1 = app.join_workshop(&open.code).await;
    let page = app.get_html(&q1).await;
    deltag::survey::store::set_status(&mut app.conn(), &open.workshop_id, WorkshopStatus::Closed)
        .expect("close");
    let res = app.get(&format!("/j/{}", open.code)).await;
    assert_eq!(res.status().as_u16(), 410);
    assert!(
        text_of(&res.text().await.unwrap_or_default(), ".error-summary")
            .is_some_and(|t| t.contains("Den workshop er lukket")),
        "the code form says the workshop is closed"
    );
    let token = app.csrf_token().await;
    let form = [
        ("answer", "for sent"),
        ("action", "save"),
        ("submission_key", &hidden(&page, "submission_key")),
        ("question_id", &hidden(&page, "question_id")),
        ("csrf_token", &token),
    ];
    let res = app.client.post(app.url(&q1)).form(&form).send().await.expect("post");
    assert_eq!(res.status().as_u16(), 410);
    assert!(answer_rows(&app).is_empty());

    assert_eq!(app.get("/j/00000000").await.status().as_u16(), 404);
    let draft = seed_workshop(&app, WorkshopStatus::Draft);
    assert_eq!(app.get(&format!("/j/{}", draft.code)).await.status().as_u16(), 404);
    // The front page's form leads to the same place, and explains a malformed code.
    let other = seed_workshop(&app, WorkshopStatus::Open);
    let typed = format!("{}+{}", &other.code[..4], &other.code[4..]);
    let res = app.get(&format!("/j?code={typed}")).await;
    assert_eq!(location(&res), format!("/j/{}", other.code));
    let res = app.get("/j?code=12ab").await;
    assert_eq!(res.status().as_u16(), 422);
}

async fn bad_answers_get_a_clear_4xx_and_store_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let other = seed_workshop(&app, WorkshopStatus::Open);
    let q1 = app.join_workshop(&s.code).await;
    let page = app.get_html(&q1).await;
    let key = hidden(&page, "submission_key");
    let qid = hidden(&page, "question_id");
    let token = app.csrf_token().await;
    let post = |fields: Vec<(&'static str, String)>| {
        let mut all = fields;
        all.push(("csrf_token", token.clone()));
        app.client.post(app.url(&q1)).form(&all).send()
    };
    let too_long = "ø".repeat(5001);
    let res = post(vec![
        ("answer", too_long),
        ("action", "save".into()),
        ("submission_key", key.clone()),
        ("question_id", qid.clone()),
    ])
    .await
    .expect("post");
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap_or_default();
    assert_eq!(
        text_of(&page, ".error-summary a").as_deref(),
        Some("Dit svar er for langt. Skriv højst 5.000 tegn")
    );
    assert_eq!(
        text_of(&page, "textarea").map(|t| t.chars().count()),
        Some(5001),
        "the text is kept for editing"
    );

    let res = post(vec![
        ("answer", "nul\u{0}tegn".into()),
        ("action", "save".into()),
        ("submission_key", key.clone()),
        ("question_id", qid.clone()),
    ])
    .await
    .expect("post");
    assert_eq!(res.status().as_u16(), 422);

    let other_page = {
        let c = app.other_client();
        let path = c.join_workshop(&other.code).await;
        c.get_html(&path).await
    };
    let foreign = hidden(&other_page, "question_id");
    let res = post(vec![
        ("answer", "x".into()),
        ("action", "save".into()),
        ("submission_key", key.clone()),
        ("question_id", foreign),
    ])
    .await
    .expect("post");
    assert_eq!(res.status().as_u16(), 400, "a question of another workshop");

    let res =
        post(vec![("answer", "x".into()), ("action", "save".into()), ("question_id", qid.clone())])
            .await
            .expect("post");
    assert_eq!(res.status().as_u16(), 400, "no submission key");

    let page3 = app.get_html(&format!("/j/{}/q/3", s.code)).await;
    let res = app
        .client
        .post(app.url(&format!("/j/{}/q/3", s.code)))
        .form(&[
            ("answer", "o99"),
            ("action", "save"),
            ("submission_key", &hidden(&page3, "submission_key")),
            ("question_id", &hidden(&page3, "question_id")),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(res.status().as_u16(), 400, "an option that does not exist");

    let mut body =
        format!("csrf_token={token}&submission_key={key}&question_id={qid}&action=save&answer=")
            .into_bytes();
    body.extend_from_slice(b"%C3%28");
    let res = app
        .client
        .post(app.url(&q1))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .expect("post");
    assert_eq!(res.status().as_u16(), 400, "invalid UTF-8");
    assert!(answer_rows(&app).is_empty(), "nothing was stored");
}

async fn the_qr_code_encodes_the_join_url(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let res = app.get(&format!("/j/{}/qr.svg", s.code)).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["content-type"], "image/svg+xml");
    let svg = res.text().await.unwrap_or_default();
    let decoded = crate::qr_decode::decode_qr_svg(&svg).expect("a readable QR code");
    assert_eq!(decoded, format!("{}/j/{}", app.address, s.code));
    assert_eq!(app.get("/j/00000000/qr.svg").await.status().as_u16(), 404);
}

async fn clearing_a_shared_phone_starts_the_next_person_fresh(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let q1 = app.join_workshop(&s.code).await;
    app.answer(&q1, &[("answer", "Mit svar"), ("action", "save")]).await;
    let res = app.post_form(&format!("/j/{}/clear", s.code), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), format!("/j/{}?done=cleared", s.code));
    assert_eq!(res.headers()["clear-site-data"], "\"cookies\", \"storage\"");
    let cookie = res.headers()["set-cookie"].to_str().unwrap_or_default().to_owned();
    assert!(cookie.starts_with("deltag_p=;") && cookie.contains("Max-Age=0"), "{cookie}");
    let start = app.get_html(&format!("/j/{}", s.code)).await;
    assert!(start.contains("start_token"), "the next person is asked for consent");
    assert_eq!(answer_rows(&app).len(), 1, "the answer stays saved");
}

on_both_backends!(
    the_whole_journey_saves_each_answer_once,
    double_taps_and_resends_never_duplicate,
    coming_back_resumes_where_they_left_off,
    a_withdrawal_code_deletes_every_answer,
    closed_unknown_and_draft_workshops_get_friendly_pages,
    bad_answers_get_a_clear_4xx_and_store_nothing,
    the_qr_code_encodes_the_join_url,
    clearing_a_shared_phone_starts_the_next_person_fresh,
);

async fn answers_are_deleted_when_the_retention_period_ends(backend: Backend) {
    use deltag::db::schema::workshops;
    let app = spawn_app(backend).await;
    let kept = seed_workshop(&app, WorkshopStatus::Open);
    let expired = seed_workshop(&app, WorkshopStatus::Open);
    for s in [&kept, &expired] {
        let c = app.other_client();
        let q1 = c.join_workshop(&s.code).await;
        c.answer(&q1, &[("answer", "Et svar"), ("action", "save")]).await;
    }
    for s in [&kept, &expired] {
        deltag::survey::store::set_status(&mut app.conn(), &s.workshop_id, WorkshopStatus::Closed)
            .expect("close");
    }
    // One closed 91 days ago (retention 90), the other yesterday.
    diesel::update(workshops::table.find(&expired.workshop_id))
        .set(workshops::closed_at.eq(Some(now() - chrono::Duration::days(91))))
        .execute(&mut *app.conn())
        .expect("age");
    let done = deltag::retention::delete_expired_answers(&mut app.conn(), now()).expect("purge");
    assert_eq!(done, vec![expired.workshop_id.clone()]);
    let left: Vec<deltag::db::WorkshopId> =
        participants::table.select(participants::workshop_id).load(&mut *app.conn()).expect("left");
    assert_eq!(left, vec![kept.workshop_id.clone()]);
    assert_eq!(answer_rows(&app).len(), 1);
    let again = deltag::retention::delete_expired_answers(&mut app.conn(), now()).expect("again");
    assert!(again.is_empty(), "a workshop's answers are deleted once");
}

on_both_backends!(answers_are_deleted_when_the_retention_period_ends);

/// The answers page says how far the phones have come and counts closed questions per option
/// (people, not cards); "Andet" words and free text stay readable as cards.
async fn the_answers_page_shows_progress_and_tallies(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    // Phone 1 finishes; phone 2 is answering; phone 3 opened but has not answered yet.
    let one = app.other_client();
    let q1 = one.join_workshop(&s.code).await;
    one.answer(&q1, &[("answer", "Ro og en dør jeg kan låse"), ("action", "save")]).await;
    let code = &s.code;
    one.answer(
        &format!("/j/{code}/q/3"),
        &[("answer", "other"), ("other", "I en bil"), ("action", "save")],
    )
    .await;
    one.answer(&format!("/j/{code}/q/6"), &[("answer", "yes"), ("action", "save")]).await;
    assert_eq!(one.post_form(&format!("/j/{code}/finish"), &[]).await.status().as_u16(), 303);
    let two = app.other_client();
    two.join_workshop(code).await;
    two.answer(&format!("/j/{code}/q/3"), &[("answer", "o2"), ("action", "save")]).await;
    two.answer(&format!("/j/{code}/q/6"), &[("answer", "yes"), ("action", "save")]).await;
    let three = app.other_client();
    three.join_workshop(code).await;

    app.login_as(deltag::auth::domain::Role::Facilitator).await;
    let answers_page = format!("/staff/workshops/{}/answers", s.workshop_id);
    let page = app.get_html(&answers_page).await;
    assert_eq!(
        text_of(&page, ".progress-line").as_deref(),
        Some("3 har åbnet · 1 i gang · 1 er færdige")
    );
    // A person a facilitator enters answers for is no phone: counted apart.
    let workshops = [s.workshop_id.clone()];
    deltag::participant::person(
        &mut app.conn(),
        &s.workshop_id,
        &workshops,
        deltag::participant::Person::New,
        "assisted-form-token",
    )
    .expect("person");
    let page = app.get_html(&answers_page).await;
    assert_eq!(
        text_of(&page, ".progress-line").as_deref(),
        Some("3 har åbnet · 1 i gang · 1 er færdige · 1 indtastet af facilitator")
    );
    let doc = crate::helpers::html(&page);
    let row = |question: u32, label: &str| -> Option<String> {
        let sel = scraper::Selector::parse(&format!(
            "section[aria-labelledby=q-{question}] table.tally tbody tr"
        ))
        .expect("selector");
        doc.select(&sel).find_map(|tr| {
            let cells: Vec<String> =
                tr.text().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect();
            (cells.first().map(String::as_str) == Some(label)).then(|| cells.get(1).cloned())?
        })
    };
    assert_eq!(row(6, "Ja").as_deref(), Some("2"), "two people said yes, one row");
    assert_eq!(row(6, "Nej").as_deref(), Some("0"));
    assert_eq!(row(3, "Herberg").as_deref(), Some("1"));
    assert_eq!(row(3, "Andet").as_deref(), Some("1"));
    assert!(page.contains("I en bil"), "the words under Andet are shown");
    assert!(page.contains("Ro og en dør jeg kan låse"), "free text stays a card");
    assert!(!page.contains("class=\"card\"><p class=\"answer-text\">Ja"), "no card per yes");
}

on_both_backends!(the_answers_page_shows_progress_and_tallies);
