//! The participant phone flow (issue 12): no typed word is dropped, scale words per question,
//! a wrong code is a form error, easy-read stays on, withdrawing and clearing ask first, and
//! scanning again after finishing.

use deltag::auth::Role;
use deltag::db::schema::{answers, participants, questions};
use deltag::db::Backend;
use deltag::survey::domain::{QuestionKind, WorkshopStatus};
use deltag::survey::store::{self as survey_store, QuestionFields, TopicFields, TrackFields};
use deltag::text::PromptText;
use diesel::prelude::*;

use crate::helpers::{html, location, spawn_app, text_of, TestApp};
use crate::on_both_backends;
use crate::survey_helpers::{hidden, long_text, question, seed_workshop, title, Seeded};

/// The stored value of the answer to the question at `position`, if any.
fn stored(app: &TestApp, s: &Seeded, position: i32) -> Vec<String> {
    answers::table
        .inner_join(questions::table)
        .filter(questions::workshop_id.eq(&s.workshop_id))
        .filter(questions::position.eq(position))
        .order(answers::created_at)
        .select(answers::value)
        .load(&mut *app.conn())
        .expect("answers")
}

/// Attribute `attr` of the first element matching `selector`.
fn attr(page: &str, selector: &str, attr: &str) -> Option<String> {
    let doc = html(page);
    let sel = scraper::Selector::parse(selector).expect("selector");
    doc.select(&sel).next().and_then(|e| e.value().attr(attr).map(str::to_owned))
}

/// An open workshop with the given questions.
fn seed_questions(app: &TestApp, questions: Vec<QuestionFields>) -> Seeded {
    let mut conn = app.conn();
    let track = TrackFields { title: title("Spor"), year: 2026 };
    let track = survey_store::create_track(&mut conn, &track).expect("track");
    let topic =
        TopicFields { title: title("Tema"), description: long_text(""), same_people: false };
    let topic = survey_store::create_topic(&mut conn, &track, &topic).expect("topic");
    let fields = survey_store::WorkshopFields {
        title: title("Hjælp, der virker"),
        intro: long_text("Om hjælp."),
        starts_at: None,
        location: None,
        retention_days: 90,
    };
    let workshop_id = survey_store::create_workshop(&mut conn, &topic, &fields).expect("workshop");
    for q in questions {
        survey_store::add_question(&mut conn, &workshop_id, &q).expect("question");
    }
    survey_store::set_status(&mut conn, &workshop_id, WorkshopStatus::Open).expect("open");
    let code = survey_store::find_workshop(&mut conn, &workshop_id)
        .expect("find")
        .expect("some")
        .join_code;
    Seeded { workshop_id, code }
}

