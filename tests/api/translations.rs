//! The survey's own texts in English: facilitators write them next to the Danish ones, and
//! participants read their language with Danish as the fallback (marked `lang="da"`).

use deltag::auth::Role;
use deltag::db::schema::{answers, audit_events, questions, translations, workshops};
use deltag::db::Backend;
use deltag::survey::domain::WorkshopStatus;
use diesel::prelude::*;

use crate::helpers::{html, location, spawn_app, text_of, TestApp};
use crate::on_both_backends;
use crate::survey_helpers::seed_workshop;

/// The stored translations of one subject: (lang, field, text), sorted.
fn rows(app: &TestApp, subject: &str) -> Vec<(String, String, String)> {
    translations::table
        .filter(translations::subject_id.eq(subject))
        .order((translations::lang, translations::field))
        .select((translations::lang, translations::field, translations::text))
        .load(&mut *app.conn())
        .expect("translations")
}

fn question_ids(app: &TestApp, workshop_id: &str) -> Vec<String> {
    questions::table
        .filter(questions::workshop_id.eq(workshop_id))
        .order(questions::position)
        .select(questions::id)
        .load(&mut *app.conn())
        .expect("questions")
}

/// Another browser whose `Accept-Language` asks for English.
fn english_browser(app: &TestApp) -> TestApp {
    let mut other = app.other_client();
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::ACCEPT_LANGUAGE,
        reqwest::header::HeaderValue::from_static("en-GB,en;q=0.9"),
    );
    other.client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_provider(other.jar.clone())
        .default_headers(headers)
        .build()
        .expect("client");
    other
}

/// Another browser that chose English with the `lang` cookie.
fn english_by_cookie(app: &TestApp) -> TestApp {
    let other = app.other_client();
    set_lang_cookie(&other, "en");
    other
}

fn set_lang_cookie(app: &TestApp, code: &str) {
    let url = reqwest::Url::parse(&app.address).expect("url");
    app.jar.add_cookie_str(&format!("lang={code}; Path=/"), &url);
}

/// The texts of the elements of `main` marked `lang="da"`.
fn danish_marked(page: &str) -> Vec<String> {
    let doc = html(page);
    let sel = scraper::Selector::parse(r#"main [lang="da"]"#).expect("selector");
    doc.select(&sel)
        .map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The `lang` attribute of the first element matching `selector`.
fn lang_of(page: &str, selector: &str) -> Option<String> {
    let doc = html(page);
    let sel = scraper::Selector::parse(selector).expect("selector");
    doc.select(&sel).next().and_then(|e| e.value().attr("lang").map(str::to_owned))
}

/// The value of a form field (input value or textarea text) on a staff form.
fn field_value(page: &str, name: &str) -> String {
    let doc = html(page);
    let sel = scraper::Selector::parse(&format!("[name={name}]")).expect("selector");
    doc.select(&sel)
        .next()
        .map(|e| match e.value().name() {
            "textarea" => e.text().collect::<String>(),
            _ => e.value().attr("value").unwrap_or_default().to_owned(),
        })
        .unwrap_or_default()
}

/// The labels of the answer choices on a question page, with their `lang`.
fn choice_labels(page: &str) -> Vec<(String, Option<String>)> {
    let doc = html(page);
    let sel = scraper::Selector::parse(".choices .choice label").expect("selector");
    doc.select(&sel)
        .map(|e| {
            (
                e.text().collect::<String>().trim().to_owned(),
                e.value().attr("lang").map(str::to_owned),
            )
        })
        .collect()
}

const WORKSHOP_FORM: [(&str, &str); 6] = [
    ("title", "Den rette boligløsning"),
    ("intro", "Vi taler om bolig."),
    ("date", ""),
    ("time", ""),
    ("location", ""),
    ("retention_days", "90"),
];

/// The draft form of seed question 3 ("Hvor bor du nu?", three options, Andet) plus `extra`.
fn choice_question_form<'a>(extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("kind", "single_choice"),
        ("prompt", "Hvor bor du nu?"),
        ("help_text", ""),
        ("easy_read_prompt", ""),
        ("options", "Egen bolig\nHerberg\nHos venner"),
        ("allow_other", "on"),
    ];
    form.extend_from_slice(extra);
    form
}

