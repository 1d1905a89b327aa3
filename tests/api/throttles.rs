//! Throttles that only slow guessers (issue 13): wrong join codes from any number of
//! addresses never stop a right code or a participant who has joined; `qr.svg` is counted
//! like `/j/{code}`; parallel logins check at most the limit of passwords and never refuse
//! the right one while the account is not locked.

use std::time::Duration;

use deltag::auth::Role;
use deltag::db::schema::{answers, rate_limits};
use deltag::db::Backend;
use deltag::survey::domain::WorkshopStatus;
use deltag::throttle;
use diesel::prelude::*;

use crate::helpers::{location, spawn_app_with, TestApp};
use crate::on_both_backends;
use crate::survey_helpers::{seed_workshop, Seeded};

/// A server that takes the client address from `X-Forwarded-For` (as behind a proxy), with
/// a short pace so paced lookups don't make the tests slow.
async fn spawn_behind_proxy(backend: Backend) -> TestApp {
    spawn_app_with(backend, |s| {
        s.trust_forwarded = true;
        s.join_pace = (Duration::from_millis(100), Duration::from_secs(1));
    })
    .await
}

/// Another phone, behind address `ip`: its own cookies, every request from that address.
fn phone(app: &TestApp, ip: &str) -> TestApp {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-forwarded-for", ip.parse().expect("header"));
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_provider(jar.clone())
        .default_headers(headers)
        .timeout(Duration::from_secs(60))
        .build()
        .expect("client");
    TestApp { client, jar, ..app.other_client() }
}

async fn status(app: &TestApp, path: &str) -> u16 {
    app.get(path).await.status().as_u16()
}

/// `n` wrong codes from `ip`, each answered 404 (paced perhaps, never refused).
async fn guess_wrong(app: &TestApp, ip: &str, n: usize, salt: usize) {
    let guesser = phone(app, ip);
    for i in 0..n {
        let code = format!("/j/{:08}", 10_000_000 + salt * 1000 + i);
        assert_eq!(status(&guesser, &code).await, 404, "{ip} guessing {code}");
    }
}

fn hits(app: &TestApp, key: &str) -> i32 {
    rate_limits::table
        .find(key)
        .select(rate_limits::hits)
        .first(&mut *app.conn())
        .optional()
        .expect("hits")
        .unwrap_or(0)
}

fn answers_stored(app: &TestApp) -> i64 {
    answers::table.count().get_result(&mut *app.conn()).expect("count")
}

/// A joined phone answers the free-text question and the short one, checks and sends.
async fn answer_all(p: &TestApp, s: &Seeded, first: &str) {
    let res = p
        .answer(first, &[("answer", "Et sted, hvor jeg kan låse døren"), ("action", "save")])
        .await;
    assert_eq!(res.status().as_u16(), 303, "answer to q/1");
    let res = p.answer(&location(&res), &[("answer", "Tryghed"), ("action", "save")]).await;
    assert_eq!(res.status().as_u16(), 303, "answer to q/2");
    assert_eq!(status(p, &format!("/j/{}/check", s.code)).await, 200);
    let res = p.post_form(&format!("/j/{}/finish", s.code), &[]).await;
    assert_eq!(res.status().as_u16(), 303, "finish");
}

