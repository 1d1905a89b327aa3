//! `deltag demo`: loads the 2023 participation track (two topics, four workshops, their
//! questions and answers) and two demo accounts, once. Running it again changes nothing.

pub mod content;

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use self::content::{DemoEnglish, DemoQuestion, DemoWorkshop, TRACK};
use crate::audit::{self, Action};
use crate::auth::domain::{Email, PersonName, Role};
use crate::auth::{self, password};
use crate::db::schema::workshops;
use crate::db::{write_transaction, AnswerId, DbConnection, TopicId, UserId, WorkshopId};
use crate::i18n::Lang;
use crate::participant::{
    self, AnswerText, AnswerValue, ChoiceValue, EnteredBy, NewAnswer, Source, YesNo,
};
use crate::survey::domain::options_from_lines;
use crate::survey::{
    self, ChoiceOption, Question, QuestionFields, QuestionKind, TextField, TopicFields,
    TrackFields, TranslatedText, WorkshopFields, WorkshopStatus,
};
use crate::text::{LongText, PromptText, Text, Title};
use crate::themes;

/// Demo content is written by us; a text that does not parse is a bug in `content.rs`.
fn parsed<T>(value: Option<T>, what: &str) -> anyhow::Result<T> {
    value.ok_or_else(|| anyhow::anyhow!("demo content: {what} does not parse"))
}

/// The demo facilitator's login.
pub const FACILITATOR_EMAIL: &str = "facilitator@demo.deltag.dk";
/// Their password (a demo: printed on purpose).
pub const FACILITATOR_PASSWORD: &str = "demo-facilitator-2023";
/// The demo admin's login.
pub const ADMIN_EMAIL: &str = "admin@demo.deltag.dk";
/// Their password.
pub const ADMIN_PASSWORD: &str = "demo-admin-2023";

/// What a newcomer needs after loading.
#[derive(Debug, Clone)]
pub struct DemoInfo {
    /// False when the demo was there already.
    pub loaded_now: bool,
    /// Join code of the open workshop.
    pub open_join_code: Option<String>,
}

/// Loads the demo (idempotent: it looks for the demo track first).
pub fn load(conn: &mut DbConnection) -> anyhow::Result<DemoInfo> {
    ensure_user(conn, ADMIN_EMAIL, "Demo-administrator", Role::Admin, ADMIN_PASSWORD)?;
    let facilitator = ensure_user(
        conn,
        FACILITATOR_EMAIL,
        "Demo-facilitator",
        Role::Facilitator,
        FACILITATOR_PASSWORD,
    )?;
    let tracks = survey::list_tracks(conn)?;
    let loaded_now = !tracks.iter().any(|t| t.title == TRACK.title && t.year == TRACK.year);
    if loaded_now {
        write_transaction(conn, |conn| load_track(conn, &facilitator))?;
        // The council's short name for the staff header (an admin may change it).
        crate::settings::save_if_unset(conn, crate::settings::Key::ShortName, "RFSU")?;
    }
    let open_join_code = open_code(conn)?;
    Ok(DemoInfo { loaded_now, open_join_code })
}

fn open_code(conn: &mut DbConnection) -> QueryResult<Option<String>> {
    let Some(last) = TRACK.topics.iter().flat_map(|t| t.workshops.iter()).find(|w| w.open) else {
        return Ok(None);
    };
    workshops::table
        .filter(workshops::title.eq(last.title))
        .filter(workshops::status.eq(WorkshopStatus::Open))
        .select(workshops::join_code)
        .first(conn)
        .optional()
}

fn ensure_user(
    conn: &mut DbConnection, email: &str, name: &str, role: Role, pw: &str,
) -> anyhow::Result<UserId> {
    if let Some(user) = auth::find_user_by_email(conn, email)? {
        return Ok(user.id);
    }
    let hash = password::hash_sync(pw).map_err(|e| anyhow::anyhow!("hashing: {e}"))?;
    let email = Email::parse(email).ok_or_else(|| anyhow::anyhow!("demo e-mail"))?;
    let name = PersonName::parse(name).ok_or_else(|| anyhow::anyhow!("demo name"))?;
    Ok(auth::create_user(conn, &email, &name, role, Some(&hash))?.id)
}