async fn staff_write_english_and_participants_read_their_language(backend: Backend) {
    let app = spawn_app(backend).await;
    app.login_as(Role::Facilitator).await;
    let s = seed_workshop(&app, WorkshopStatus::Draft);
    let ids = question_ids(&app, &s.workshop_id);

    // The workshop's texts in English.
    let mut form = WORKSHOP_FORM.to_vec();
    form.extend([
        ("title_en", "The right home"),
        ("intro_en", "We talk about housing.\n\nThere are no wrong answers."),
    ]);
    let res = app.post_form(&format!("/staff/workshops/{}", s.workshop_id), &form).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        rows(&app, &s.workshop_id),
        [
            (
                "en".into(),
                "intro".into(),
                "We talk about housing.\n\nThere are no wrong answers.".into()
            ),
            ("en".into(), "title".into(), "The right home".into()),
        ]
    );

    // The choice question: English prompt, two of three options (the middle line is empty).
    let res = app
        .post_form(
            &format!("/staff/questions/{}", ids[2]),
            &choice_question_form(&[
                ("prompt_en", "Where do you live now?"),
                ("help_text_en", "Pick the one that fits best."),
                ("options_en", "My own home\n\nWith friends\n"),
            ]),
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        rows(&app, &ids[2]),
        [
            ("en".into(), "help_text".into(), "Pick the one that fits best.".into()),
            ("en".into(), "options".into(), r#"{"o1":"My own home","o3":"With friends"}"#.into()),
            ("en".into(), "prompt".into(), "Where do you live now?".into()),
        ]
    );

    // A new question with its English text at once.
    let res = app
        .post_form(
            &format!("/staff/workshops/{}/questions", s.workshop_id),
            &[
                ("kind", "short_text"),
                ("prompt", "Hvad savner du?"),
                ("prompt_en", "What do you miss?"),
                ("easy_read_prompt_en", ""),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let ids = question_ids(&app, &s.workshop_id);
    assert_eq!(rows(&app, &ids[6]), [("en".into(), "prompt".into(), "What do you miss?".into())]);
    let translate_events: i64 = audit_events::table
        .filter(audit_events::action.eq_any(["workshop.translate", "question.translate"]))
        .filter(audit_events::detail.eq("en"))
        .count()
        .get_result(&mut *app.conn())
        .expect("audit");
    assert_eq!(translate_events, 3);

    // The forms show what is stored, options one per line in the Danish order.
    let edit = app.get_html(&format!("/staff/questions/{}/edit", ids[2])).await;
    assert_eq!(field_value(&edit, "prompt_en"), "Where do you live now?");
    assert_eq!(
        field_value(&edit, "options_en").trim_start_matches('\n'),
        "My own home\n\nWith friends"
    );
    assert_eq!(text_of(&edit, "fieldset.translation legend").as_deref(), Some("Engelsk (English)"));
    assert_eq!(lang_of(&edit, "#prompt_en").as_deref(), Some("en"));
    let edit = app.get_html(&format!("/staff/workshops/{}/edit", s.workshop_id)).await;
    assert_eq!(field_value(&edit, "title_en"), "The right home");

    app.post_form(&format!("/staff/workshops/{}/status", s.workshop_id), &[("to", "open")]).await;

    // An English browser (Accept-Language) reads English, and Danish where nothing is
    // translated, marked lang="da".
    let en = english_browser(&app);
    let start = en.get_html(&format!("/j/{}", s.code)).await;
    assert_eq!(text_of(&start, "h1").as_deref(), Some("The right home"));
    assert_eq!(lang_of(&start, "main h1"), None);
    assert!(text_of(&start, "main").unwrap_or_default().contains("There are no wrong answers."));
    assert!(danish_marked(&start).is_empty(), "{:?}", danish_marked(&start));
    let first = en.join_workshop(&s.code).await;
    let page = en.get_html(&first).await;
    assert_eq!(text_of(&page, "h1").as_deref(), Some("Hvad gør en bolig til et hjem?"));
    assert_eq!(lang_of(&page, "main h1").as_deref(), Some("da"));
    assert_eq!(
        text_of(&page, ".caption").as_deref(),
        Some("Question 1 of 7"),
        "the interface itself is English"
    );

    let path = format!("/j/{}/q/3", s.code);
    let page = en.get_html(&path).await;
    assert_eq!(text_of(&page, "h1").as_deref(), Some("Where do you live now?"));
    assert_eq!(lang_of(&page, "main h1"), None);
    assert_eq!(text_of(&page, "#answer-hint").as_deref(), Some("Pick the one that fits best."));
    assert_eq!(
        choice_labels(&page),
        [
            ("My own home".into(), None),
            ("Herberg".into(), Some("da".into())),
            ("With friends".into(), None),
            ("Other".into(), None),
        ]
    );
    // The English answer stores the option key, like a Danish one.
    let res = en.answer(&path, &[("answer", "o3"), ("action", "save")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let stored: Vec<String> = answers::table
        .filter(answers::question_id.eq(&ids[2]))
        .select(answers::value)
        .load(&mut *app.conn())
        .expect("answers");
    assert_eq!(stored, [r#"{"choices":["o3"]}"#]);
    let check = en.get_html(&format!("/j/{}/check", s.code)).await;
    assert_eq!(text_of(&check, "#q3 .summary-value").as_deref(), Some("With friends"));
    assert_eq!(lang_of(&check, "#q1 dt").as_deref(), Some("da"));
    assert_eq!(lang_of(&check, "#q3 dt"), None);

    // The same page for a Danish browser: Danish texts, nothing marked.
    let da = app.other_client();
    da.join_workshop(&s.code).await;
    let page = da.get_html(&path).await;
    assert_eq!(text_of(&page, "h1").as_deref(), Some("Hvor bor du nu?"));
    assert_eq!(
        choice_labels(&page).into_iter().map(|(label, _)| label).collect::<Vec<_>>(),
        ["Egen bolig", "Herberg", "Hos venner", "Andet"]
    );
    assert!(danish_marked(&page).is_empty());
    assert!(page.contains(r#"<html lang="da">"#));
    // The English answer reads in Danish for a Danish reader of the staff answers page.
    let answers_page = app.get_html(&format!("/staff/workshops/{}/answers", s.workshop_id)).await;
    assert!(answers_page.contains("Hos venner"));

    // The language cookie works as well as the header.
    let by_cookie = english_by_cookie(&app);
    let start = by_cookie.get_html(&format!("/j/{}", s.code)).await;
    assert_eq!(text_of(&start, "h1").as_deref(), Some("The right home"));

    // The staff preview shows the facilitator's own language.
    set_lang_cookie(&app, "en");
    let preview = app.get_html(&format!("/staff/workshops/{}/preview?n=3", s.workshop_id)).await;
    assert_eq!(text_of(&preview, "h1").as_deref(), Some("Where do you live now?"));
    assert_eq!(choice_labels(&preview)[1].1.as_deref(), Some("da"));
    set_lang_cookie(&app, "da");
    let preview = app.get_html(&format!("/staff/workshops/{}/preview?n=3", s.workshop_id)).await;
    assert_eq!(text_of(&preview, "h1").as_deref(), Some("Hvor bor du nu?"));
}

async fn clearing_an_english_field_removes_its_translation(backend: Backend) {
    let app = spawn_app(backend).await;
    app.login_as(Role::Facilitator).await;
    let s = seed_workshop(&app, WorkshopStatus::Draft);
    let ids = question_ids(&app, &s.workshop_id);
    let path = format!("/staff/questions/{}", ids[2]);
    let res = app
        .post_form(
            &path,
            &choice_question_form(&[
                ("prompt_en", "Where do you live now?"),
                ("help_text_en", "Pick one."),
                ("options_en", "My own home\nShelter\nWith friends"),
            ]),
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(rows(&app, &ids[2]).len(), 3);

    // Empty prompt and options (blank lines only): those translations go; the help stays.
    let res = app
        .post_form(
            &path,
            &choice_question_form(&[
                ("prompt_en", "  "),
                ("help_text_en", "Pick one."),
                ("options_en", "\n\n"),
            ]),
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(rows(&app, &ids[2]), [("en".into(), "help_text".into(), "Pick one.".into())]);

    // A workshop title cleared by leaving the field out entirely.
    let mut form = WORKSHOP_FORM.to_vec();
    form.push(("title_en", "The right home"));
    app.post_form(&format!("/staff/workshops/{}", s.workshop_id), &form).await;
    assert_eq!(rows(&app, &s.workshop_id).len(), 1);
    app.post_form(&format!("/staff/workshops/{}", s.workshop_id), &WORKSHOP_FORM).await;
    assert!(rows(&app, &s.workshop_id).is_empty());

    app.post_form(&format!("/staff/workshops/{}/status", s.workshop_id), &[("to", "open")]).await;
    let en = english_browser(&app);
    en.join_workshop(&s.code).await;
    let start = en.get_html(&format!("/j/{}", s.code)).await;
    assert_eq!(lang_of(&start, "main h1").as_deref(), Some("da"));
    let page = en.get_html(&format!("/j/{}/q/3", s.code)).await;
    assert_eq!(text_of(&page, "h1").as_deref(), Some("Hvor bor du nu?"));
    assert_eq!(lang_of(&page, "main h1").as_deref(), Some("da"));
    assert_eq!(text_of(&page, "#answer-hint").as_deref(), Some("Pick one."));
    assert_eq!(lang_of(&page, "#answer-hint"), None);
    assert!(choice_labels(&page).iter().take(3).all(|(_, lang)| lang.as_deref() == Some("da")));
}

async fn too_long_english_text_is_refused_and_changes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    app.login_as(Role::Facilitator).await;
    let s = seed_workshop(&app, WorkshopStatus::Draft);
    let ids = question_ids(&app, &s.workshop_id);
    let path = format!("/staff/questions/{}", ids[2]);
    app.post_form(&path, &choice_question_form(&[("prompt_en", "Where do you live now?")])).await;
    let before = rows(&app, &ids[2]);
    assert_eq!(before.len(), 1);

    // 501 characters (counted in characters, not bytes) for a 500-character prompt.
    let long: String = "æ".repeat(501);
    let mut form = choice_question_form(&[
        ("prompt_en", long.as_str()),
        ("help_text_en", "Pick one."),
        ("options_en", "My own home\nShelter"),
    ]);
    form[1] = ("prompt", "Hvor bor du lige nu?");
    let res = app.post_form(&path, &form).await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap_or_default();
    assert_eq!(
        text_of(&page, ".error-summary a").as_deref(),
        Some("Engelsk (English): Teksten er for lang eller har tegn, vi ikke kan gemme")
    );
    let doc = html(&page);
    let link = scraper::Selector::parse(".error-summary a").expect("selector");
    assert_eq!(doc.select(&link).next().and_then(|a| a.value().attr("href")), Some("#prompt_en"));
    // The form comes back with what was typed, English included.
    assert_eq!(field_value(&page, "prompt_en"), long);
    assert_eq!(field_value(&page, "help_text_en"), "Pick one.");
    assert_eq!(field_value(&page, "options_en"), "My own home\nShelter");
    assert_eq!(field_value(&page, "prompt"), "Hvor bor du lige nu?");
    assert_eq!(rows(&app, &ids[2]), before);
    let prompt: String = questions::table
        .find(&ids[2])
        .select(questions::prompt)
        .first(&mut *app.conn())
        .expect("prompt");
    assert_eq!(prompt, "Hvor bor du nu?", "the Danish text is not saved either");

    // More English options than Danish ones, or one over 200 characters: refused too.
    let too_long_label = "x".repeat(201);
    for options in ["A\nB\nC\nD", too_long_label.as_str()] {
        let res = app.post_form(&path, &choice_question_form(&[("options_en", options)])).await;
        assert_eq!(res.status().as_u16(), 422, "{options}");
        assert_eq!(rows(&app, &ids[2]), before);
    }

    // A workshop title over 200 characters: 422, and the workshop is not touched.
    let version = |app: &TestApp| -> i32 {
        workshops::table
            .find(&s.workshop_id)
            .select(workshops::version)
            .first(&mut *app.conn())
            .expect("version")
    };
    let v = version(&app);
    let title: String = "T".repeat(201);
    let mut form = WORKSHOP_FORM.to_vec();
    form.push(("title_en", title.as_str()));
    form.push(("intro_en", "Kept while fixing the title."));
    let res = app.post_form(&format!("/staff/workshops/{}", s.workshop_id), &form).await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap_or_default();
    assert_eq!(field_value(&page, "intro_en"), "Kept while fixing the title.");
    assert_eq!(version(&app), v);
    assert!(rows(&app, &s.workshop_id).is_empty());
}

async fn deleting_a_question_deletes_its_translations(backend: Backend) {
    let app = spawn_app(backend).await;
    app.login_as(Role::Facilitator).await;
    let s = seed_workshop(&app, WorkshopStatus::Draft);
    let ids = question_ids(&app, &s.workshop_id);
    let mut form = WORKSHOP_FORM.to_vec();
    form.push(("title_en", "The right home"));
    app.post_form(&format!("/staff/workshops/{}", s.workshop_id), &form).await;
    app.post_form(
        &format!("/staff/questions/{}", ids[1]),
        &[
            ("kind", "short_text"),
            ("prompt", "Ét ord om din bolig"),
            ("prompt_en", "One word about your home"),
            ("help_text_en", "Any word."),
        ],
    )
    .await;
    assert_eq!(rows(&app, &ids[1]).len(), 2);

    let res = app.post_form(&format!("/staff/questions/{}/delete", ids[1]), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(question_ids(&app, &s.workshop_id).len(), 5);
    assert!(rows(&app, &ids[1]).is_empty());
    assert_eq!(rows(&app, &s.workshop_id).len(), 1, "the workshop keeps its own");
}

async fn english_wording_can_change_on_an_open_workshop(backend: Backend) {
    let app = spawn_app(backend).await;
    app.login_as(Role::Facilitator).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let ids = question_ids(&app, &s.workshop_id);

    // Someone answers in English before anything is translated.
    let en = english_browser(&app);
    en.join_workshop(&s.code).await;
    let path = format!("/j/{}/q/3", s.code);
    let res = en.answer(&path, &[("answer", "o2"), ("action", "save")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let check = en.get_html(&format!("/j/{}/check", s.code)).await;
    assert_eq!(text_of(&check, "#q3 .summary-value").as_deref(), Some("Herberg"));
    assert_eq!(lang_of(&check, "#q3 .summary-value span").as_deref(), Some("da"));

    // The live survey: an attempt to change the structure is ignored, the wording is saved.
    let res = app
        .post_form(
            &format!("/staff/questions/{}", ids[2]),
            &[
                ("kind", "long_text"),
                ("prompt", "Hvor bor du nu?"),
                ("options", "Noget andet\nHelt andet"),
                ("prompt_en", "Where do you live now?"),
                ("options_en", "My own home\nA shelter\nWith friends"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (kind, options): (String, String) = questions::table
        .find(&ids[2])
        .select((questions::kind, questions::options))
        .first(&mut *app.conn())
        .expect("question");
    assert_eq!(kind, "single_choice");
    assert!(options.contains("Herberg") && !options.contains("Noget andet"));
    assert_eq!(rows(&app, &ids[2]).len(), 2);
    // The locked form still offers the English options, with the Danish ones for reference.
    let edit = app.get_html(&format!("/staff/questions/{}/edit", ids[2])).await;
    assert_eq!(
        field_value(&edit, "options_en").trim_start_matches('\n'),
        "My own home\nA shelter\nWith friends"
    );
    assert!(edit.contains("Hos venner"));
    assert!(!edit.contains(r#"name="options""#));

    // The workshop's English title on the open workshop; its version moves on as with any edit.
    let version = |app: &TestApp| -> i32 {
        workshops::table
            .find(&s.workshop_id)
            .select(workshops::version)
            .first(&mut *app.conn())
            .expect("version")
    };
    let v = version(&app);
    let mut form = WORKSHOP_FORM.to_vec();
    form.push(("title_en", "The right home"));
    let res = app.post_form(&format!("/staff/workshops/{}", s.workshop_id), &form).await;
    assert_eq!(location(&res), format!("/staff/workshops/{}?done=saved", s.workshop_id));
    assert_eq!(version(&app), v + 1);

    // The earlier answer now reads in English; nothing about it changed.
    let check = en.get_html(&format!("/j/{}/check", s.code)).await;
    assert_eq!(text_of(&check, "#q3 .summary-value").as_deref(), Some("A shelter"));
    assert_eq!(text_of(&check, "#q3 dt").as_deref(), Some("Where do you live now?"));
    let start = en.get_html(&format!("/j/{}", s.code)).await;
    assert_eq!(text_of(&start, "h1").as_deref(), Some("The right home"));
    let stored: String = answers::table
        .filter(answers::question_id.eq(&ids[2]))
        .select(answers::value)
        .first(&mut *app.conn())
        .expect("answer");
    assert_eq!(stored, r#"{"choices":["o2"]}"#);
}

async fn the_open_demo_workshop_is_complete_in_english(backend: Backend) {
    let app = spawn_app(backend).await;
    let info = deltag::demo::load(&mut app.conn()).expect("demo");
    let code = info.open_join_code.expect("an open workshop");
    let en = english_browser(&app);
    let start = en.get_html(&format!("/j/{code}")).await;
    assert_eq!(text_of(&start, "h1").as_deref(), Some("Dreams for future support"));
    assert!(danish_marked(&start).is_empty());
    en.join_workshop(&code).await;
    let url = reqwest::Url::parse(&en.address).expect("url");
    for wording in ["normal-normal", "normal-normal-easy"] {
        // The display choice: questions as written, then in easy-read words.
        en.jar.add_cookie_str(&format!("display={wording}; Path=/"), &url);
        for n in 1..=6 {
            let page = en.get_html(&format!("/j/{code}/q/{n}")).await;
            assert!(
                danish_marked(&page).is_empty(),
                "question {n} ({wording}): {:?}",
                danish_marked(&page)
            );
            let h1 = text_of(&page, "h1").unwrap_or_default();
            assert!(
                !h1.contains(['æ', 'ø', 'å']) && !h1.starts_with("Hv"),
                "question {n} ({wording}) is in English: {h1}"
            );
        }
    }
    let check = en.get_html(&format!("/j/{code}/check")).await;
    assert!(danish_marked(&check).is_empty());

    // Danish stays Danish.
    let da = app.other_client();
    let start = da.get_html(&format!("/j/{code}")).await;
    assert_eq!(text_of(&start, "h1").as_deref(), Some("Drømme til fremtidens støtte"));
}

on_both_backends!(
    staff_write_english_and_participants_read_their_language,
    clearing_an_english_field_removes_its_translation,
    too_long_english_text_is_refused_and_changes_nothing,
    deleting_a_question_deletes_its_translations,
    english_wording_can_change_on_an_open_workshop,
    the_open_demo_workshop_is_complete_in_english,
);
