//! The board's safety nets and working tools: undo of every board change, theme chips taken
//! off in place, a new theme from chosen cards, filters kept across actions.

use deltag::auth::Role;
use deltag::db::schema::{audit_events, key_points, quotes, theme_answers, themes, undo_steps};
use deltag::db::Backend;
use deltag::survey::domain::WorkshopStatus;
use diesel::prelude::*;

use crate::helpers::{html, location, spawn_app, TestApp};
use crate::on_both_backends;
use crate::survey_helpers::seed_workshop;
use crate::themes::{assign, create_theme, links_of, seed_answers, sorted, theme_id, topic_of};

/// The undo step a redirect offers (`undo=`), and the redirect's notice code.
fn offered(res: &reqwest::Response) -> (String, String) {
    let to = location(res);
    let query = to.split_once('?').map(|(_, q)| q.to_owned()).unwrap_or_default();
    let value = |name: &str| {
        url::form_urlencoded::parse(query.as_bytes())
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default()
    };
    (value("undo"), value("done"))
}

/// "Fortryd" on step `id`; the notice code it redirects with.
async fn undo(app: &TestApp, id: &str) -> String {
    let res = app.post_form(&format!("/staff/undo/{id}"), &[]).await;
    assert_eq!(res.status().as_u16(), 303, "undo {id}");
    offered(&res).1
}

fn theme_count(app: &TestApp, id: &str) -> i64 {
    themes::table.filter(themes::id.eq(id)).count().get_result(&mut *app.conn()).expect("count")
}

fn title(app: &TestApp, id: &str) -> String {
    themes::table.find(id).select(themes::title).first(&mut *app.conn()).expect("title")
}