fn load_track(conn: &mut DbConnection, facilitator: &UserId) -> anyhow::Result<()> {
    let track =
        TrackFields { title: parsed(Title::parse(TRACK.title), "track title")?, year: TRACK.year };
    let track_id = survey::create_track(conn, &track)?;
    let mut topic_ids = Vec::new();
    for topic in TRACK.topics {
        let fields = TopicFields {
            title: parsed(Title::parse(topic.title), "topic title")?,
            description: parsed(LongText::parse(topic.description), "topic description")?,
            same_people: true,
        };
        let topic_id = survey::create_topic(conn, &track_id, &fields)?;
        for workshop in topic.workshops {
            load_workshop(conn, &topic_id, workshop, facilitator)?;
        }
        topic_ids.push(topic_id);
    }
    load_themes(conn, &topic_ids, facilitator)?;
    if let Some(topic) = topic_ids.get(1) {
        load_room(conn, topic, facilitator)?;
    }
    audit::record(conn, None, Action::DemoLoad, track_id.as_str(), "")?;
    Ok(())
}

/// Themes as a facilitator might have started them on each topic: a title, words that put an
/// answer in it, and key points (from the report's findings).
const DEMO_THEMES: [(usize, &str, &[&str], &[&str]); 4] = [
    (0, "DEN RETTE BOLIGLØSNING", &["bolig", "lejlighed", "værelse", "bo "], &[
        "De fleste ønsker en helt almindelig bolig med varme, strøm og lås på døren.",
        "Den rette bolig ligger tæt på netværk og et lokalmiljø, hvor man er velkommen.",
    ]),
    (0, "MENINGSFULDE FÆLLESSKABER", &["ensom", "fællesskab", "venner", "netværk", "familie"], &[
        "Mange skal bygge et netværk op igen, når de flytter ind, og har brug for støtte til det.",
    ]),
    (1, "7 GRUNDPRINCIPPER FOR GOD STØTTE", &["lyt", "menneske", "tempo", "alvorlig"], &[
        "Se mig som et menneske",
        "Lyt til mig",
        "Spørg ind til mine behov",
        "Tag mig alvorligt",
        "Oplys mig om mine rettigheder og muligheder",
        "Følg mit tempo",
        "Hjælp mig med at bygge mig selv op igen",
    ]),
    (1, "ERFARINGER MED AT SØGE STØTTE", &["sagsbehandler", "kommune", "system", "ansøg"], &[
        "Systemet opleves som en labyrint, hvor man bliver sendt rundt.",
    ]),
];

/// Starts the board of each topic: themes, their answers, key points, and one approved quote
/// per theme, so the board and the exports show something to a newcomer.
fn load_themes(
    conn: &mut DbConnection, topic_ids: &[TopicId], facilitator: &UserId,
) -> anyhow::Result<()> {
    use crate::themes as board;
    for (topic_index, title, words, key_points) in DEMO_THEMES {
        let Some(topic) = topic_ids.get(topic_index) else {
            continue;
        };
        let title = parsed(Title::parse(title), "theme title")?;
        let theme = board::create_theme(conn, topic, &title, None)
            .map_err(|e| anyhow::anyhow!(e.chain()))?;
        let answers = board::board_answers(conn, topic)?;
        let matching: Vec<&board::BoardAnswer> = answers
            .iter()
            .filter(|a| {
                let text = a.value.to_lowercase();
                words.iter().any(|w| text.contains(w))
            })
            .collect();
        let ids: Vec<AnswerId> = matching.iter().map(|a| a.id.clone()).collect();
        board::assign(conn, &theme, &ids, Some(facilitator))?;
        for point in key_points {
            let point = parsed(LongText::parse(point), "key point")?;
            board::add_key_point(conn, topic, Some(&theme), &point)?;
        }
        let quotable = matching.iter().find(|a| {
            a.entered_by == EnteredBy::Participant && themes::pii::kinds(&a.value).is_empty()
        });
        if let Some(a) = quotable {
            let text = parsed(Text::parse(&a.value), "quote")?;
            let quote = board::create_quote(conn, &a.id, &text, Some(facilitator))?
                .ok_or_else(|| anyhow::anyhow!("demo quote: no answer"))?;
            board::set_quote_approved(conn, &quote, true, 1, None)?
                .map_err(|_| anyhow::anyhow!("demo quote conflict"))?;
        }
    }
    Ok(())
}

