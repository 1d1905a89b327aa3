use deltag::auth::Role;
use deltag::db::schema::{
    answers, audit_events, key_points, quotes, rejected_suggestions, theme_answers, themes,
};
use deltag::db::Backend;
use deltag::participant::domain::{AnswerText, AnswerValue, EnteredBy};
use deltag::participant::store::{self as participant_store, NewAnswer};
use deltag::participant::Source;
use deltag::survey::domain::WorkshopStatus;
use diesel::prelude::*;

use crate::helpers::{location, spawn_app, text_of, TestApp};
use crate::on_both_backends;
use crate::survey_helpers::{hidden, seed_workshop, Seeded};

pub(crate) const TEXTS: [&str; 8] = [
    "Jeg vil have en bolig tæt på mit netværk",
    "Boligen skal ligge tæt på familie og venner",
    "Jeg er bange for at blive ensom i egen bolig",
    "Ensomhed er det værste, når døren lukker",
    "Min sagsbehandler skifter hele tiden",
    "Kommunen sender mig rundt mellem sagsbehandlere",
    "Ring til mig på 22 33 44 55 hvis I vil høre mere",
    "Skriv til mig på jens.hansen@example.dk",
];

/// Answers to question 1, one participant each; returns the answer ids in order.
pub(crate) fn seed_answers(app: &TestApp, s: &Seeded) -> Vec<String> {
    let mut conn = app.conn();
    let q1 = deltag::survey::store::list_questions(&mut conn, &s.workshop_id)
        .expect("questions")
        .remove(0);
    TEXTS
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let p = participant_store::join(
                &mut conn,
                &s.workshop_id,
                &format!("tok-{}-{i}", s.workshop_id),
                Source::Phone,
            )
            .expect("join");
            let value = AnswerValue::Text(AnswerText::parse(text).expect("text"));
            participant_store::save_answer(
                &mut conn,
                &NewAnswer {
                    participant_id: &p.id,
                    question_id: &q1.id,
                    value: &value,
                    entered_by: EnteredBy::Participant,
                    user_id: None,
                    submission_key: &format!("k-{}-{i}", s.workshop_id),
                },
            )
            .expect("save");
            answers::table
                .filter(answers::participant_id.eq(&p.id))
                .select(answers::id)
                .first::<String>(&mut conn)
                .expect("id")
        })
        .collect()
}

pub(crate) fn topic_of(app: &TestApp, s: &Seeded) -> deltag::db::TopicId {
    deltag::survey::store::find_workshop(&mut app.conn(), &s.workshop_id)
        .expect("w")
        .expect("some")
        .topic_id
}

pub(crate) fn theme_id(app: &TestApp, title: &str) -> String {
    themes::table
        .filter(themes::title.eq(title))
        .select(themes::id)
        .first(&mut *app.conn())
        .expect("theme")
}

pub(crate) fn links_of(app: &TestApp, theme: &str) -> Vec<String> {
    let mut v: Vec<String> = theme_answers::table
        .filter(theme_answers::theme_id.eq(theme))
        .select(theme_answers::answer_id)
        .load(&mut *app.conn())
        .expect("links");
    v.sort();
    v
}

