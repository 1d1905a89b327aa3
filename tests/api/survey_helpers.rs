//! Builds workshops directly in the database for participant tests.

use deltag::db::WorkshopId;
use deltag::survey::domain::{options_from_lines, QuestionKind, WorkshopStatus};
use deltag::survey::store::{self, QuestionFields, TopicFields, TrackFields, WorkshopFields};
use deltag::text::{LongText, PromptText, Text, Title};

use crate::helpers::{html, TestApp};

/// An open workshop with one question of every kind.
pub struct Seeded {
    pub workshop_id: WorkshopId,
    pub code: String,
}

/// A title for test data.
pub fn title(s: &str) -> Title {
    Title::parse(s).expect("title")
}

/// A long text for test data.
pub fn long_text(s: &str) -> LongText {
    LongText::parse(s).expect("text")
}

pub fn question(kind: QuestionKind, prompt: &str, options: &str, required: bool) -> QuestionFields {
    QuestionFields {
        kind,
        prompt: PromptText::parse_non_empty(prompt).expect("prompt"),
        help_text: Text::default(),
        easy_read_prompt: None,
        options: options_from_lines(options, &[]),
        allow_other: kind.has_options(),
        required,
    }
}

/// Six questions: long text (required), short text, single choice (+Andet), multiple choice,
/// scale, yes/no.
pub fn seed_workshop(app: &TestApp, status: WorkshopStatus) -> Seeded {
    let mut conn = app.conn();
    let track = TrackFields { title: title("Deltagelsessporet 2025"), year: 2025 };
    let track = store::create_track(&mut conn, &track).expect("track");
    let topic = TopicFields {
        title: title("Fra bolig til hjem"),
        description: long_text(""),
        same_people: false,
    };
    let topic_id = store::create_topic(&mut conn, &track, &topic).expect("topic");
    let fields = WorkshopFields {
        title: title("Den rette boligløsning"),
        intro: long_text("Vi taler om bolig."),
        starts_at: None,
        location: None,
        retention_days: 90,
    };
    let workshop_id = store::create_workshop(&mut conn, &topic_id, &fields).expect("workshop");
    for q in [
        question(QuestionKind::LongText, "Hvad gør en bolig til et hjem?", "", true),
        question(QuestionKind::ShortText, "Ét ord om din bolig", "", false),
        question(
            QuestionKind::SingleChoice,
            "Hvor bor du nu?",
            "Egen bolig\nHerberg\nHos venner",
            false,
        ),
        question(
            QuestionKind::MultipleChoice,
            "Hvem støtter dig?",
            "Familie\nVenner\nSagsbehandler",
            false,
        ),
        question(QuestionKind::Scale, "Hvordan har du det med din bolig?", "", false),
        question(QuestionKind::YesNo, "Har du en fast kontaktperson?", "", false),
    ] {
        store::add_question(&mut conn, &workshop_id, &q).expect("question");
    }
    if status != WorkshopStatus::Draft {
        store::set_status(&mut conn, &workshop_id, WorkshopStatus::Open).expect("open");
    }
    if matches!(status, WorkshopStatus::Closed | WorkshopStatus::Archived) {
        store::set_status(&mut conn, &workshop_id, WorkshopStatus::Closed).expect("close");
    }
    let code =
        store::find_workshop(&mut conn, &workshop_id).expect("find").expect("some").join_code;
    Seeded { workshop_id, code }
}

/// The value of a hidden input on a page.
pub fn hidden(page: &str, name: &str) -> String {
    let doc = html(page);
    let sel = scraper::Selector::parse(&format!("input[name={name}]")).expect("selector");
    doc.select(&sel).next().and_then(|e| e.value().attr("value")).unwrap_or_default().to_owned()
}

impl TestApp {
    /// Opens the start page and says yes; returns the first question's path.
    pub async fn join_workshop(&self, code: &str) -> String {
        let page = self.get_html(&format!("/j/{code}")).await;
        let token = hidden(&page, "start_token");
        let res = self.post_form(&format!("/j/{code}/start"), &[("start_token", &token)]).await;
        assert_eq!(res.status().as_u16(), 303);
        crate::helpers::location(&res)
    }

    /// Loads a question page and posts `fields` with its submission key and question id.
    pub async fn answer(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let page = self.get_html(path).await;
        let key = hidden(&page, "submission_key");
        let qid = hidden(&page, "question_id");
        let mut all = fields.to_vec();
        all.push(("submission_key", &key));
        all.push(("question_id", &qid));
        self.post_form(path, &all).await
    }
}