/// The open workshop's room, as a facilitator might have it mid-day: a wall link with a few
/// answers let through, and a member check over the topic's key points that some phones and a
/// show of hands have answered.
fn load_room(conn: &mut DbConnection, topic: &TopicId, facilitator: &UserId) -> anyhow::Result<()> {
    use crate::room::{self, RoundKind, Said, Verdict};
    let Some(w) = survey::workshops_of_topic(conn, topic)?
        .into_iter()
        .find(|w| w.status == WorkshopStatus::Open)
    else {
        return Ok(());
    };
    room::new_link(conn, &w.id)?;
    let questions = survey::list_questions(conn, &w.id)?;
    let answers = participant::workshop_answers(conn, &w.id)?;
    let texts = answers.iter().filter(|(a, _)| {
        a.entered_by == EnteredBy::Participant
            && !a.declined
            && questions.iter().any(|q| q.id == a.question_id && q.kind.is_text())
            && themes::pii::kinds(&a.value).is_empty()
    });
    for (a, _) in texts.take(4) {
        room::decide(conn, &w.id, &a.id, true, facilitator)?;
    }
    let items: Vec<room::NewItem> = themes::list_key_points(conn, topic)?
        .into_iter()
        .take(4)
        .map(|k| room::NewItem { theme_id: None, key_point_id: Some(k.id), text: k.text })
        .collect();
    room::open_round(conn, &w.id, RoundKind::Check, 0, &items)?;
    let Some((round, items)) = room::latest_round(conn, &w.id)? else {
        return Ok(());
    };
    let mut phones: Vec<&crate::db::ParticipantId> = Vec::new();
    for (a, _) in &answers {
        if a.entered_by == EnteredBy::Participant && !phones.contains(&&a.participant_id) {
            phones.push(&a.participant_id);
        }
    }
    // Most agree; some only partly; one says no to the second point.
    let pattern = [Verdict::Yes, Verdict::Yes, Verdict::Partly, Verdict::Yes, Verdict::No];
    for (p, who) in phones.iter().take(5).enumerate() {
        let said: Vec<Said> = items
            .iter()
            .enumerate()
            .map(|(i, item)| Said {
                item: item.id.clone(),
                verdict: Some(if i == 1 { pattern[p % 5] } else { pattern[(p + i) % 3] }),
                comment: String::new(),
            })
            .collect();
        room::save_verdicts(conn, &round, who, &said)?;
    }
    if let Some(first) = items.first() {
        room::record_hands(conn, &w.id, &first.id, [2, 1, 0], facilitator)?;
    }
    Ok(())
}

fn load_workshop(
    conn: &mut DbConnection, topic_id: &TopicId, w: &DemoWorkshop, facilitator: &UserId,
) -> anyhow::Result<()> {
    let fields = WorkshopFields {
        title: parsed(Title::parse(w.title), "workshop title")?,
        intro: parsed(LongText::parse(w.intro), "workshop intro")?,
        starts_at: NaiveDateTime::parse_from_str(w.starts_at, "%Y-%m-%d %H:%M").ok(),
        location: Title::parse(w.location),
        retention_days: 90,
    };
    let workshop_id = survey::create_workshop(conn, topic_id, &fields)?;
    let seed = workshop_id.as_str();
    for q in w.questions {
        survey::add_question(conn, &workshop_id, &question_fields(q)?)?;
    }
    let questions = survey::list_questions(conn, &workshop_id)?;
    if let Some(english) = w.english {
        load_english(conn, &workshop_id, &questions, english)?;
    }
    // The topic's workshops had the same people: the people a facilitator spoke for are
    // numbered in the order they come, the same numbers in every workshop of the topic.
    let same_people: Vec<WorkshopId> =
        survey::workshops_of_topic(conn, topic_id)?.into_iter().map(|w| w.id).collect();
    let mut spoken_for = 0;
    for (p_index, p) in w.participants.iter().enumerate() {
        let entered_by = parsed(EnteredBy::parse(p.entered_by), "entered_by")?;
        let token = format!("demo:{seed}:{p_index}");
        let participant = if entered_by == EnteredBy::Participant {
            participant::join(conn, &workshop_id, &token, Source::Phone)?
        } else {
            spoken_for += 1;
            let who = participant::Person::Numbered(spoken_for);
            participant::person(conn, &workshop_id, &same_people, who, &token)?
        };
        for (question, raw) in questions.iter().zip(p.answers.iter()) {
            let Some(value) = demo_value(question.kind, question.options(), raw) else {
                continue;
            };
            let user = (entered_by != EnteredBy::Participant).then_some(facilitator);
            participant::save_answer(
                conn,
                &NewAnswer {
                    participant_id: &participant.id,
                    question_id: &question.id,
                    value: &value,
                    entered_by,
                    user_id: user,
                    submission_key: &format!("demo:{seed}:{p_index}:{}", question.position),
                },
            )
            .map_err(|e| anyhow::anyhow!("demo answer: {e}"))?;
        }
        if !w.open {
            participant::finish(conn, &participant.id, &format!("demo-{seed}-{p_index}"))?;
        }
    }
    for (line, (q_index, text)) in w.flipchart.iter().enumerate() {
        let Some(question) = questions.get(*q_index) else {
            continue;
        };
        let Ok(text) = AnswerText::parse(text) else {
            continue;
        };
        let participant = participant::join(
            conn,
            &workshop_id,
            &format!("demo-flipchart:{seed}:{line}"),
            Source::Flipchart,
        )?;
        participant::save_answer(
            conn,
            &NewAnswer {
                participant_id: &participant.id,
                question_id: &question.id,
                value: &AnswerValue::Text(text),
                entered_by: EnteredBy::Scribe,
                user_id: Some(facilitator),
                submission_key: &format!("demo-flipchart:{seed}:{line}"),
            },
        )
        .map_err(|e| anyhow::anyhow!("demo note: {e}"))?;
    }
    survey::set_status(conn, &workshop_id, WorkshopStatus::Open)?;
    if !w.open {
        survey::set_status(conn, &workshop_id, WorkshopStatus::Closed)?;
        // Counted by the facilitators after the day: everyone in the room.
        survey::set_attendance(conn, &workshop_id, w.participants.len().try_into()?)?;
    }
    Ok(())
}