pub(crate) async fn create_theme(app: &TestApp, topic: &str, title: &str, parent: &str) -> String {
    let res = app
        .post_form(
            &format!("/staff/topics/{topic}/themes"),
            &[("title", title), ("parent_id", parent)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303, "create {title}");
    theme_id(app, title)
}

pub(crate) async fn assign(
    app: &TestApp, topic: &str, theme: &str, answers: &[&String], action: &str, from: &str,
) -> reqwest::Response {
    let mut form: Vec<(&str, &str)> = answers.iter().map(|a| ("answer", a.as_str())).collect();
    form.extend([("theme_id", theme), ("action", action), ("from_theme", from)]);
    app.post_form(&format!("/staff/topics/{topic}/assign"), &form).await
}

async fn assigning_merging_and_splitting_themes(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let a = seed_answers(&app, &s);
    let topic = topic_of(&app, &s);
    let me = app.login_as(Role::Facilitator).await;

    let board = app.get_html(&format!("/staff/topics/{topic}/board")).await;
    assert!(text_of(&board, "main")
        .unwrap_or_default()
        .contains("8 svar i alt. 8 er ikke sorteret endnu."));

    let housing = create_theme(&app, &topic, "DEN RETTE BOLIGLØSNING", "").await;
    let community = create_theme(&app, &topic, "MENINGSFULDE FÆLLESSKABER", "").await;
    let network = create_theme(&app, &topic, "Netværk", &housing).await;
    let res = app
        .post_form(
            &format!("/staff/topics/{topic}/themes"),
            &[("title", "Under-under"), ("parent_id", &network)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 400, "one level of sub-themes");

    // Themes move among their siblings only: a sub-theme does not trade places with a
    // top-level theme, and the first stays first.
    let top_level = |app: &TestApp| -> Vec<String> {
        themes::table
            .filter(themes::parent_id.is_null())
            .order(themes::position)
            .select(themes::id)
            .load(&mut *app.conn())
            .expect("themes")
    };
    assert_eq!(top_level(&app), [housing.clone(), community.clone()]);
    let res =
        app.post_form(&format!("/staff/themes/{community}/move"), &[("direction", "up")]).await;
    assert_eq!(location(&res), format!("/staff/topics/{topic}/board?done=theme"));
    assert_eq!(top_level(&app), [community.clone(), housing.clone()]);
    app.post_form(&format!("/staff/themes/{community}/move"), &[("direction", "up")]).await;
    app.post_form(&format!("/staff/themes/{network}/move"), &[("direction", "down")]).await;
    assert_eq!(top_level(&app), [community.clone(), housing.clone()]);
    let network_at: i32 =
        themes::table.find(&network).select(themes::position).first(&mut *app.conn()).expect("n");
    assert_eq!(network_at, 1, "the only sub-theme stays where it is");
    let res = app.post_form("/staff/themes/no-such-theme/move", &[("direction", "up")]).await;
    assert_eq!(res.status().as_u16(), 404);

    let res = assign(&app, &topic, &housing, &[&a[0], &a[1], &a[2]], "add", "").await;
    let back = location(&res);
    assert!(back.starts_with(&format!("/staff/topics/{topic}/board?undo=")), "{back}");
    assert!(back.ends_with("&done=assigned"), "{back}");
    // One answer in several themes.
    assign(&app, &topic, &community, &[&a[2], &a[3]], "add", "").await;
    assign(&app, &topic, &housing, &[&a[0]], "add", "").await;
    assert_eq!(links_of(&app, &housing), sorted(&[&a[0], &a[1], &a[2]]));
    assert_eq!(links_of(&app, &community), sorted(&[&a[2], &a[3]]));
    let board = app.get_html(&format!("/staff/topics/{topic}/board")).await;
    assert!(board.contains("3 svar fra 3 deltagere"));
    assert!(text_of(&board, "main").unwrap_or_default().contains("4 er ikke sorteret endnu"));

    // Split: move a[2] out of housing into the sub-theme; remove a[1] back to the pile.
    assign(&app, &topic, &network, &[&a[2]], "move", &housing).await;
    assign(&app, &topic, &housing, &[&a[1]], "remove", &housing).await;
    assert_eq!(links_of(&app, &housing), sorted(&[&a[0]]));
    assert_eq!(links_of(&app, &network), sorted(&[&a[2]]));

    // Merge community into housing: its answers and key points move, it disappears.
    app.post_form(
        &format!("/staff/themes/{community}/key-points"),
        &[("text", "Fællesskab kommer ikke af sig selv")],
    )
    .await;
    let res =
        app.post_form(&format!("/staff/themes/{community}/merge"), &[("into", &housing)]).await;
    let back = location(&res);
    assert!(back.starts_with(&format!("/staff/topics/{topic}/board?undo=")), "{back}");
    assert!(back.ends_with("&done=merged"), "{back}");
    assert_eq!(links_of(&app, &housing), sorted(&[&a[0], &a[2], &a[3]]));
    let n: i64 = themes::table
        .filter(themes::id.eq(&community))
        .count()
        .get_result(&mut *app.conn())
        .expect("count");
    assert_eq!(n, 0);
    let kp_theme: Option<String> =
        key_points::table.select(key_points::theme_id).first(&mut *app.conn()).expect("kp");
    assert_eq!(kp_theme.as_deref(), Some(housing.as_str()));

    // Delete housing: its answers return to the pile, the sub-theme moves up a level.
    app.post_form(&format!("/staff/themes/{housing}/delete"), &[]).await;
    let parent: Option<String> = themes::table
        .find(&network)
        .select(themes::parent_id)
        .first(&mut *app.conn())
        .expect("network");
    assert_eq!(parent, None);
    assert_eq!(links_of(&app, &network), sorted(&[&a[2]]));

    // Answers of another topic are refused.
    let other = seed_workshop(&app, WorkshopStatus::Open);
    let foreign = seed_answers(&app, &other);
    let res = assign(&app, &topic, &network, &[&foreign[0]], "add", "").await;
    assert_eq!(res.status().as_u16(), 400);

    let actions: Vec<String> = audit_events::table
        .filter(audit_events::user_id.eq(&me.id))
        .select(audit_events::action)
        .load(&mut *app.conn())
        .expect("audit");
    for expected in
        ["theme.create", "theme.assign", "theme.merge", "theme.delete", "key_point.create"]
    {
        assert!(actions.iter().any(|a| a == expected), "{expected} is audited: {actions:?}");
    }
}

pub(crate) fn sorted(ids: &[&String]) -> Vec<String> {
    let mut v: Vec<String> = ids.iter().map(|s| (*s).clone()).collect();
    v.sort();
    v
}

async fn two_facilitators_lose_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let a = seed_answers(&app, &s);
    let topic = topic_of(&app, &s);
    app.login_as(Role::Facilitator).await;
    let other = app.other_client();
    other.login_as(Role::Facilitator).await;
    let theme = create_theme(&app, &topic, "Støtte", "").await;

    // Both assign at the same time: every link is kept.
    let (r1, r2) = futures_util::future::join(
        assign(&app, &topic, &theme, &[&a[4], &a[5]], "add", ""),
        assign(&other, &topic, &theme, &[&a[5], &a[6]], "add", ""),
    )
    .await;
    assert_eq!((r1.status().as_u16(), r2.status().as_u16()), (303, 303));
    assert_eq!(links_of(&app, &theme), sorted(&[&a[4], &a[5], &a[6]]));

    // Both rename from version 1: the second is told, not overwritten.
    let res = app
        .post_form(
            &format!("/staff/themes/{theme}"),
            &[("title", "STØTTE DER VIRKER"), ("summary", ""), ("version", "1")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let res = other
        .post_form(
            &format!("/staff/themes/{theme}"),
            &[("title", "Hjælp"), ("summary", ""), ("version", "1")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 409);
    let page = res.text().await.unwrap_or_default();
    assert!(text_of(&page, ".error-summary").unwrap_or_default().contains("En anden har ændret"));
    let title: String =
        themes::table.find(&theme).select(themes::title).first(&mut *app.conn()).expect("title");
    assert_eq!(title, "STØTTE DER VIRKER");

    // Key points carry versions too.
    app.post_form(
        &format!("/staff/topics/{topic}/key-points"),
        &[("text", "1. Se mig som et menneske")],
    )
    .await;
    app.post_form(&format!("/staff/topics/{topic}/key-points"), &[("text", "2. Lyt til mig")])
        .await;
    let ids: Vec<String> = key_points::table
        .order(key_points::position)
        .select(key_points::id)
        .load(&mut *app.conn())
        .expect("kps");
    assert_eq!(
        app.post_form(
            &format!("/staff/key-points/{}", ids[0]),
            &[("text", "Se mig som et menneske"), ("version", "1")]
        )
        .await
        .status()
        .as_u16(),
        303
    );
    assert_eq!(
        other
            .post_form(
                &format!("/staff/key-points/{}", ids[0]),
                &[("text", "Overskrevet"), ("version", "1")]
            )
            .await
            .status()
            .as_u16(),
        409
    );
    app.post_form(&format!("/staff/key-points/{}/move", ids[1]), &[("direction", "up")]).await;
    let texts: Vec<String> = key_points::table
        .order(key_points::position)
        .select(key_points::text)
        .load(&mut *app.conn())
        .expect("kps");
    assert_eq!(texts, ["2. Lyt til mig", "Se mig som et menneske"]);
    app.post_form(&format!("/staff/key-points/{}/delete", ids[1]), &[]).await;
    let n: i64 = key_points::table.count().get_result(&mut *app.conn()).expect("count");
    assert_eq!(n, 1);
}

async fn personal_data_is_flagged_but_never_blocks(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    seed_answers(&app, &s);
    // A participant may write a CPR number: it is saved, then flagged.
    let participant = app.other_client();
    let q1 = participant.join_workshop(&s.code).await;
    let res =
        participant.answer(&q1, &[("answer", "Mit cpr er 010190-1234"), ("action", "save")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let topic = topic_of(&app, &s);
    app.login_as(Role::Viewer).await;
    let board = app.get_html(&format!("/staff/topics/{topic}/board")).await;
    let badges: Vec<String> = crate::helpers::html(&board)
        .select(&scraper::Selector::parse(".badge-pii").expect("sel"))
        .map(|e| e.text().collect())
        .collect();
    let mut badges = badges;
    badges.sort();
    assert_eq!(badges, ["E-mailadresse", "Muligt CPR-nummer", "Muligt telefonnummer"]);
    // Viewers read the board but cannot change it.
    let res = app.post_form(&format!("/staff/topics/{topic}/themes"), &[("title", "X")]).await;
    assert_eq!(res.status().as_u16(), 403);
}

async fn suggestions_are_accepted_or_rejected_without_touching_hand_made_themes(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let a = seed_answers(&app, &s);
    let topic = topic_of(&app, &s);
    app.login_as(Role::Facilitator).await;
    let mine = create_theme(&app, &topic, "Mit emne", "").await;
    assign(&app, &topic, &mine, &[&a[7]], "add", "").await;

    let page = app.get_html(&format!("/staff/topics/{topic}/suggestions?k=3")).await;
    let doc = crate::helpers::html(&page);
    let sel = scraper::Selector::parse("form[action$='/suggestions/accept']").expect("sel");
    let forms: Vec<_> = doc.select(&sel).collect();
    assert_eq!(forms.len(), 3, "k=3 gives three proposals");
    let members = |i: usize| -> Vec<String> {
        forms[i]
            .select(&scraper::Selector::parse("input[name=answer]").expect("sel"))
            .filter_map(|e| e.value().attr("value").map(str::to_owned))
            .collect()
    };
    let (first, second) = (members(0), members(1));
    assert!(!first.contains(&a[7]), "only unsorted answers are proposed");

    let mut form: Vec<(&str, &str)> = first.iter().map(|m| ("answer", m.as_str())).collect();
    form.push(("title", "FORESLÅET EMNE"));
    let res = app.post_form(&format!("/staff/topics/{topic}/suggestions/accept"), &form).await;
    assert_eq!(location(&res), format!("/staff/topics/{topic}/board?done=accepted"));
    let accepted = theme_id(&app, "FORESLÅET EMNE");
    assert_eq!(links_of(&app, &accepted), {
        let mut f = first.clone();
        f.sort();
        f
    });
    assert_eq!(links_of(&app, &mine), vec![a[7].clone()], "hand-made theme untouched");

    let reject: Vec<(&str, &str)> = second.iter().map(|m| ("answer", m.as_str())).collect();
    app.post_form(&format!("/staff/topics/{topic}/suggestions/reject"), &reject).await;
    let n: i64 = rejected_suggestions::table.count().get_result(&mut *app.conn()).expect("count");
    assert_eq!(n, 1);
    let page = app.get_html(&format!("/staff/topics/{topic}/suggestions?k=2")).await;
    assert!(page.contains("Færre emner") || page.contains("Flere emner"));
    let _ = hidden(&page, "csrf_token");
}

fn suggest_cli(args: &[&str]) -> serde_json::Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_deltag"))
        .args(["themes", "suggest"])
        .args(args)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Deterministic.
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_deltag"))
        .args(["themes", "suggest"])
        .args(args)
        .output()
        .expect("run");
    assert_eq!(again.stdout, out.stdout, "{args:?} twice");
    serde_json::from_slice(&out.stdout).expect("json")
}

#[test]
fn themes_suggest_cli_prints_the_documented_json() {
    let dir = tempfile::tempdir().expect("dir");
    let input = dir.path().join("answers.txt");
    std::fs::write(&input, TEXTS.join("\n") + "\n\n").expect("write");
    let input = input.to_str().expect("path");
    for engine in ["tfidf", "e5"] {
        let doc = suggest_cli(&["--input", input, "--k", "3", "--json", "--engine", engine]);
        assert_eq!(doc["engine"], engine);
        let themes = doc["themes"].as_array().expect("themes");
        assert_eq!(themes.len(), 3);
        let mut seen: Vec<u64> = doc["unassigned"]
            .as_array()
            .expect("unassigned")
            .iter()
            .filter_map(|v| v.as_u64())
            .collect();
        for t in themes {
            let label = t["label"].as_str().unwrap_or_default();
            assert!(!label.is_empty());
            if engine == "e5" {
                // A phrase as people wrote it, not capitals.
                assert_ne!(label, label.to_uppercase(), "{label}");
                assert!(
                    TEXTS.iter().any(|x| x
                        .to_lowercase()
                        .starts_with(&label.trim_end_matches('…').to_lowercase())),
                    "{label}"
                );
            } else {
                assert!(t["keywords"].as_array().is_some_and(|k| !k.is_empty()));
            }
            assert_eq!(t.as_object().map(|o| o.len()), Some(3), "exactly label, keywords, members");
            seen.extend(
                t["members"].as_array().expect("members").iter().filter_map(|v| v.as_u64()),
            );
        }
        seen.sort();
        assert_eq!(
            seen,
            (0..9).collect::<Vec<u64>>(),
            "{engine}: every line, the empty one unassigned"
        );
    }
}

#[test]
fn themes_suggest_cli_ranks_given_themes_for_every_line() {
    let dir = tempfile::tempdir().expect("dir");
    let input = dir.path().join("answers.txt");
    std::fs::write(
        &input,
        "Huslejen for mit værelse er alt for høj\nMin sagsbehandler ringer aldrig tilbage\n",
    )
    .expect("write");
    let themes = dir.path().join("themes.tsv");
    std::fs::write(
        &themes,
        "theme\tname\tdescription\nhome\tBolig\tLejlighed, værelse, husleje og at have et hjem\n\
         case\tSagsbehandling\tKommunen, sagsbehandlere og ventetid\nlonely\tEnsomhed\t\n",
    )
    .expect("write");
    let examples = dir.path().join("examples.tsv");
    std::fs::write(&examples, "theme\ttext\nlonely\tJeg har ingen at tale med om aftenen\n")
        .expect("write");
    let paths = |p: &std::path::Path| p.to_str().expect("path").to_owned();
    for engine in ["e5", "tfidf"] {
        let doc = suggest_cli(&[
            "--input",
            &paths(&input),
            "--themes",
            &paths(&themes),
            "--examples",
            &paths(&examples),
            "--json",
            "--engine",
            engine,
        ]);
        assert_eq!(doc["engine"], engine);
        let lines = doc["assignments"].as_array().expect("assignments");
        assert_eq!(lines.len(), 2);
        for (i, want) in ["home", "case"].iter().enumerate() {
            assert_eq!(lines[i]["line"], i);
            let ranked = lines[i]["themes"].as_array().expect("themes");
            assert_eq!(ranked.len(), 3, "every theme, best first");
            assert_eq!(ranked[0]["theme"], *want, "{engine}, line {i}");
            let scores: Vec<f64> = ranked.iter().filter_map(|t| t["score"].as_f64()).collect();
            assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
        }
    }
    // An example under a theme the themes file does not have: a clear error.
    std::fs::write(&examples, "theme\ttext\nnowhere\tsomething\n").expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_deltag"))
        .args(["themes", "suggest", "--engine", "tfidf", "--input", &paths(&input)])
        .args(["--themes", &paths(&themes), "--examples", &paths(&examples)])
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("nowhere"));
}

/// What the board of a topic holds, counted in the database: themes, links, key points, quotes
/// and board audit records. A refused request must leave every one of them as it was.
fn board_state(app: &TestApp) -> [i64; 5] {
    let mut conn = app.conn();
    let count = |n: QueryResult<i64>| n.expect("count");
    [
        count(themes::table.count().get_result(&mut *conn)),
        count(theme_answers::table.count().get_result(&mut *conn)),
        count(key_points::table.count().get_result(&mut *conn)),
        count(quotes::table.count().get_result(&mut *conn)),
        count(
            audit_events::table
                .filter(audit_events::action.like("theme.%"))
                .count()
                .get_result(&mut *conn),
        ),
    ]
}

/// Each topic reads its own rows: its board counts only its answers with another topic just as
/// big beside it. An answer, theme or parent of another topic, or one that does not exist, is
/// refused with 400 wherever an id is submitted, and changes nothing.
async fn ids_of_another_topic_are_refused_and_change_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let (mine, theirs) =
        (seed_workshop(&app, WorkshopStatus::Open), seed_workshop(&app, WorkshopStatus::Open));
    let (a, b) = (seed_answers(&app, &mine), seed_answers(&app, &theirs));
    let (topic, other) = (topic_of(&app, &mine), topic_of(&app, &theirs));
    assert_ne!(topic, other);
    app.login_as(Role::Facilitator).await;

    let board = app.get_html(&format!("/staff/topics/{topic}/board")).await;
    let main = text_of(&board, "main").unwrap_or_default();
    assert!(main.contains("8 svar i alt. 8 er ikke sorteret endnu."), "{main}");

    let my_theme = create_theme(&app, &topic, "MIT EMNE", "").await;
    let their_theme = create_theme(&app, &other, "DERES EMNE", "").await;
    assert_eq!(assign(&app, &topic, &my_theme, &[&a[0]], "add", "").await.status(), 303);
    let before = board_state(&app);

    let missing = "01936f3e-0000-7000-8000-000000000000".to_owned();
    let assign_path = format!("/staff/topics/{topic}/assign");
    let refused: Vec<(&str, reqwest::Response)> = vec![
        ("their answer", assign(&app, &topic, &my_theme, &[&a[1], &b[0]], "add", "").await),
        ("no such answer", assign(&app, &topic, &my_theme, &[&missing], "add", "").await),
        ("their theme", assign(&app, &topic, &their_theme, &[&a[1]], "add", "").await),
        ("from their theme", assign(&app, &topic, &my_theme, &[&a[0]], "move", &their_theme).await),
        ("mine on their board", assign(&app, &other, &my_theme, &[&a[0]], "add", "").await),
        (
            "their answer in a suggestion",
            app.post_form(
                &format!("/staff/topics/{topic}/suggestions/accept"),
                &[("answer", a[2].as_str()), ("answer", b[2].as_str()), ("title", "FORSLAG")],
            )
            .await,
        ),
        (
            "their theme as parent",
            app.post_form(
                &format!("/staff/topics/{topic}/themes"),
                &[("title", "UNDER DERES"), ("parent_id", &their_theme)],
            )
            .await,
        ),
        (
            "merged into their theme",
            app.post_form(&format!("/staff/themes/{my_theme}/merge"), &[("into", &their_theme)])
                .await,
        ),
    ];
    for (what, res) in refused {
        assert_eq!(res.status().as_u16(), 400, "{what} is refused ({assign_path})");
    }
    assert_eq!(board_state(&app), before, "refused requests change nothing");
    assert_eq!(links_of(&app, &my_theme), sorted(&[&a[0]]));
    assert!(links_of(&app, &their_theme).is_empty());
}

on_both_backends!(
    ids_of_another_topic_are_refused_and_change_nothing,
    assigning_merging_and_splitting_themes,
    two_facilitators_lose_nothing,
    personal_data_is_flagged_but_never_blocks,
    suggestions_are_accepted_or_rejected_without_touching_hand_made_themes,
);
