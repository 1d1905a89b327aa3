//! The room: the wall behind its link, its moderation gate, live event streams (resume with
//! `Last-Event-ID`, replicas delivering each other's events) and the live answers page.

use std::time::Duration;

use deltag::auth::domain::Role;
use deltag::db::schema::walls;
use deltag::db::Backend;
use diesel::prelude::*;

use crate::helpers::{location, spawn_app, TestApp};
use crate::on_both_backends;
use crate::survey_helpers::{seed_workshop, Seeded};
use deltag::survey::WorkshopStatus;

/// One server-sent event.
#[derive(Debug)]
struct Message {
    id: i64,
    event: String,
    data: String,
}

/// Reads an event stream message by message.
struct Events {
    res: reqwest::Response,
    buffer: String,
}

impl Events {
    async fn open(app: &TestApp, path: &str, last_event_id: Option<i64>) -> Events {
        let mut req = app.client.get(app.url(path)).header("Accept", "text/event-stream");
        if let Some(id) = last_event_id {
            req = req.header("Last-Event-ID", id.to_string());
        }
        let res = req.send().await.expect("stream");
        assert_eq!(res.status().as_u16(), 200, "GET {path}");
        let kind = res.headers().get("content-type").and_then(|v| v.to_str().ok());
        assert_eq!(kind, Some("text/event-stream"));
        Events { res, buffer: String::new() }
    }

    /// The next message (comments skipped), or None when none comes within `wait`.
    async fn next(&mut self, wait: Duration) -> Option<Message> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            while let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let mut msg = Message { id: -1, event: "message".into(), data: String::new() };
                let mut lines = 0;
                for line in block.lines() {
                    if let Some(v) = line.strip_prefix("id: ") {
                        msg.id = v.parse().expect("numeric id");
                    } else if let Some(v) = line.strip_prefix("event: ") {
                        msg.event = v.to_owned();
                    } else if let Some(v) = line.strip_prefix("data: ") {
                        if lines > 0 {
                            msg.data.push('\n');
                        }
                        msg.data.push_str(v);
                        lines += 1;
                    }
                }
                if lines > 0 {
                    return Some(msg);
                }
            }
            let chunk = tokio::time::timeout_at(deadline, self.res.chunk()).await.ok()?;
            let chunk = chunk.expect("stream chunk")?;
            self.buffer.push_str(std::str::from_utf8(&chunk).expect("utf-8"));
        }
    }

    /// Messages until one whose data satisfies `want`; panics after 10 s.
    async fn until(&mut self, want: impl Fn(&Message) -> bool) -> Message {
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while std::time::Instant::now() < deadline {
            if let Some(m) = self.next(Duration::from_secs(1)).await {
                if want(&m) {
                    return m;
                }
            }
        }
        panic!("no such event within 10 s");
    }
}