async fn every_board_change_can_be_undone_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let a = seed_answers(&app, &s);
    let topic = topic_of(&app, &s);
    let me = app.login_as(Role::Facilitator).await;
    let housing = create_theme(&app, &topic, "Bolig", "").await;
    let lonely = create_theme(&app, &topic, "Ensomhed", "").await;

    // Bulk add, offered for undoing on the board it returns to, then undone once.
    let res = assign(&app, &topic, &housing, &[&a[0], &a[1], &a[2]], "add", "").await;
    let (step, done) = offered(&res);
    assert_eq!(done, "assigned");
    assert_eq!(links_of(&app, &housing).len(), 3);
    let board = html(&app.get_html(&location(&res)).await);
    let form = scraper::Selector::parse(&format!("form[action='/staff/undo/{step}'] button"))
        .expect("selector");
    let button = board.select(&form).next().expect("a Fortryd button on the board");
    assert!(button.text().collect::<String>().starts_with("Fortryd"));
    assert_eq!(undo(&app, &step).await, "undone");
    assert!(links_of(&app, &housing).is_empty());
    assert_eq!(undo(&app, &step).await, "undone-before", "a second tap changes nothing");
    assert!(links_of(&app, &housing).is_empty());

    // Adding what is there already changes nothing: no step to undo.
    assign(&app, &topic, &housing, &[&a[0], &a[1]], "add", "").await;
    let res = assign(&app, &topic, &housing, &[&a[0]], "add", "").await;
    assert_eq!(offered(&res).0, "", "nothing changed, nothing offered");

    // Move (a split) and remove, each undone.
    let res = assign(&app, &topic, &lonely, &[&a[0]], "move", &housing).await;
    assert_eq!(links_of(&app, &lonely), sorted(&[&a[0]]));
    assert_eq!(undo(&app, &offered(&res).0).await, "undone");
    assert_eq!(links_of(&app, &housing), sorted(&[&a[0], &a[1]]));
    assert!(links_of(&app, &lonely).is_empty());
    let res = assign(&app, &topic, &housing, &[&a[1]], "remove", &housing).await;
    assert_eq!(links_of(&app, &housing), sorted(&[&a[0]]));
    undo(&app, &offered(&res).0).await;
    assert_eq!(links_of(&app, &housing), sorted(&[&a[0], &a[1]]));

    // The chip's "×": one answer out of one theme, undone.
    let res = app.post_form(&format!("/staff/themes/{housing}/answers/{}/remove", a[0]), &[]).await;
    assert_eq!(offered(&res).1, "unlinked");
    assert_eq!(links_of(&app, &housing), sorted(&[&a[1]]));
    undo(&app, &offered(&res).0).await;
    assert_eq!(links_of(&app, &housing), sorted(&[&a[0], &a[1]]));

    // Rename, undone: the old title is back.
    let version: i32 =
        themes::table.find(&housing).select(themes::version).first(&mut *app.conn()).expect("v");
    let res = app
        .post_form(
            &format!("/staff/themes/{housing}"),
            &[("title", "Boligen"), ("summary", ""), ("version", &version.to_string())],
        )
        .await;
    assert_eq!(title(&app, &housing), "Boligen");
    undo(&app, &offered(&res).0).await;
    assert_eq!(title(&app, &housing), "Bolig");

    // Delete, undone: the same theme with its answers, sub-theme and key point.
    let sub = create_theme(&app, &topic, "Netværk", &lonely).await;
    assign(&app, &topic, &lonely, &[&a[2], &a[3]], "add", "").await;
    app.post_form(&format!("/staff/themes/{lonely}/key-points"), &[("text", "Ensomhed fylder")])
        .await;
    let res = app.post_form(&format!("/staff/themes/{lonely}/delete"), &[]).await;
    assert_eq!(theme_count(&app, &lonely), 0);
    assert_eq!(undo(&app, &offered(&res).0).await, "undone");
    assert_eq!(theme_count(&app, &lonely), 1);
    assert_eq!(title(&app, &lonely), "Ensomhed");
    assert_eq!(links_of(&app, &lonely), sorted(&[&a[2], &a[3]]));
    let parent: Option<String> =
        themes::table.find(&sub).select(themes::parent_id).first(&mut *app.conn()).expect("sub");
    assert_eq!(parent.as_deref(), Some(lonely.as_str()), "the sub-theme is under it again");
    let kp: Option<String> =
        key_points::table.select(key_points::theme_id).first(&mut *app.conn()).expect("kp");
    assert_eq!(kp.as_deref(), Some(lonely.as_str()), "the key point is its own again");

    // Merge, undone: both themes as before.
    let res = app.post_form(&format!("/staff/themes/{lonely}/merge"), &[("into", &housing)]).await;
    assert_eq!(links_of(&app, &housing), sorted(&[&a[0], &a[1], &a[2], &a[3]]));
    undo(&app, &offered(&res).0).await;
    assert_eq!(links_of(&app, &housing), sorted(&[&a[0], &a[1]]));
    assert_eq!(links_of(&app, &lonely), sorted(&[&a[2], &a[3]]));

    // A new theme from chosen cards, undone: the theme goes, the cards return to the pile.
    let res = app
        .post_form(
            &format!("/staff/topics/{topic}/assign"),
            &[
                ("answer", &a[4]),
                ("answer", &a[5]),
                ("action", "new"),
                ("new_title", "Sagsbehandling"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let made = theme_id(&app, "Sagsbehandling");
    assert_eq!(links_of(&app, &made), sorted(&[&a[4], &a[5]]));
    undo(&app, &offered(&res).0).await;
    assert_eq!(theme_count(&app, &made), 0);
    let left: i64 = theme_answers::table
        .filter(theme_answers::answer_id.eq_any([&a[4], &a[5]]))
        .count()
        .get_result(&mut *app.conn())
        .expect("links");
    assert_eq!(left, 0);

    // Every undo is in the audit trail, by who did it.
    let undos: i64 = audit_events::table
        .filter(audit_events::action.eq("board.undo"))
        .filter(audit_events::user_id.eq(&me.id))
        .count()
        .get_result(&mut *app.conn())
        .expect("audit");
    let steps_undone: i64 = undo_steps::table
        .filter(undo_steps::undone_at.is_not_null())
        .count()
        .get_result(&mut *app.conn())
        .expect("steps");
    assert_eq!((undos, steps_undone), (8, 8));
}

async fn a_new_theme_needs_a_title_and_cards_of_this_topic(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let a = seed_answers(&app, &s);
    let topic = topic_of(&app, &s);
    app.login_as(Role::Facilitator).await;
    let path = format!("/staff/topics/{topic}/assign");
    let res =
        app.post_form(&path, &[("answer", &a[0]), ("action", "new"), ("new_title", "  ")]).await;
    assert_eq!(res.status().as_u16(), 422);
    let other = seed_workshop(&app, WorkshopStatus::Open);
    let foreign = seed_answers(&app, &other);
    let res = app
        .post_form(&path, &[("answer", &foreign[0]), ("action", "new"), ("new_title", "Fremmed")])
        .await;
    assert_eq!(res.status().as_u16(), 400);
    let n: i64 = themes::table.count().get_result(&mut *app.conn()).expect("themes");
    assert_eq!(n, 0, "neither made a theme");
}

async fn the_board_filters_flagged_answers_and_comes_back_filtered(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let a = seed_answers(&app, &s);
    let topic = topic_of(&app, &s);
    app.login_as(Role::Facilitator).await;
    let board = html(&app.get_html(&format!("/staff/topics/{topic}/board?view=all&pii=1")).await);
    let cards = scraper::Selector::parse("li.answer-card").expect("selector");
    let shown: Vec<String> = board
        .select(&cards)
        .filter_map(|c| c.value().attr("data-answer").map(str::to_owned))
        .collect();
    assert_eq!(sorted(&shown.iter().collect::<Vec<_>>()), sorted(&[&a[6], &a[7]]));

    let housing = create_theme(&app, &topic, "Bolig", "").await;
    let path = format!("/staff/topics/{topic}/assign");
    let form = [
        ("answer", a[0].as_str()),
        ("theme_id", housing.as_str()),
        ("return_view", "all"),
        ("return_q", "bolig & netværk"),
        ("return_pii", "1"),
        ("return_workshop", s.workshop_id.as_str()),
    ];
    let res = app.post_form(&path, &form).await;
    let to = location(&res);
    assert!(
        to.starts_with(&format!(
            "/staff/topics/{topic}/board?view=all&workshop={}&q=bolig+%26+netv%C3%A6rk&pii=1&undo=",
            s.workshop_id
        )),
        "{to}"
    );
    // A filter value the board never makes is refused before anything is written.
    let bad =
        [("answer", a[1].as_str()), ("theme_id", housing.as_str()), ("return_workshop", "x\r\ny")];
    let res = app.post_form(&path, &bad).await;
    assert_eq!(res.status().as_u16(), 400);
    assert_eq!(links_of(&app, &housing), sorted(&[&a[0]]));
}

async fn approving_a_quote_can_be_undone_from_the_quotes_page(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let a = seed_answers(&app, &s);
    let topic = topic_of(&app, &s);
    app.login_as(Role::Facilitator).await;
    app.post_form(&format!("/staff/answers/{}/quote", a[0]), &[("text", "Tæt på mit netværk")])
        .await;
    let (quote, status): (String, String) =
        quotes::table.select((quotes::id, quotes::status)).first(&mut *app.conn()).expect("quote");
    assert_eq!(status, "redacted", "edited from the answer's words");
    let res = app
        .post_form(
            &format!("/staff/quotes/{quote}/approve"),
            &[("approved", "1"), ("version", "1")],
        )
        .await;
    let (step, done) = offered(&res);
    assert_eq!(done, "quote");
    assert!(location(&res).starts_with(&format!("/staff/topics/{topic}/quotes?undo=")));
    let page = html(&app.get_html(&location(&res)).await);
    let form =
        scraper::Selector::parse(&format!("form[action='/staff/undo/{step}']")).expect("selector");
    assert!(page.select(&form).next().is_some(), "Fortryd on the quotes page");
    let res = app.post_form(&format!("/staff/undo/{step}"), &[("return_page", "quotes")]).await;
    assert_eq!(location(&res), format!("/staff/topics/{topic}/quotes?done=undone"));
    let (status, version): (String, i32) = quotes::table
        .find(&quote)
        .select((quotes::status, quotes::version))
        .first(&mut *app.conn())
        .expect("quote");
    assert_eq!((status.as_str(), version), ("redacted", 3), "as before, at a new version");
    assert!(deltag::themes::store::approved_quotes(&mut app.conn(), &topic)
        .expect("approved")
        .is_empty());
}

/// The demo's answers are ordinary Danish sentences about housing and support: none may be
/// flagged for personal data but the ones the demo writes to show the flags.
async fn the_demo_sentences_are_not_flagged_for_personal_data(backend: Backend) {
    use deltag::db::schema::{answers, questions};
    let app = spawn_app(backend).await;
    deltag::demo::load(&mut app.conn()).expect("demo");
    let texts: Vec<String> = answers::table
        .inner_join(questions::table)
        .filter(questions::kind.eq_any(["short_text", "long_text"]))
        .select(answers::value)
        .load(&mut *app.conn())
        .expect("answers");
    assert!(texts.len() > 100, "{} demo answers", texts.len());
    let mut flagged: Vec<(&str, Vec<deltag::themes::pii::PiiKind>)> = texts
        .iter()
        .map(|t| (t.as_str(), deltag::themes::pii::kinds(t)))
        .filter(|(_, kinds)| !kinds.is_empty())
        .collect();
    flagged.sort_by_key(|(t, _)| *t);
    // The two the demo writes on purpose, to show the flags and the quote approval gate.
    let on_purpose: Vec<(&str, Vec<deltag::themes::pii::PiiKind>)> = vec![
        (
            "Jeg hedder Kim, ring til mig på 22 33 44 55 så fortæller jeg mere. En god støtteperson kommer når hun siger hun kommer",
            vec![deltag::themes::pii::PiiKind::Phone],
        ),
        (
            "Jeg vil gerne starte en gruppe for folk der lige har fået bolig. Hvis i vil høre mere så skriv til mig på jens.hansen@example.dk",
            vec![deltag::themes::pii::PiiKind::Email],
        ),
    ];
    assert_eq!(flagged, on_purpose, "ordinary sentences flagged");
}

/// Every personal-data variant, stored as an answer: flagged on the board (and only those), and
/// masked in the analysis export.
async fn every_personal_data_variant_is_flagged_and_masked(backend: Backend) {
    use deltag::participant::domain::{AnswerText, AnswerValue, EnteredBy};
    use deltag::participant::store::{self as participant_store, NewAnswer};
    use deltag::participant::Source;
    const FLAGGED: [(&str, &str); 8] = [
        ("Mit cpr er 010190–1234", "010190–1234"),
        ("Ring på 22  33 44 55 i morgen", "22  33 44 55"),
        ("Mit nummer: 22/33/44/55", "22/33/44/55"),
        ("skriv mobil22334455", "22334455"),
        ("Ring 2233\u{200B}4455", "2233\u{200B}4455"),
        ("Ring ２２３３４４５５", "２２３３４４５５"),
        ("skriv til anna @ example.dk", "anna @ example.dk"),
        ("Jeg talte med Mette Jensen fra kommunen", "Mette Jensen"),
    ];
    const ORDINARY: [&str; 3] =
        ["Jeg fik nøglen 24/12/2023", "Hans bror sov på gaden", "100 kr. per dag rækker ikke"];
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let topic = topic_of(&app, &s);
    let mut ids = Vec::new();
    {
        let mut conn = app.conn();
        let q1 = deltag::survey::store::list_questions(&mut conn, &s.workshop_id)
            .expect("questions")
            .remove(0);
        let texts = FLAGGED.iter().map(|(t, _)| *t).chain(ORDINARY);
        for (i, text) in texts.enumerate() {
            let p = participant_store::join(
                &mut conn,
                &s.workshop_id,
                &format!("pii-{i}"),
                Source::Phone,
            )
            .expect("join");
            let value = AnswerValue::Text(AnswerText::parse(text).expect("text"));
            let answer = NewAnswer {
                participant_id: &p.id,
                question_id: &q1.id,
                value: &value,
                entered_by: EnteredBy::Participant,
                user_id: None,
                submission_key: &format!("pii-key-{i}"),
            };
            participant_store::save_answer(&mut conn, &answer).expect("save");
            let id: String = deltag::db::schema::answers::table
                .filter(deltag::db::schema::answers::participant_id.eq(&p.id))
                .select(deltag::db::schema::answers::id)
                .first(&mut conn)
                .expect("id");
            ids.push(id);
        }
    }
    app.login_as(Role::Facilitator).await;
    let board = html(&app.get_html(&format!("/staff/topics/{topic}/board?view=all&pii=1")).await);
    let cards = scraper::Selector::parse("li.answer-card").expect("selector");
    let mut shown: Vec<String> = board
        .select(&cards)
        .filter_map(|c| c.value().attr("data-answer").map(str::to_owned))
        .collect();
    shown.sort();
    let mut expected: Vec<String> = ids[..FLAGGED.len()].to_vec();
    expected.sort();
    assert_eq!(shown, expected, "every variant flagged, no ordinary sentence");

    let res = app.get(&format!("/staff/export/data?scope=topic&id={topic}&format=csv")).await;
    assert_eq!(res.status().as_u16(), 200);
    let csv = res.text().await.expect("csv");
    for (_, raw) in FLAGGED {
        assert!(!csv.contains(raw), "{raw:?} is masked in the CSV");
    }
    for mask in ["[CPR-nummer]", "[telefonnummer]", "[e-mail]", "[navn]"] {
        assert!(csv.contains(mask), "{mask} in the CSV");
    }
    for ordinary in ORDINARY {
        assert!(csv.contains(ordinary), "{ordinary:?} is kept as written");
    }
}

/// An undo never takes later work with it, and never brings back what retention removed.
async fn an_undo_keeps_later_work_and_respects_retention(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Closed);
    let a = seed_answers(&app, &s);
    let topic = topic_of(&app, &s);
    app.login_as(Role::Facilitator).await;
    let path = format!("/staff/topics/{topic}/assign");
    let res =
        app.post_form(&path, &[("answer", &a[0]), ("action", "new"), ("new_title", "Ro")]).await;
    let (made_step, _) = offered(&res);
    let made = theme_id(&app, "Ro");
    assign(&app, &topic, &made, &[&a[1]], "add", "").await;
    assert_eq!(undo(&app, &made_step).await, "undone");
    assert_eq!(theme_count(&app, &made), 1, "a theme with later work in it stays");
    assert_eq!(links_of(&app, &made), sorted(&[&a[1]]), "only the step's own card left it");

    // An approval undone after retention deleted the answers would leave a quote that is not
    // approved, with words retention should have removed: refused, nothing changes.
    app.post_form(&format!("/staff/answers/{}/quote", a[2]), &[("text", "Et sted med ro")]).await;
    let quote: String = quotes::table.select(quotes::id).first(&mut *app.conn()).expect("quote");
    let res = app
        .post_form(
            &format!("/staff/quotes/{quote}/approve"),
            &[("approved", "1"), ("version", "1")],
        )
        .await;
    let (step, _) = offered(&res);
    deltag::retention::delete_answers(&mut app.conn(), &s.workshop_id, deltag::db::now())
        .expect("retention");
    let res = app.post_form(&format!("/staff/undo/{step}"), &[("return_page", "quotes")]).await;
    assert_eq!(offered(&res).1, "undo-too-late");
    let status: String =
        quotes::table.find(&quote).select(quotes::status).first(&mut *app.conn()).expect("q");
    assert_eq!(status, "approved");
    let undone: Option<chrono::NaiveDateTime> = undo_steps::table
        .find(&step)
        .select(undo_steps::undone_at)
        .first(&mut *app.conn())
        .expect("step");
    assert_eq!(undone, None);
}

on_both_backends!(
    an_undo_keeps_later_work_and_respects_retention,
    every_personal_data_variant_is_flagged_and_masked,
    the_demo_sentences_are_not_flagged_for_personal_data,
    approving_a_quote_can_be_undone_from_the_quotes_page,
    every_board_change_can_be_undone_once,
    a_new_theme_needs_a_title_and_cards_of_this_topic,
    the_board_filters_flagged_answers_and_comes_back_filtered,
);