async fn words_typed_under_andet_always_count(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    app.join_workshop(&s.code).await;
    let q3 = format!("/j/{}/q/3", s.code);

    // Another option picked and words typed: which was meant? Both stay in the form.
    let res = app.answer(&q3, &[("answer", "o2"), ("other", "I en bil"), ("action", "save")]).await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap_or_default();
    let message =
        "Du har både valgt et svar og skrevet under Andet. Vælg Andet, eller slet det, du skrev.";
    assert_eq!(text_of(&page, ".error-summary a").as_deref(), Some(message));
    assert_eq!(attr(&page, ".error-summary a", "href").as_deref(), Some("#answer-other"));
    assert_eq!(
        text_of(&page, "#answer-error").as_deref(),
        Some(format!("Fejl: {message}").as_str())
    );
    assert!(attr(&page, "input[value=o2]", "checked").is_some(), "the pick is kept");
    assert_eq!(attr(&page, "input#other", "value").as_deref(), Some("I en bil"), "the words too");
    assert!(stored(&app, &s, 3).is_empty());

    // Nothing picked, words typed: the answer is "Andet: …".
    let res = app.answer(&q3, &[("other", " I en bil "), ("action", "save")]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(stored(&app, &s, 3), [r#"{"choices":[],"other":"I en bil"}"#]);

    // "Andet" picked without words is still asked for, at the text box.
    let res = app.answer(&q3, &[("answer", "other"), ("other", ""), ("action", "save")]).await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap_or_default();
    assert_eq!(attr(&page, ".error-summary a", "href").as_deref(), Some("#other"));
    assert_eq!(attr(&page, "input#other", "aria-invalid").as_deref(), Some("true"));

    // Multiple choice: words typed without ticking "Andet" are one more answer.
    let q4 = format!("/j/{}/q/4", s.code);
    let res = app.answer(&q4, &[("choice", "o1"), ("other", "Naboen"), ("action", "save")]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(stored(&app, &s, 4), [r#"{"choices":["o1"],"other":"Naboen"}"#]);
    let check = app.get_html(&format!("/j/{}/check", s.code)).await;
    assert_eq!(text_of(&check, "#q4 .summary-value").as_deref(), Some("Familie, Andet: Naboen"));

    // The same rules when a facilitator enters someone's answers.
    let staff = app.other_client();
    staff.login_as(Role::Facilitator).await;
    let assist = format!("/staff/workshops/{}/assist", s.workshop_id);
    let post = |fields: Vec<(&'static str, String)>| {
        let staff = &staff;
        let assist = assist.clone();
        async move {
            let page = staff.get_html(&assist).await;
            let key = hidden(&page, "submission_key");
            let mut all = vec![("entered_by", "scribe".to_owned()), ("submission_key", key)];
            all.extend(fields);
            let all: Vec<(&str, &str)> = all.iter().map(|(k, v)| (*k, v.as_str())).collect();
            staff.post_form(&assist, &all).await
        }
    };
    let res = post(vec![("q3.answer", "o1".into()), ("q3.other", "Hos min søster".into())]).await;
    assert_eq!(res.status().as_u16(), 422);
    assert_eq!(stored(&app, &s, 3).len(), 1, "nothing more was stored");
    let res = post(vec![("q3.other", "Hos min søster".into())]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        stored(&app, &s, 3)[1],
        r#"{"choices":[],"other":"Hos min søster"}"#,
        "a facilitator's typed Andet counts too"
    );
}

async fn invisible_answers_are_empty_and_reordering_controls_go(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let q1 = app.join_workshop(&s.code).await;
    for invisible in ["\u{200B}", "\u{200C}\u{200D}", "\u{2060}", "\u{FEFF}", "\u{AD}", "\u{3000} "]
    {
        let res = app.answer(&q1, &[("answer", invisible), ("action", "save")]).await;
        assert_eq!(res.status().as_u16(), 422, "{invisible:?} is no answer to a required question");
        let page = res.text().await.unwrap_or_default();
        assert_eq!(
            text_of(&page, ".error-summary a").as_deref(),
            Some("Skriv et svar, eller tryk på Vil ikke svare")
        );
    }
    assert!(stored(&app, &s, 1).is_empty());
    // Optional: blank.
    let q2 = format!("/j/{}/q/2", s.code);
    let res = app.answer(&q2, &[("answer", "\u{200B}\u{FEFF}"), ("action", "save")]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(stored(&app, &s, 2), [""]);
    // Bidirectional controls and noncharacters never reach staff pages or exports.
    let res = app
        .answer(
            &q1,
            &[
                ("answer", "Jeg bor \u{202E}her\u{202C} \u{2067}nu\u{2069}\u{FFFF}"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(stored(&app, &s, 1), ["Jeg bor her nu"]);

    // Pasted flipchart notes are cleaned the same way.
    let staff = app.other_client();
    staff.login_as(Role::Facilitator).await;
    let id: String = questions::table
        .filter(questions::workshop_id.eq(&s.workshop_id))
        .filter(questions::position.eq(2))
        .select(questions::id)
        .first(&mut *app.conn())
        .expect("question");
    let paste = format!("/staff/questions/{id}/paste");
    let page = staff.get_html(&paste).await;
    let key = hidden(&page, "submission_key");
    let res = staff
        .post_form(&paste, &[("submission_key", &key), ("notes", "\u{200B}\nTag\u{202E} med\n")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(stored(&app, &s, 2), ["", "Tag med"], "the invisible line is no statement");
}

async fn a_resent_or_fetched_answer_is_stored_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let q1 = app.join_workshop(&s.code).await;
    let page = app.get_html(&q1).await;
    let token = app.csrf_token().await;
    let form = [
        ("answer", "Skrevet før nettet faldt ud"),
        ("action", "save"),
        ("submission_key", &hidden(&page, "submission_key")),
        ("question_id", &hidden(&page, "question_id")),
        ("csrf_token", &token),
    ];
    // keep.js posts with fetch (what a browser sends with it); the browser's own resend
    // after a dropped network sends the same form again: one answer either way.
    for _ in 0..3 {
        let res = app
            .client
            .post(app.url(&q1))
            .header("origin", &app.address)
            .header("sec-fetch-site", "same-origin")
            .header("sec-fetch-mode", "cors")
            .form(&form)
            .send()
            .await
            .expect("post");
        assert_eq!(res.status().as_u16(), 303);
        assert_eq!(location(&res), format!("/j/{}/q/2", s.code));
    }
    assert_eq!(stored(&app, &s, 1), ["Skrevet før nettet faldt ud"]);
    // The question page says where typed words are kept, and loads the script that keeps them.
    assert_eq!(attr(&page, "form[data-keep]", "data-keep"), Some(format!("{}:1", s.code)));
    assert_eq!(
        attr(&page, "form[data-keep]", "data-unsent").as_deref(),
        Some("Ikke sendt – prøv igen")
    );
    assert!(attr(&page, "script[src*='/static/keep.']", "src").is_some());
}

async fn scale_words_are_set_per_question_and_translated(backend: Backend) {
    let app = spawn_app(backend).await;
    app.login_as(Role::Facilitator).await;
    let s = seed_workshop(&app, WorkshopStatus::Draft);
    // A new question's form offers the default words to change.
    let new = app.get_html(&format!("/staff/workshops/{}/questions/new", s.workshop_id)).await;
    assert_eq!(
        text_of(&new, "textarea#scale_words").as_deref(),
        Some("Meget dårligt Dårligt Hverken godt eller dårligt Godt Meget godt")
    );
    let add = format!("/staff/workshops/{}/questions", s.workshop_id);
    let mut form = vec![("kind", "scale"), ("prompt", "Hvor vigtigt er det for dig?")];
    // Four words are not a scale: 422, nothing stored.
    form.push(("scale_words", "Slet ikke\nLidt\nNoget\nMeget"));
    let res = app.post_form(&add, &form).await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap_or_default();
    assert_eq!(attr(&page, ".error-summary a", "href").as_deref(), Some("#scale_words"));
    let count = || -> i64 {
        questions::table
            .filter(questions::workshop_id.eq(&s.workshop_id))
            .count()
            .get_result(&mut *app.conn())
            .expect("count")
    };
    assert_eq!(count(), 6);
    form.pop();
    form.extend([
        ("scale_words", "Slet ikke vigtigt\nLidt vigtigt\nNoget vigtigt\nVigtigt\nMeget vigtigt"),
        ("easy_read_prompt", "Er det vigtigt?"),
        ("options_en", "Not important at all\nA little important\n\nImportant\nVery important"),
    ]);
    let res = app.post_form(&add, &form).await;
    assert_eq!(res.status().as_u16(), 303);
    let options: String = questions::table
        .filter(questions::workshop_id.eq(&s.workshop_id))
        .filter(questions::position.eq(7))
        .select(questions::options)
        .first(&mut *app.conn())
        .expect("options");
    assert!(options.starts_with(r#"[{"key":"1","label":"Slet ikke vigtigt"}"#), "{options}");
    app.post_form(&format!("/staff/workshops/{}/status", s.workshop_id), &[("to", "open")]).await;

    let words = |page: &str| -> Vec<(String, Option<String>)> {
        let doc = html(page);
        let sel = scraper::Selector::parse(".scale .choice label > span").expect("selector");
        doc.select(&sel)
            .map(|e| {
                let word = scraper::Selector::parse("span").expect("selector");
                let inner = e.select(&word).next();
                (
                    e.text().collect::<String>().trim().to_owned(),
                    inner.and_then(|w| w.value().attr("lang").map(str::to_owned)),
                )
            })
            .collect()
    };
    let da = app.other_client();
    da.join_workshop(&s.code).await;
    let own = format!("/j/{}/q/7", s.code);
    let page = da.get_html(&own).await;
    assert_eq!(
        words(&page).into_iter().map(|(w, _)| w).collect::<Vec<_>>(),
        [
            "1 – Slet ikke vigtigt",
            "2 – Lidt vigtigt",
            "3 – Noget vigtigt",
            "4 – Vigtigt",
            "5 – Meget vigtigt"
        ]
    );
    assert_eq!(
        html(&page).select(&scraper::Selector::parse(".scale svg.face").expect("sel")).count(),
        5,
        "the faces stay"
    );
    // Easy-read shows the same words.
    let url = reqwest::Url::parse(&da.address).expect("url");
    da.jar.add_cookie_str("display=normal-normal-easy; Path=/", &url);
    let easy = da.get_html(&own).await;
    assert_eq!(text_of(&easy, "h1").as_deref(), Some("Er det vigtigt?"));
    assert_eq!(words(&easy), words(&page));
    let res = da.answer(&own, &[("answer", "3"), ("action", "save")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let check = da.get_html(&format!("/j/{}/check", s.code)).await;
    assert_eq!(text_of(&check, "#q7 .summary-value").as_deref(), Some("3 – Noget vigtigt"));
    // The question without own words keeps the defaults.
    let default = da.get_html(&format!("/j/{}/q/5", s.code)).await;
    assert_eq!(words(&default)[0].0, "1 – Meget dårligt");

    // In English: the translated words, Danish (marked) where a line was left empty, and the
    // English defaults for the question without own words.
    let en = app.other_client();
    en.jar.add_cookie_str("lang=en; Path=/", &url);
    en.join_workshop(&s.code).await;
    let page = en.get_html(&own).await;
    assert_eq!(
        words(&page),
        [
            ("1 – Not important at all".into(), None),
            ("2 – A little important".into(), None),
            ("3 – Noget vigtigt".into(), Some("da".into())),
            ("4 – Important".into(), None),
            ("5 – Very important".into(), None),
        ]
    );
    let default = en.get_html(&format!("/j/{}/q/5", s.code)).await;
    assert_eq!(words(&default)[4], ("5 – Very good".into(), None));
    // The edit form shows the words and their translation; once open they are read-only.
    let id: String = questions::table
        .filter(questions::workshop_id.eq(&s.workshop_id))
        .filter(questions::position.eq(7))
        .select(questions::id)
        .first(&mut *app.conn())
        .expect("id");
    let edit = app.get_html(&format!("/staff/questions/{id}/edit")).await;
    assert!(text_of(&edit, "textarea#options_en").is_some_and(|t| t.starts_with("Not important")));
    assert_eq!(
        html(&edit).select(&scraper::Selector::parse("#scale_words").expect("s")).count(),
        0
    );
}

async fn a_wrong_code_is_a_form_error_with_the_code_kept(backend: Backend) {
    let app = spawn_app(backend).await;
    let open = seed_workshop(&app, WorkshopStatus::Open);
    let closed = seed_workshop(&app, WorkshopStatus::Closed);
    let unknown = if open.code == "12345678" { "87654321" } else { "12345678" };
    let spaced = |code: &str| format!("{} {}", &code[..4], &code[4..]);
    let cases = [
        (
            format!("/j?code={}", spaced(unknown).replace(' ', "+")),
            404,
            spaced(unknown),
            "Vi kan ikke finde den kode",
        ),
        (format!("/j/{unknown}"), 404, unknown.to_owned(), "Vi kan ikke finde den kode"),
        (format!("/j?code={}", closed.code), 410, closed.code.clone(), "Den workshop er lukket"),
        (format!("/j/{}", closed.code), 410, closed.code.clone(), "Den workshop er lukket"),
        ("/j?code=12ab".to_owned(), 422, "12ab".to_owned(), "Koden er 8 cifre"),
    ];
    for (path, status, typed, says) in cases {
        let res = app.get(&path).await;
        assert_eq!(res.status().as_u16(), status, "{path}");
        let page = res.text().await.unwrap_or_default();
        let summary = text_of(&page, ".error-summary").unwrap_or_default();
        assert!(
            summary.contains(says) && summary.contains("Tjek koden på plakaten"),
            "{path}: {summary}"
        );
        assert_eq!(attr(&page, "form[action='/j'] input#code", "value"), Some(typed), "{path}");
        assert_eq!(attr(&page, "input#code", "aria-invalid").as_deref(), Some("true"));
        assert!(text_of(&page, "title").unwrap_or_default().starts_with("Fejl: "));
    }
    // A right code still leads in.
    let res = app.get(&format!("/j?code={}", spaced(&open.code).replace(' ', "+"))).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), format!("/j/{}", open.code));
}

async fn easy_read_stays_on_across_questions(backend: Backend) {
    let app = spawn_app(backend).await;
    let easy = |kind, prompt: &str, easy: &str| QuestionFields {
        easy_read_prompt: Some(PromptText::parse_non_empty(easy).expect("easy")),
        ..question(kind, prompt, "", false)
    };
    let s = seed_questions(
        &app,
        vec![
            easy(QuestionKind::LongText, "Hvilken støtte har gjort en forskel?", "Hvad hjalp dig?"),
            question(QuestionKind::ShortText, "Hvad mangler?", "", false),
            easy(
                QuestionKind::YesNo,
                "Har du en kontaktperson i kommunen?",
                "Har du en fast person?",
            ),
        ],
    );
    let q1 = app.join_workshop(&s.code).await;
    let page = app.get_html(&q1).await;
    assert_eq!(text_of(&page, "h1").as_deref(), Some("Hvilken støtte har gjort en forskel?"));
    let switch = attr(&page, ".easy-toggle a", "href").expect("the easy-read link");
    let res = app.get(&switch).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), q1, "back to the same question");
    let page = app.get_html(&q1).await;
    assert_eq!(text_of(&page, "h1").as_deref(), Some("Hvad hjalp dig?"));
    assert!(!page.contains("name=\"let\""), "not carried by the form: it is a preference");
    // On to the next questions: still easy-read, where a question has it.
    let res = app.answer(&q1, &[("answer", "Min bostøtte"), ("action", "save")]).await;
    let q2 = location(&res);
    let page = app.get_html(&q2).await;
    assert_eq!(
        text_of(&page, "h1").as_deref(),
        Some("Hvad mangler?"),
        "no easy version: as written"
    );
    let res = app.answer(&q2, &[("action", "decline")]).await;
    let page = app.get_html(&location(&res)).await;
    assert_eq!(text_of(&page, "h1").as_deref(), Some("Har du en fast person?"));
    // It sits on the display settings page, and can be turned off there.
    let display = app.get_html("/visning").await;
    assert!(attr(&display, "input[name=wording][value=easy]", "checked").is_some());
    let res = app
        .post_form(
            "/visning",
            &[("text", "normal"), ("contrast", "normal"), ("wording", "usual"), ("tilbage", &q1)],
        )
        .await;
    assert_eq!(location(&res), q1);
    let page = app.get_html(&format!("/j/{}/q/3", s.code)).await;
    assert_eq!(text_of(&page, "h1").as_deref(), Some("Har du en kontaktperson i kommunen?"));
    let res = app
        .post_form("/visning", &[("text", "normal"), ("contrast", "normal"), ("wording", "loud")])
        .await;
    assert_eq!(res.status().as_u16(), 400);
    assert_eq!(app.get("/let-laest/maaske").await.status().as_u16(), 404);
    let res = app.get("/let-laest/til?tilbage=//evil.example/").await;
    assert_eq!(location(&res), "/", "never off-site");
}

async fn withdrawing_and_clearing_ask_once_and_say_what_happened(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let q1 = app.join_workshop(&s.code).await;
    app.answer(&q1, &[("answer", "Mit svar"), ("action", "save")]).await;
    app.post_form(&format!("/j/{}/finish", s.code), &[]).await;
    let thanks = app.get_html(&format!("/j/{}/tak", s.code)).await;
    let code = text_of(&thanks, ".withdrawal-code").expect("code");

    // Withdrawing: the code is checked, the page asks, "Nej" deletes nothing.
    let res = app.post_form("/trak-tilbage", &[("code", &code)]).await;
    assert_eq!(res.status().as_u16(), 200);
    let ask = res.text().await.unwrap_or_default();
    assert!(text_of(&ask, "main").unwrap_or_default().contains("»Den rette boligløsning«"));
    assert_eq!(attr(&ask, "form input[name=confirm]", "value").as_deref(), Some("yes"));
    assert_eq!(attr(&ask, "main a[href='/']", "href").as_deref(), Some("/"), "a way out");
    assert_eq!(stored(&app, &s, 1).len(), 1, "nothing deleted yet");
    let res = app.post_form("/trak-tilbage", &[("code", "ZZZZ-ZZZZ"), ("confirm", "yes")]).await;
    assert_eq!(res.status().as_u16(), 422, "a wrong code is never confirmed");

    // Clearing the phone: the thank-you page leads to a question, not to the clearing.
    assert_eq!(
        html(&thanks)
            .select(&scraper::Selector::parse("form[action$='/clear']").expect("s"))
            .count(),
        0
    );
    let ryd = format!("/j/{}/ryd", s.code);
    assert_eq!(attr(&thanks, &format!("a[href='{ryd}']"), "href"), Some(ryd.clone()));
    let confirm = app.get_html(&ryd).await;
    assert_eq!(text_of(&confirm, "h1").as_deref(), Some("Vil du rydde telefonen?"));
    assert!(attr(&confirm, "form[action$='/clear']", "data-forget").is_some());
    assert!(attr(&confirm, "script[src*='/static/keep.']", "src").is_some());
    assert_eq!(app.get("/j/abc/ryd").await.status().as_u16(), 404);
    let res = app.post_form(&format!("/j/{}/clear", s.code), &[]).await;
    let start = location(&res);
    let page = app.get_html(&start).await;
    assert_eq!(
        text_of(&page, "main [role=status]").as_deref(),
        Some("Telefonen er ryddet. Den næste kan starte nu.")
    );
    assert!(page.contains("start_token"), "the next person can start");

    // Withdrawing, confirmed: said on the next page.
    let res = app.post_form("/trak-tilbage", &[("code", &code), ("confirm", "yes")]).await;
    assert_eq!(location(&res), "/trak-tilbage/slettet");
    let done = app.get_html("/trak-tilbage/slettet").await;
    assert_eq!(text_of(&done, "h1").as_deref(), Some("Dine svar er slettet"));
    assert!(stored(&app, &s, 1).is_empty());
    let left: i64 = participants::table.count().get_result(&mut *app.conn()).expect("count");
    assert_eq!(left, 0);
}

async fn scanning_again_after_finishing_says_the_answers_are_sent(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let q1 = app.join_workshop(&s.code).await;
    app.answer(&q1, &[("answer", "Et svar"), ("action", "save")]).await;
    let start = format!("/j/{}", s.code);
    let before = app.get_html(&start).await;
    assert!(before.contains("Fortsæt, hvor du slap"), "before sending: carry on");
    app.post_form(&format!("/j/{}/finish", s.code), &[]).await;
    let after = app.get_html(&start).await;
    let main = text_of(&after, "main").unwrap_or_default();
    assert!(main.contains("Dine svar er sendt"), "{main}");
    assert!(!main.contains("Fortsæt, hvor du slap"));
    let check = format!("/j/{}/check", s.code);
    assert_eq!(
        text_of(&after, &format!("a.button[href='{check}']")).as_deref(),
        Some("Se og ret dine svar")
    );
    assert!(attr(&after, &format!("a[href='/j/{}/ryd']", s.code), "href").is_some());
    assert!(!after.contains("start_token"), "no second consent");
}

on_both_backends!(
    words_typed_under_andet_always_count,
    invisible_answers_are_empty_and_reordering_controls_go,
    a_resent_or_fetched_answer_is_stored_once,
    scale_words_are_set_per_question_and_translated,
    a_wrong_code_is_a_form_error_with_the_code_kept,
    easy_read_stays_on_across_questions,
    withdrawing_and_clearing_ask_once_and_say_what_happened,
    scanning_again_after_finishing_says_the_answers_are_sent,
);