async fn wrong_codes_from_many_addresses_never_stop_a_right_code_or_a_joined_phone(
    backend: Backend,
) {
    let app = spawn_behind_proxy(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    // Two participants joined before the flood: one on an address that will flood too.
    let early = phone(&app, "10.5.0.1");
    let early_first = early.join_workshop(&s.code).await;
    let neighbour = phone(&app, "10.3.0.7");
    let neighbour_first = neighbour.join_workshop(&s.code).await;

    // 35 addresses, 60 wrong codes each: past the global allowance of 2,000.
    let floods: Vec<_> = (0..35)
        .map(|n| {
            let app = app.other_client();
            async move { guess_wrong(&app, &format!("10.3.0.{n}"), 60, n).await }
        })
        .collect();
    futures_util::future::join_all(floods).await;
    assert!(hits(&app, "join-global") >= 2000, "the global count saw every wrong code");

    // A fresh phone opens the right code, joins and answers at once.
    let fresh = phone(&app, "10.7.7.7");
    let first = fresh.join_workshop(&s.code).await;
    answer_all(&fresh, &s, &first).await;
    // The participants who joined before keep answering, checking and sending, the one on a
    // flooding address too.
    answer_all(&early, &s, &early_first).await;
    answer_all(&neighbour, &s, &neighbour_first).await;
    assert_eq!(answers_stored(&app), 6, "every acknowledged answer is stored");
    // A wrong code from a flooding address is still only a 404 (slowed, not refused).
    assert_eq!(status(&phone(&app, "10.3.0.1"), "/j/99999999").await, 404);
}

async fn a_careless_phone_on_the_shared_wifi_locks_nobody_out(backend: Backend) {
    let app = spawn_behind_proxy(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let wifi = "10.1.1.1";
    let joined = phone(&app, wifi);
    let first = joined.join_workshop(&s.code).await;
    // One phone on the workshop Wi-Fi types 70 wrong codes.
    guess_wrong(&app, wifi, 70, 1).await;
    assert_eq!(hits(&app, &throttle::key("join-client", wifi)), 70);
    // Every other phone behind that address still opens the right code, joins and answers.
    for n in 0..3 {
        let p = phone(&app, wifi);
        let first = p.join_workshop(&s.code).await;
        answer_all(&p, &s, &first).await;
        assert_eq!(answers_stored(&app), 2 * (n + 1));
    }
    // The phone that joined before answers too.
    answer_all(&joined, &s, &first).await;
    assert_eq!(answers_stored(&app), 8);
}

async fn a_paced_guesser_meets_a_queue_not_a_quicker_answer(backend: Backend) {
    let app = spawn_behind_proxy(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    guess_wrong(&app, "10.9.9.9", 60, 2).await;
    // 30 lookups at once from the paced address: about 1 s of queue (10 slots of 100 ms)
    // is answered, the rest is told to come back; a right code gets no quicker answer than a
    // wrong one, so the statuses give nothing away.
    let guesser = phone(&app, "10.9.9.9");
    let lookups = (0..30).map(|i| {
        let g = &guesser;
        let code = if i % 2 == 0 { s.code.clone() } else { format!("{:08}", 20_000_000 + i) };
        async move { status(g, &format!("/j/{code}")).await }
    });
    let statuses = futures_util::future::join_all(lookups).await;
    let refused = statuses.iter().filter(|s| **s == 429).count();
    let answered = statuses.iter().filter(|s| **s == 200 || **s == 404).count();
    assert_eq!(refused + answered, 30, "{statuses:?}");
    assert!(refused >= 15, "the queue is bounded: {statuses:?}");
    assert!(answered >= 5, "the queue still serves: {statuses:?}");
    // Other addresses are not affected.
    assert_eq!(status(&phone(&app, "10.1.2.3"), &format!("/j/{}", s.code)).await, 200);
    // Windows end: once the wrong codes are 11 minutes old, nothing is paced any more.
    diesel::update(rate_limits::table)
        .set(rate_limits::window_start.eq(deltag::db::now() - chrono::Duration::minutes(11)))
        .execute(&mut *app.conn())
        .expect("age");
    let path = format!("/j/{}", s.code);
    let lookups = (0..30).map(|_| status(&guesser, &path));
    let statuses = futures_util::future::join_all(lookups).await;
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
}

async fn the_qr_code_is_counted_like_the_code_and_hides_drafts(backend: Backend) {
    let app = spawn_behind_proxy(backend).await;
    let open = seed_workshop(&app, WorkshopStatus::Open);
    let draft = seed_workshop(&app, WorkshopStatus::Draft);
    let closed = seed_workshop(&app, WorkshopStatus::Closed);
    let p = phone(&app, "10.4.4.4");
    let key = throttle::key("join-client", "10.4.4.4");
    assert_eq!(status(&p, &format!("/j/{}/qr.svg", open.code)).await, 200);
    assert_eq!(status(&p, &format!("/j/{}/qr.svg", closed.code)).await, 410);
    assert_eq!(hits(&app, &key), 0, "real codes are not wrong guesses");
    // A draft's code answers exactly like an unknown one, and both count.
    let unknown = p.get("/j/99999998/qr.svg").await;
    let hidden = p.get(&format!("/j/{}/qr.svg", draft.code)).await;
    assert_eq!((unknown.status().as_u16(), hidden.status().as_u16()), (404, 404));
    // (The pages differ only where they name the address asked for.)
    let unknown = unknown.text().await.expect("body").replace("99999998", "CODE");
    let hidden = hidden.text().await.expect("body").replace(&draft.code, "CODE");
    assert_eq!(unknown, hidden, "the same page for a draft and an unknown code");
    assert_eq!(status(&p, "/j/abc/qr.svg").await, 404);
    assert_eq!(hits(&app, &key), 3, "every wrong QR lookup is counted");
}

/// `n` logins at once for `email`, `right` of them with the right password: the statuses.
async fn parallel_logins(
    app: &TestApp, email: &str, password: &str, n: usize, right: &[usize],
) -> Vec<u16> {
    let csrf = app.csrf_token().await;
    let logins = (0..n).map(|i| {
        let pw = if right.contains(&i) { password.to_owned() } else { format!("forkert {i}") };
        let (client, url, email, csrf) =
            (app.client.clone(), app.url("/login"), email.to_owned(), csrf.clone());
        async move {
            let form = [("email", email.as_str()), ("password", &pw), ("csrf_token", &csrf)];
            let res = client.post(url).form(&form).send().await.expect("login");
            res.status().as_u16()
        }
    });
    futures_util::future::join_all(logins).await
}

fn reservations(app: &TestApp, email: &str) -> (i32, i32) {
    rate_limits::table
        .find(throttle::key("login-account", email))
        .select((rate_limits::hits, rate_limits::pending))
        .first(&mut *app.conn())
        .expect("the account's row")
}

async fn parallel_logins_check_at_most_the_limit_and_never_refuse_the_right_password(
    backend: Backend,
) {
    let app = spawn_behind_proxy(backend).await;
    // 200 wrong passwords at once: at most 10 are checked, the rest wait their turn and are
    // told to come back.
    let target = app.create_user(Role::Facilitator);
    let statuses = parallel_logins(&app, &target.email, &target.password, 200, &[]).await;
    let checked = statuses.iter().filter(|s| **s == 422).count();
    assert!(checked <= 10, "{checked} passwords checked");
    assert_eq!(checked + statuses.iter().filter(|s| **s == 429).count(), 200, "{statuses:?}");
    assert_eq!(reservations(&app, &target.email), (checked as i32, 0));
    // Locked now: the right password waits too.
    assert_eq!(app.login(&target.email, &target.password).await.status().as_u16(), 429);

    // The right password 40 times at once, on an account with no failures: never refused.
    let busy = app.create_user(Role::Facilitator);
    let statuses =
        parallel_logins(&app, &busy.email, &busy.password, 40, &(0..40).collect::<Vec<_>>()).await;
    assert!(statuses.iter().all(|s| *s == 303), "{statuses:?}");
    assert_eq!(reservations(&app, &busy.email), (0, 0));

    // The right password among 9 wrong ones at once: all ten are checked, the right one wins.
    let mixed = app.create_user(Role::Viewer);
    let statuses = parallel_logins(&app, &mixed.email, &mixed.password, 10, &[4]).await;
    assert_eq!(statuses[4], 303, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 422).count(), 9, "{statuses:?}");
    assert_eq!(reservations(&app, &mixed.email), (9, 0));
}

on_both_backends!(
    wrong_codes_from_many_addresses_never_stop_a_right_code_or_a_joined_phone,
    a_careless_phone_on_the_shared_wifi_locks_nobody_out,
    a_paced_guesser_meets_a_queue_not_a_quicker_answer,
    the_qr_code_is_counted_like_the_code_and_hides_drafts,
    parallel_logins_check_at_most_the_limit_and_never_refuse_the_right_password,
);