/// Saves a workshop's English texts; option labels go to the option keys in the Danish order.
fn load_english(
    conn: &mut DbConnection, workshop_id: &WorkshopId, questions: &[Question],
    english: &DemoEnglish,
) -> anyhow::Result<()> {
    let text = |field, text: &str| TranslatedText { field, text: text.to_owned() };
    survey::save_translations(
        conn,
        workshop_id,
        workshop_id.as_str(),
        Lang::En,
        &[text(TextField::Title, english.title), text(TextField::Intro, english.intro)],
    )?;
    for (q, en) in questions.iter().zip(english.questions) {
        let labels: BTreeMap<String, String> = q
            .options()
            .iter()
            .zip(en.options)
            .map(|(o, label)| (o.key.clone(), (*label).to_owned()))
            .collect();
        survey::save_translations(
            conn,
            workshop_id,
            q.id.as_str(),
            Lang::En,
            &[
                text(TextField::Prompt, en.prompt),
                text(TextField::HelpText, en.help_text),
                text(TextField::EasyReadPrompt, en.easy_read.unwrap_or("")),
                text(TextField::Options, &survey::options_translation(&labels)),
            ],
        )?;
    }
    Ok(())
}

fn question_fields(q: &DemoQuestion) -> anyhow::Result<QuestionFields> {
    let easy_read = match q.easy_read {
        Some(text) => Some(parsed(PromptText::parse_non_empty(text), "easy-read prompt")?),
        None => None,
    };
    Ok(QuestionFields {
        kind: parsed(QuestionKind::parse(q.kind), "question kind")?,
        prompt: parsed(PromptText::parse_non_empty(q.prompt), "prompt")?,
        help_text: parsed(Text::parse(q.help_text), "help text")?,
        easy_read_prompt: easy_read,
        options: match q.options {
            [a, b, c, d, e] if q.kind == "scale" => survey::ChoiceOptions(survey::scale_points(
                &[a, b, c, d, e].map(|w| (*w).to_owned()),
            )),
            _ => options_from_lines(&q.options.join("\n"), &[]),
        },
        allow_other: q.allow_other,
        required: q.required,
    })
}

/// Turns the content file's shorthand into an answer ("" none, "-" declined, "2", "1,3,other:…").
fn demo_value(kind: QuestionKind, options: &[ChoiceOption], raw: &str) -> Option<AnswerValue> {
    match raw {
        "" => return None,
        "-" => return Some(AnswerValue::Declined),
        _ => {}
    }
    Some(match kind {
        QuestionKind::ShortText | QuestionKind::LongText => {
            AnswerValue::Text(AnswerText::parse(raw).ok()?)
        }
        QuestionKind::Scale => AnswerValue::Scale(raw.parse().ok()?),
        QuestionKind::YesNo => {
            AnswerValue::YesNo(YesNo::ALL.into_iter().find(|v| v.as_str() == raw)?)
        }
        QuestionKind::SingleChoice | QuestionKind::MultipleChoice => {
            let (numbers, other) = match raw.split_once("other:") {
                Some((before, text)) => (before, Some(text.trim().to_owned())),
                None => (raw, None),
            };
            let choices = numbers
                .split(',')
                .filter_map(|n| n.trim().parse::<usize>().ok())
                .filter_map(|n| options.get(n.checked_sub(1)?).map(|o| o.key.clone()))
                .collect();
            AnswerValue::Choice(ChoiceValue { choices, other })
        }
    })
}