/// A facilitator makes the wall link; returns its path.
async fn make_wall(staff: &TestApp, s: &Seeded) -> String {
    let res = staff.post_form(&format!("/staff/workshops/{}/wall/link", s.workshop_id), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    let token: Option<String> = walls::table
        .find(&s.workshop_id)
        .select(walls::token)
        .first(&mut staff.conn())
        .expect("wall row");
    format!("/v/{}", token.expect("a token"))
}

/// A phone joins and answers the first (long text) question; returns the answer's id.
async fn phone_says(app: &TestApp, s: &Seeded, text: &str) -> String {
    let phone = app.other_client();
    let q1 = phone.join_workshop(&s.code).await;
    let res = phone.answer(&q1, &[("answer", text), ("action", "save")]).await;
    assert_eq!(res.status().as_u16(), 303);
    use deltag::db::schema::answers;
    answers::table
        .filter(answers::value.eq(text))
        .select(answers::id)
        .first::<deltag::db::AnswerId>(&mut app.conn())
        .expect("stored answer")
        .to_string()
}

async fn decide(staff: &TestApp, s: &Seeded, answer: &str, decision: &str) {
    let path = format!("/staff/workshops/{}/wall/cards", s.workshop_id);
    let res = staff.post_form(&path, &[("answer_id", answer), ("decision", decision)]).await;
    assert_eq!(res.status().as_u16(), 303, "{decision} {answer}");
    assert!(location(&res).ends_with(&format!("#card-{answer}")));
}

/// Two facilitators' first decisions about the same answer at the same moment. The first is
/// made and held open; the second starts meanwhile, finds no row (on PostgreSQL the first's
/// row is not visible yet) and waits at its insert until the first commits. It must then
/// update that row (the later decision wins), not fail on the duplicate key.
async fn a_first_decision_meeting_another_updates_it(backend: Backend) {
    use deltag::db::schema::wall_answers;
    use deltag::db::{write_transaction, AnswerId, WorkshopId};
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let me = app.login_as(Role::Facilitator).await;
    let answer = AnswerId::parse(&phone_says(&app, &s, CALM).await).expect("id");
    let workshop: WorkshopId = s.workshop_id.clone();
    let (db, by) = (app.db.clone(), me.id.clone());
    let mut first = app.conn();
    let second = write_transaction(&mut first, |conn| {
        assert!(deltag::room::decide(conn, &workshop, &answer, true, &by)?);
        let (db, workshop, answer, by) = (db.clone(), workshop.clone(), answer.clone(), by.clone());
        let second = std::thread::spawn(move || {
            let mut conn = db.get().expect("second connection");
            write_transaction(&mut conn, |c| {
                deltag::room::decide(c, &workshop, &answer, false, &by)
            })
        });
        // Long enough for the second to reach its insert and wait there.
        std::thread::sleep(Duration::from_millis(300));
        Ok::<_, diesel::result::Error>(second)
    })
    .expect("the first decision");
    let taken = second.join().expect("second thread");
    assert_eq!(taken, Ok(true), "the second decision is taken, not an error");
    let rows: Vec<bool> = wall_answers::table
        .filter(wall_answers::answer_id.eq(&answer))
        .select(wall_answers::shown)
        .load(&mut app.conn())
        .expect("rows");
    assert_eq!(rows, [false], "one row, with the later decision");
}

const CALM: &str = "Ro og en dør jeg kan låse";
const PRIVATE: &str = "Ring til mig på 22 33 44 55";
const LATER: &str = "Mere ro om natten";

async fn the_wall_shows_only_what_is_let_through(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    app.login_as(Role::Facilitator).await;
    let wall = make_wall(&app, &s).await;
    let calm = phone_says(&app, &s, CALM).await;
    let private = phone_says(&app, &s, PRIVATE).await;

    // Nothing free-text is on the wall before a facilitator lets it through.
    let viewer = app.other_client();
    let page = viewer.get_html(&wall).await;
    assert!(!page.contains(CALM) && !page.contains("22 33 44 55"));
    let mut events = Events::open(&viewer, &format!("{wall}/events"), None).await;
    let first = events.next(Duration::from_secs(5)).await.expect("the current wall at once");
    assert!(first.id > 0);
    assert!(!first.data.contains(CALM) && !first.data.contains("22 33 44 55"));
    assert!(first.data.contains("2 har åbnet"), "{}", first.data);
    // The control page lists both, the one with a phone number flagged.
    let control = app.get_html(&format!("/staff/workshops/{}/wall", s.workshop_id)).await;
    assert!(control.contains(CALM) && control.contains(PRIVATE));
    assert!(control.contains("Kan have personlige oplysninger. Vises ikke."));

    decide(&app, &s, &calm, "show").await;
    let shown = events.until(|m| m.data.contains(CALM)).await;
    assert!(shown.id > first.id);
    assert!(!shown.data.contains("22 33 44 55"));
    // A flagged answer stays off even when let through, and with everything let through.
    decide(&app, &s, &private, "show").await;
    let path = format!("/staff/workshops/{}/wall/settings", s.workshop_id);
    let res = app.post_form(&path, &[("show_join", "yes"), ("let_all_through", "yes")]).await;
    assert_eq!(res.status().as_u16(), 303);
    phone_says(&app, &s, LATER).await;
    let all = events.until(|m| m.data.contains(LATER)).await;
    assert!(all.data.contains(CALM) && !all.data.contains("22 33 44 55"));
    assert!(!viewer.get_html(&wall).await.contains("22 33 44 55"));

    // Taken down: gone from the stream and the page at once, also with everything let through.
    decide(&app, &s, &calm, "take-down").await;
    let down = events.until(|m| !m.data.contains(CALM)).await;
    assert!(down.data.contains(LATER));
    assert!(!viewer.get_html(&wall).await.contains(CALM));

    // Revoked: the open stream says gone and ends; the link is 404 like any unknown link.
    let res = app.post_form(&format!("/staff/workshops/{}/wall/revoke", s.workshop_id), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    let gone = events.until(|m| m.event == "gone").await;
    assert!(gone.data.is_empty());
    assert_eq!(viewer.get(&wall).await.status().as_u16(), 404);
    assert_eq!(viewer.get(&format!("{wall}/events")).await.status().as_u16(), 404);
    assert_eq!(viewer.get("/v/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").await.status().as_u16(), 404);
    // The wall link never grants staff pages.
    let res = viewer.get(&format!("/staff/workshops/{}/wall", s.workshop_id)).await;
    assert!(location(&res).starts_with("/login"));
}

async fn a_reconnecting_wall_gets_what_it_missed(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    app.login_as(Role::Facilitator).await;
    let wall = make_wall(&app, &s).await;
    let stream = format!("{wall}/events");
    let viewer = app.other_client();
    let mut events = Events::open(&viewer, &stream, None).await;
    let seen = events.next(Duration::from_secs(5)).await.expect("current wall");
    assert!(seen.data.contains("0 har åbnet"));
    drop(events);

    // While the wall is away, a phone joins and answers yes/no.
    let phone = app.other_client();
    phone.join_workshop(&s.code).await;
    let res =
        phone.answer(&format!("/j/{}/q/6", s.code), &[("answer", "yes"), ("action", "save")]).await;
    assert_eq!(res.status().as_u16(), 303);

    // Back with the id it had: what it missed comes at once.
    let mut events = Events::open(&viewer, &stream, Some(seen.id)).await;
    let missed = events.next(Duration::from_secs(5)).await.expect("the missed update at once");
    assert!(missed.id > seen.id);
    assert!(missed.data.contains("1 har åbnet"), "{}", missed.data);
    drop(events);
    // Back with the newest id: nothing new, nothing sent.
    let mut events = Events::open(&viewer, &stream, Some(missed.id)).await;
    assert!(events.next(Duration::from_millis(1500)).await.is_none());
    // `?since=` (a page that says how new it is) works the same.
    let mut events = Events::open(&viewer, &format!("{stream}?since={}", seen.id), None).await;
    assert_eq!(events.next(Duration::from_secs(5)).await.map(|m| m.id), Some(missed.id));
}

async fn two_replicas_deliver_each_others_events(backend: Backend) {
    let one = spawn_app(backend).await;
    let two = one.second_replica();
    let s = seed_workshop(&one, WorkshopStatus::Open);
    one.login_as(Role::Facilitator).await;
    let wall = make_wall(&one, &s).await;
    // The wall hangs on replica two; everything else happens through replica one.
    let mut events = Events::open(&two, &format!("{wall}/events"), None).await;
    events.next(Duration::from_secs(5)).await.expect("current wall");
    let answer = phone_says(&one, &s, CALM).await;
    decide(&one, &s, &answer, "show").await;
    let shown = events.until(|m| m.data.contains(CALM)).await;
    assert!(shown.id > 0);
    // And the other way: a facilitator on replica two, the answers page stream on replica one.
    two.login_as(Role::Facilitator).await;
    let mut answers =
        Events::open(&one, &format!("/staff/workshops/{}/answers/events", s.workshop_id), None)
            .await;
    answers.next(Duration::from_secs(5)).await.expect("current answers");
    let two_phone = two.other_client();
    let q1 = two_phone.join_workshop(&s.code).await;
    two_phone.answer(&q1, &[("answer", LATER), ("action", "save")]).await;
    answers.until(|m| m.data.contains(LATER)).await;
}

async fn the_answers_page_follows_new_answers(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let path = format!("/staff/workshops/{}/answers", s.workshop_id);
    // Staff only, stream included.
    let res = app.get(&format!("{path}/events")).await;
    assert!(location(&res).starts_with("/login"));
    app.login_as(Role::Viewer).await;
    let page = app.get_html(&path).await;
    let live = crate::helpers::html(&page);
    let sel = scraper::Selector::parse("[data-live-src]").expect("selector");
    let region = live.select(&sel).next().expect("a live region");
    assert_eq!(region.value().attr("data-live-src"), Some(format!("{path}/events").as_str()));
    let since: i64 = region.value().attr("data-live-since").expect("since").parse().expect("id");
    let mut events = Events::open(&app, &format!("{path}/events?since={since}"), None).await;
    // Drawn as of the page: nothing new yet.
    assert!(events.next(Duration::from_millis(800)).await.is_none());
    phone_says(&app, &s, CALM).await;
    let m = events.until(|m| m.data.contains(CALM)).await;
    assert!(m.id > since);
    assert!(m.data.contains("1 har åbnet"));
}

on_both_backends!(
    a_first_decision_meeting_another_updates_it,
    the_wall_shows_only_what_is_let_through,
    a_reconnecting_wall_gets_what_it_missed,
    two_replicas_deliver_each_others_events,
    the_answers_page_follows_new_answers,
);

/// The workshop's topic with three key points; returns the topic and their ids in order.
fn key_points(app: &TestApp, s: &Seeded) -> (deltag::db::TopicId, Vec<deltag::db::KeyPointId>) {
    let mut conn = app.conn();
    let w = deltag::survey::find_workshop(&mut conn, &s.workshop_id).expect("find").expect("some");
    let ids =
        ["Et hjem er mere end fire vægge", "Støtten skal blive, til man er klar", "Ro om natten"]
            .iter()
            .map(|t| {
                let text = deltag::text::LongText::parse(t).expect("text");
                deltag::themes::add_key_point(&mut conn, &w.topic_id, None, &text)
                    .expect("key point")
            })
            .collect();
    (w.topic_id, ids)
}

fn round_items(app: &TestApp, s: &Seeded) -> Vec<String> {
    let (_, items) = deltag::room::latest_round(&mut app.conn(), &s.workshop_id)
        .expect("round")
        .expect("an open round");
    items.into_iter().map(|i| i.id.to_string()).collect()
}

fn stored_round_answers(app: &TestApp) -> Vec<(String, String, Option<String>, String, i32)> {
    use deltag::db::schema::round_answers as ra;
    let mut rows: Vec<(String, String, Option<String>, String, i32)> = ra::table
        .select((ra::item_id, ra::participant_id, ra::verdict, ra::comment, ra::dots))
        .load(&mut app.conn())
        .expect("round answers");
    rows.sort();
    rows
}

async fn member_checks_count_once_per_person_and_reach_the_report(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let (topic, _) = key_points(&app, &s);
    app.login_as(Role::Facilitator).await;
    let wall = make_wall(&app, &s).await;
    let control = format!("/staff/workshops/{}/wall", s.workshop_id);
    let res = app
        .post_form(&format!("{control}/round"), &[("kind", "check"), ("about", "key-points")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let items = round_items(&app, &s);
    assert_eq!(items.len(), 3);
    let page = format!("/j/{}/rum", s.code);

    // Without having joined, the phone is sent to the start page first.
    let phone = app.other_client();
    assert_eq!(location(&phone.get(&page).await), format!("/j/{}", s.code));
    phone.join_workshop(&s.code).await;
    let html = phone.get_html(&page).await;
    assert_eq!(
        crate::helpers::html(&html)
            .select(&scraper::Selector::parse("fieldset").expect("sel"))
            .count(),
        3
    );
    let round_id = crate::survey_helpers::hidden(&html, "round_id");
    let (v1, v2, c1) =
        (format!("v-{}", items[0]), format!("v-{}", items[1]), format!("c-{}", items[0]));
    let first = [
        ("round_id", round_id.as_str()),
        (v1.as_str(), "yes"),
        (c1.as_str(), "Det passer godt"),
        (v2.as_str(), "partly"),
    ];
    // A double tap and a resend store it once.
    for _ in 0..2 {
        let res = phone.post_form(&page, &first).await;
        assert_eq!(res.status().as_u16(), 303);
        assert_eq!(location(&res), format!("{page}?sendt"));
    }
    assert_eq!(stored_round_answers(&app).len(), 2);
    // Changing one's mind replaces the earlier answer.
    let changed = [("round_id", round_id.as_str()), (v1.as_str(), "no"), (v2.as_str(), "partly")];
    assert_eq!(phone.post_form(&page, &changed).await.status().as_u16(), 303);
    let rows = stored_round_answers(&app);
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().any(|r| r.0 == items[0] && r.2.as_deref() == Some("no") && r.3.is_empty()));
    // A verdict that is not one of the three changes nothing.
    let bad = [("round_id", round_id.as_str()), (v1.as_str(), "maybe")];
    assert_eq!(phone.post_form(&page, &bad).await.status().as_u16(), 400);
    assert_eq!(stored_round_answers(&app), rows);

    let other = app.other_client();
    other.join_workshop(&s.code).await;
    let yes = [("round_id", round_id.as_str()), (v1.as_str(), "yes")];
    assert_eq!(other.post_form(&page, &yes).await.status().as_u16(), 303);
    // The show of hands of two people without phones (and one against).
    let hands = [("item_id", items[0].as_str()), ("yes", "2"), ("partly", ""), ("no", "1")];
    assert_eq!(app.post_form(&format!("{control}/hands"), &hands).await.status().as_u16(), 303);

    let mut events = Events::open(&app.other_client(), &format!("{wall}/events"), None).await;
    let m = events.next(Duration::from_secs(5)).await.expect("wall");
    assert!(m.data.contains("3 ja · 0 delvist · 2 nej"), "{}", m.data);
    // The report says it with the key point.
    let res = app.get(&format!("/staff/export/download?scope=topic&id={topic}&format=html")).await;
    assert_eq!(res.status().as_u16(), 200);
    let report = res.text().await.expect("report");
    assert!(report.contains("Bekræftet af deltagerne: 3 af 5 ja, 2 nej"), "report");

    // Closed: phones can no longer answer, and nothing changes.
    assert_eq!(app.post_form(&format!("{control}/round/close"), &[]).await.status().as_u16(), 303);
    let late = [("round_id", round_id.as_str()), (v1.as_str(), "partly")];
    let res = other.post_form(&page, &late).await;
    assert_eq!((res.status().as_u16(), location(&res)), (303, page.clone()));
    assert!(other.get_html(&page).await.contains("Intet spørgsmål lige nu"));
    assert_eq!(stored_round_answers(&app).len(), 3);
    // Retention deletes the people and their comments, never what the room said.
    deltag::retention::delete_answers(&mut app.conn(), &s.workshop_id, deltag::db::now())
        .expect("retention");
    assert!(stored_round_answers(&app).is_empty());
    let res = app.get(&format!("/staff/export/download?scope=topic&id={topic}&format=html")).await;
    let report = res.text().await.expect("report");
    assert!(report.contains("Bekræftet af deltagerne: 3 af 5 ja, 2 nej"), "after retention");
}

async fn dot_votes_count_once_and_can_order_the_key_points(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let (topic, points) = key_points(&app, &s);
    app.login_as(Role::Facilitator).await;
    let control = format!("/staff/workshops/{}/wall", s.workshop_id);
    let open = [("kind", "vote"), ("about", "key-points"), ("dots", "3")];
    assert_eq!(app.post_form(&format!("{control}/round"), &open).await.status().as_u16(), 303);
    let items = round_items(&app, &s);
    let page = format!("/j/{}/rum", s.code);
    let field = |i: usize| format!("d-{}", items[i]);
    let (d0, d1, d2) = (field(0), field(1), field(2));

    let a = app.other_client();
    a.join_workshop(&s.code).await;
    let html = a.get_html(&page).await;
    let round_id = crate::survey_helpers::hidden(&html, "round_id");
    // More dots than the round gives: 422, said plainly, nothing stored.
    let greedy = [("round_id", round_id.as_str()), (d0.as_str(), "2"), (d1.as_str(), "2")];
    let res = a.post_form(&page, &greedy).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.expect("page").contains("Du har givet 4 prikker. Du har 3."));
    assert!(stored_round_answers(&app).is_empty());
    let mine = [
        ("round_id", round_id.as_str()),
        (d0.as_str(), "0"),
        (d1.as_str(), "1"),
        (d2.as_str(), "2"),
    ];
    for _ in 0..2 {
        assert_eq!(a.post_form(&page, &mine).await.status().as_u16(), 303);
    }
    let b = app.other_client();
    b.join_workshop(&s.code).await;
    let theirs = [("round_id", round_id.as_str()), (d0.as_str(), "3")];
    assert_eq!(b.post_form(&page, &theirs).await.status().as_u16(), 303);
    let dots: Vec<i32> = stored_round_answers(&app).iter().map(|r| r.4).collect();
    assert_eq!(dots.iter().sum::<i32>(), 6, "each person's dots once: {dots:?}");

    // The vote's order becomes the key points' order: 3 dots, 2 dots, 1 dot.
    let round =
        deltag::room::latest_round(&mut app.conn(), &s.workshop_id).expect("r").expect("some").0;
    let res = app.post_form(&format!("{control}/order"), &[("round_id", round.id.as_str())]).await;
    assert_eq!(res.status().as_u16(), 303);
    let order: Vec<_> = deltag::themes::list_key_points(&mut app.conn(), &topic)
        .expect("key points")
        .into_iter()
        .map(|k| k.id)
        .collect();
    assert_eq!(order, vec![points[0].clone(), points[2].clone(), points[1].clone()]);
    // The report says it with each key point.
    let res = app.get(&format!("/staff/export/download?scope=topic&id={topic}&format=html")).await;
    let report = res.text().await.expect("report");
    assert!(
        report.contains("Et hjem er mere end fire vægge (3 prikker fra 1 deltager i afstemningen)")
    );
    assert!(report.contains("Ro om natten (2 prikker fra 1 deltager i afstemningen)"));
}

on_both_backends!(
    member_checks_count_once_per_person_and_reach_the_report,
    dot_votes_count_once_and_can_order_the_key_points,
);

async fn the_demo_has_a_wall_with_cards_and_a_member_check(backend: Backend) {
    let app = spawn_app(backend).await;
    let info = deltag::demo::load(&mut app.conn()).expect("demo");
    let code = info.open_join_code.expect("an open workshop");
    let w =
        deltag::survey::find_workshop_by_code(&mut app.conn(), &code).expect("find").expect("some");
    let token: Option<String> = walls::table
        .find(&w.id)
        .select(walls::token)
        .first(&mut app.conn())
        .expect("the open workshop has a wall");
    let page = app.get_html(&format!("/v/{}", token.expect("with a link"))).await;
    let doc = crate::helpers::html(&page);
    let cards = scraper::Selector::parse(".wall-card").expect("selector");
    assert!(doc.select(&cards).count() >= 3, "a few answers let through");
    assert!(page.contains("Har vi forstået jer rigtigt?"));
    let checks = scraper::Selector::parse(".wall-check-n").expect("selector");
    let lines: Vec<String> = doc.select(&checks).map(|e| e.text().collect()).collect();
    assert_eq!(lines.len(), 4, "{lines:?}");
    // Five phones and the show of hands on the first point (2 yes, 1 partly).
    let answered: i64 =
        lines[0].split(" · ").filter_map(|p| p.split(' ').next()?.parse::<i64>().ok()).sum();
    assert_eq!(answered, 8, "{lines:?}");
}

on_both_backends!(the_demo_has_a_wall_with_cards_and_a_member_check);

async fn the_board_says_when_new_answers_came(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    phone_says(&app, &s, CALM).await;
    app.login_as(Role::Viewer).await;
    let w = deltag::survey::find_workshop(&mut app.conn(), &s.workshop_id).expect("f").expect("w");
    let board = format!("/staff/topics/{}/board", w.topic_id);
    let page = app.get_html(&board).await;
    let doc = crate::helpers::html(&page);
    let sel = scraper::Selector::parse("[data-live-src]").expect("selector");
    let live = doc.select(&sel).next().expect("a live notice region");
    assert_eq!(live.value().attr("role"), Some("status"));
    let src = live.value().attr("data-live-src").expect("src").to_owned();
    assert_eq!(src, format!("{board}/events?answers=1"));
    let since = live.value().attr("data-live-since").expect("since");
    let mut events = Events::open(&app, &format!("{src}&since={since}"), None).await;
    assert!(events.next(Duration::from_millis(800)).await.is_none(), "nothing new yet");
    phone_says(&app, &s, LATER).await;
    let m = events.until(|m| m.data.contains("1 nyt svar")).await;
    assert!(m.data.contains(&format!("href=\"{board}\"")));
}

on_both_backends!(the_board_says_when_new_answers_came);
