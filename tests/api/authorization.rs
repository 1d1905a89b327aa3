//! Authorisation, proven route by route. Every route of the server's own route table must have a
//! rule here (a new route without one fails the test). Each staff route is tried as anonymous,
//! viewer, facilitator and admin with a request the handler accepts; refused roles must get
//! the login redirect or 403 and change nothing in the database, allowed roles must get through.

use std::collections::BTreeMap;

use deltag::auth::Role;
use deltag::db::schema::{answers, key_points, questions, quotes, themes, tracks, workshops};
use deltag::db::{
    AnswerId, Backend, KeyPointId, QuestionId, QuoteId, ThemeId, TopicId, TrackId, UserId,
    WorkshopId,
};
use deltag::web::routing::{Method, Route};
use diesel::prelude::*;

use crate::helpers::{location, spawn_app, TestApp};
use crate::on_both_backends;
use crate::survey_helpers::{long_text, title};

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Access {
    /// Anyone: participants, the public pages, login and set-up links.
    Public,
    /// Any signed-in staff member (viewers read).
    Staff,
    /// Facilitators and admins (they change things).
    Editor,
    /// Admins only.
    Admin,
}

use Access::{Admin, Editor, Public, Staff};
use Method::{Get as GET, Post as POST};

/// The rule of every route. Keep it in the order of `deltag routes`.
const RULES: &[(Method, &str, Access)] = &[
    (GET, "/", Public),
    (GET, "/healthz", Public),
    (GET, "/static/{file}", Public),
    (GET, "/sprog/{code}", Public),
    (GET, "/visning", Public),
    (POST, "/visning", Public),
    (GET, "/let-laest/{state}", Public),
    (GET, "/tilgaengelighed", Public),
    (GET, "/login", Public),
    (POST, "/login", Public),
    (GET, "/login/code", Public),
    (POST, "/login/code", Public),
    (POST, "/logout", Staff),
    (GET, "/login/glemt", Public),
    (POST, "/login/glemt", Public),
    (GET, "/setup/{token}", Public),
    (POST, "/setup/{token}", Public),
    (GET, "/admin/users", Admin),
    (POST, "/admin/users", Admin),
    (POST, "/admin/users/{id}/role", Admin),
    (POST, "/admin/users/{id}/disable", Admin),
    (POST, "/admin/users/{id}/enable", Admin),
    (POST, "/admin/users/{id}/invitation", Admin),
    (POST, "/admin/users/{id}/second-factor/reset", Admin),
    (GET, "/account", Staff),
    (GET, "/account/second-factor", Staff),
    (POST, "/account/second-factor", Staff),
    (POST, "/account/second-factor/codes", Staff),
    (GET, "/staff", Staff),
    (GET, "/staff/tracks/new", Editor),
    (POST, "/staff/tracks", Editor),
    (GET, "/staff/tracks/{id}/edit", Editor),
    (POST, "/staff/tracks/{id}", Editor),
    (GET, "/staff/tracks/{id}/topics/new", Editor),
    (POST, "/staff/tracks/{id}/topics", Editor),
    (GET, "/staff/topics/{id}/edit", Editor),
    (POST, "/staff/topics/{id}", Editor),
    (GET, "/staff/topics/{id}/workshops/new", Editor),
    (POST, "/staff/topics/{id}/workshops", Editor),
    (GET, "/staff/workshops/{id}", Staff),
    (POST, "/staff/workshops/{id}", Editor),
    (GET, "/staff/workshops/{id}/edit", Editor),
    (POST, "/staff/workshops/{id}/status", Editor),
    (POST, "/staff/workshops/{id}/copy", Editor),
    (POST, "/staff/workshops/{id}/attendance", Editor),
    (POST, "/staff/workshops/{id}/retention", Admin),
    (GET, "/staff/workshops/{id}/questions/new", Editor),
    (POST, "/staff/workshops/{id}/questions", Editor),
    (GET, "/staff/workshops/{id}/preview", Staff),
    (GET, "/staff/workshops/{id}/poster", Staff),
    (GET, "/staff/workshops/{id}/cards", Staff),
    (GET, "/staff/workshops/{id}/answers", Staff),
    (GET, "/staff/workshops/{id}/answers/events", Staff),
    (GET, "/staff/workshops/{id}/wall", Staff),
    (GET, "/staff/workshops/{id}/wall/events", Staff),
    (POST, "/staff/workshops/{id}/wall/link", Editor),
    (POST, "/staff/workshops/{id}/wall/revoke", Editor),
    (POST, "/staff/workshops/{id}/wall/settings", Editor),
    (POST, "/staff/workshops/{id}/wall/timer", Editor),
    (POST, "/staff/workshops/{id}/wall/cards", Editor),
    (POST, "/staff/workshops/{id}/wall/round", Editor),
    (POST, "/staff/workshops/{id}/wall/round/close", Editor),
    (POST, "/staff/workshops/{id}/wall/hands", Editor),
    (POST, "/staff/workshops/{id}/wall/order", Editor),
    (GET, "/j/{code}/rum", Public),
    (POST, "/j/{code}/rum", Public),
    (GET, "/v/{token}", Public),
    (GET, "/v/{token}/events", Public),
    (GET, "/staff/workshops/{id}/assist", Editor),
    (POST, "/staff/workshops/{id}/assist", Editor),
    (GET, "/staff/questions/{id}/edit", Editor),
    (POST, "/staff/questions/{id}", Editor),
    (POST, "/staff/questions/{id}/move", Editor),
    (POST, "/staff/questions/{id}/delete", Editor),
    (GET, "/staff/questions/{id}/paste", Editor),
    (POST, "/staff/questions/{id}/paste", Editor),
    (GET, "/j", Public),
    (GET, "/j/{code}", Public),
    (POST, "/j/{code}/start", Public),
    (GET, "/j/{code}/q/{position}", Public),
    (POST, "/j/{code}/q/{position}", Public),
    (GET, "/j/{code}/check", Public),
    (POST, "/j/{code}/finish", Public),
    (GET, "/j/{code}/tak", Public),
    (GET, "/j/{code}/ryd", Public),
    (POST, "/j/{code}/clear", Public),
    (GET, "/j/{code}/qr.svg", Public),
    (GET, "/trak-tilbage", Public),
    (POST, "/trak-tilbage", Public),
    (GET, "/trak-tilbage/slettet", Public),
    (GET, "/staff/topics/{id}/board", Staff),
    (GET, "/staff/topics/{id}/board/events", Staff),
    (POST, "/staff/topics/{id}/themes", Editor),
    (POST, "/staff/topics/{id}/assign", Editor),
    (POST, "/staff/topics/{id}/key-points", Editor),
    (GET, "/staff/topics/{id}/quotes", Staff),
    (GET, "/staff/topics/{id}/suggestions", Staff),
    (POST, "/staff/topics/{id}/suggestions/accept", Editor),
    (POST, "/staff/topics/{id}/suggestions/reject", Editor),
    (POST, "/staff/topics/{id}/guesses/accept-all", Editor),
    (POST, "/staff/answers/{answer}/guesses/{theme}/accept", Editor),
    (POST, "/staff/answers/{answer}/guesses/{theme}/reject", Editor),
    (POST, "/staff/themes/{id}", Editor),
    (POST, "/staff/themes/{id}/move", Editor),
    (POST, "/staff/themes/{id}/delete", Editor),
    (POST, "/staff/themes/{id}/merge", Editor),
    (POST, "/staff/themes/{theme}/answers/{answer}/remove", Editor),
    (POST, "/staff/undo/{id}", Editor),
    (POST, "/staff/themes/{id}/key-points", Editor),
    (POST, "/staff/key-points/{id}", Editor),
    (POST, "/staff/key-points/{id}/move", Editor),
    (POST, "/staff/key-points/{id}/delete", Editor),
    (GET, "/staff/answers/{id}/quote", Editor),
    (POST, "/staff/answers/{id}/quote", Editor),
    (GET, "/staff/answers/{id}/correct", Editor),
    (POST, "/staff/answers/{id}/correct", Editor),
    (POST, "/staff/quotes/{id}", Editor),
    (POST, "/staff/quotes/{id}/approve", Editor),
    (POST, "/staff/quotes/{id}/delete", Editor),
    (GET, "/admin/audit", Admin),
    (GET, "/admin/settings", Admin),
    (POST, "/admin/settings", Admin),
    (POST, "/admin/settings/test-mail", Admin),
    (GET, "/admin/audit.csv", Admin),
    (GET, "/staff/export", Staff),
    (GET, "/staff/export/download", Staff),
    (GET, "/staff/export/data", Editor),
    (POST, "/staff/export/mail", Editor),
];

/// The tried roles, weakest first (`None` is anonymous).
const CALLERS: [Option<Role>; 4] =
    [None, Some(Role::Viewer), Some(Role::Facilitator), Some(Role::Admin)];

fn allows(access: Access, caller: Option<Role>) -> bool {
    match (access, caller) {
        (Public, _) => true,
        (_, None) => false,
        (Staff, Some(_)) => true,
        (Editor, Some(role)) => role != Role::Viewer,
        (Admin, Some(role)) => role == Role::Admin,
    }
}

/// The ids a request can point at, found in the demo data (and made fresh where a request
/// uses one up).
struct World<'a> {
    app: &'a TestApp,
    topic: TopicId,
    open_workshop: WorkshopId,
}

fn first<T>(rows: Vec<T>, what: &str) -> T {
    rows.into_iter().next().unwrap_or_else(|| panic!("the demo has no {what}"))
}

impl World<'_> {
    fn track(&self) -> TrackId {
        first(tracks::table.select(tracks::id).load(&mut self.app.conn()).expect("tracks"), "track")
    }

    /// A fresh draft workshop of the topic with one long-text question; returns both ids.
    fn draft_workshop(&self) -> (WorkshopId, QuestionId) {
        use deltag::survey::store::{self, QuestionFields, WorkshopFields};
        let mut conn = self.app.conn();
        let fields = WorkshopFields {
            title: title("Udkast"),
            intro: long_text(""),
            starts_at: None,
            location: None,
            retention_days: 90,
        };
        let workshop = store::create_workshop(&mut conn, &self.topic, &fields).expect("workshop");
        let question = store::add_question(
            &mut conn,
            &workshop,
            &QuestionFields {
                kind: deltag::survey::domain::QuestionKind::LongText,
                prompt: deltag::text::PromptText::parse("Hvad tænker du?").expect("prompt"),
                help_text: deltag::text::Text::default(),
                easy_read_prompt: None,
                options: Default::default(),
                allow_other: false,
                required: false,
            },
        )
        .expect("question");
        (workshop, question)
    }

    /// A text question of the open workshop and its position.
    fn open_text_question(&self) -> (QuestionId, i32) {
        first(
            questions::table
                .filter(questions::workshop_id.eq(&self.open_workshop))
                .filter(questions::kind.eq_any(["short_text", "long_text"]))
                .order(questions::position)
                .select((questions::id, questions::position))
                .load(&mut self.app.conn())
                .expect("questions"),
            "text question in the open workshop",
        )
    }

    /// A free-text answer on the topic's board.
    /// An item of a member check on the open workshop's themes.
    fn round_item(&self) -> deltag::db::RoundItemId {
        use deltag::room::store::{latest_round, open_round, NewItem};
        let mut conn = self.app.conn();
        let theme =
            first(deltag::themes::list_themes(&mut conn, &self.topic).expect("themes"), "theme");
        let item = NewItem { theme_id: Some(theme.id), key_point_id: None, text: theme.title };
        open_round(&mut conn, &self.open_workshop, deltag::room::RoundKind::Check, 0, &[item])
            .expect("round");
        let (_, items) =
            latest_round(&mut conn, &self.open_workshop).expect("round").expect("some");
        first(items, "round item").id
    }

    /// A dot vote on the open workshop's key points.
    fn vote_round(&self) -> deltag::db::RoundId {
        use deltag::room::store::{open_round, NewItem};
        let mut conn = self.app.conn();
        let items: Vec<NewItem> = deltag::themes::list_key_points(&mut conn, &self.topic)
            .expect("key points")
            .into_iter()
            .map(|k| NewItem { theme_id: None, key_point_id: Some(k.id), text: k.text })
            .collect();
        open_round(&mut conn, &self.open_workshop, deltag::room::RoundKind::Vote, 3, &items)
            .expect("vote")
    }

    fn answer(&self) -> AnswerId {
        first(
            answers::table
                .inner_join(questions::table.inner_join(workshops::table))
                .filter(workshops::topic_id.eq(&self.topic))
                .filter(questions::kind.eq_any(["short_text", "long_text"]))
                .filter(answers::declined.eq(false))
                .select(answers::id)
                .load(&mut self.app.conn())
                .expect("answers"),
            "free-text answer",
        )
    }

    /// A theme of the topic with its version.
    fn theme(&self) -> (ThemeId, i32) {
        first(
            themes::table
                .filter(themes::topic_id.eq(&self.topic))
                .order(themes::position)
                .select((themes::id, themes::version))
                .load(&mut self.app.conn())
                .expect("themes"),
            "theme",
        )
    }

    fn fresh_theme(&self, name: &str) -> ThemeId {
        deltag::themes::store::create_theme(&mut self.app.conn(), &self.topic, &title(name), None)
            .expect("theme")
    }

    /// An undo step: a fresh theme deleted, as the board keeps it.
    fn fresh_undo_step(&self) -> String {
        use deltag::themes::store::undo;
        let theme = self.fresh_theme("Fortrydes");
        let mut conn = self.app.conn();
        let before = undo::capture(&mut conn, std::slice::from_ref(&theme)).expect("before");
        deltag::themes::store::delete_theme(&mut conn, &theme).expect("delete");
        let after = undo::capture(&mut conn, std::slice::from_ref(&theme)).expect("after");
        let restore = undo::Restore::between(&before, &after);
        undo::record(&mut conn, &self.topic, None, ("delete", "Fortrydes"), &restore)
            .expect("record")
            .expect("a step")
            .to_string()
    }

    fn key_point(&self) -> (KeyPointId, i32) {
        first(
            key_points::table
                .filter(key_points::topic_id.eq(&self.topic))
                .select((key_points::id, key_points::version))
                .load(&mut self.app.conn())
                .expect("key points"),
            "key point",
        )
    }

    fn fresh_key_point(&self) -> KeyPointId {
        let text = long_text("Et punkt");
        deltag::themes::store::add_key_point(&mut self.app.conn(), &self.topic, None, &text)
            .expect("key point")
    }

    fn quote(&self) -> (QuoteId, i32) {
        first(
            quotes::table
                .select((quotes::id, quotes::version))
                .load(&mut self.app.conn())
                .expect("quotes"),
            "quote",
        )
    }

    fn fresh_quote(&self) -> QuoteId {
        let answer = self.answer();
        let text = deltag::text::QuoteText::parse("Et citat").expect("text");
        deltag::themes::store::create_quote(&mut self.app.conn(), &answer, &text, None)
            .expect("quote")
            .expect("the answer exists")
    }

    /// A fresh account to act on: invited (no password yet), and disabled when asked.
    fn fresh_user(&self, disabled: bool) -> UserId {
        use deltag::auth::domain::{Email, PersonName};
        let mut conn = self.app.conn();
        let email = format!("maal-{}@example.dk", uuid::Uuid::now_v7().simple());
        let user = deltag::auth::store::create_user(
            &mut conn,
            &Email::parse(&email).expect("email"),
            &PersonName::parse("Mål").expect("name"),
            Role::Viewer,
            None,
        )
        .expect("user");
        if disabled {
            deltag::auth::store::set_disabled(&mut conn, &user.id, true).expect("disable");
        }
        user.id
    }

    /// The concrete request for a route: its path (with query) and a form the handler
    /// accepts, so a refusal can only come from the role check.
    fn request(&self, route: &Route) -> (String, Vec<(String, String)>) {
        let key = || deltag::crypto::random_token(16);
        let with = |id: &str| route.path.replace("{id}", id);
        let form = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
        };
        let workshop_form = [
            ("title", "Workshop"),
            ("intro", "Velkommen"),
            ("date", ""),
            ("time", ""),
            ("location", ""),
            ("retention_days", "90"),
        ];
        let question_form = [("kind", "long_text"), ("prompt", "Hvad tænker du?")];
        let (method, path) = (route.method, route.path);
        match (method, path) {
            (POST, "/logout") => (path.into(), Vec::new()),
            (_, p) if p.starts_with("/account") => (path.into(), form(&[("code", "123456")])),
            (
                _,
                "/admin/users" | "/admin/audit" | "/admin/audit.csv" | "/staff"
                | "/staff/tracks/new",
            ) => {
                let email = format!("ny-{}@example.dk", uuid::Uuid::now_v7().simple());
                let fields = [("name", "Ny"), ("email", email.as_str()), ("role", "viewer")];
                (path.into(), form(&fields))
            }
            (POST, "/staff/tracks") => (path.into(), form(&[("title", "Spor"), ("year", "2026")])),
            (_, p) if p.starts_with("/admin/settings") => {
                let fields = [
                    ("organisation", "Kommunen"),
                    ("a11y_compliance", "partial"),
                    ("to", "it@example.dk"),
                ];
                (path.into(), form(&fields))
            }
            (_, p) if p.starts_with("/admin/users/{id}/") => {
                let target = self.fresh_user(p.ends_with("/enable"));
                (with(&target), form(&[("role", "facilitator")]))
            }
            (_, p) if p.starts_with("/staff/tracks/{id}") => {
                let fields = [("title", "Spor"), ("year", "2026"), ("description", "")];
                (with(&self.track()), form(&fields))
            }
            (_, p) if p.starts_with("/staff/topics/{id}") => {
                let target = with(&self.topic);
                let answer = self.answer();
                let (theme, _) = self.theme();
                let fields: Vec<(&str, &str)> = match p.rsplit('/').next().unwrap_or_default() {
                    "workshops" => workshop_form.to_vec(),
                    "themes" => vec![("title", "Nyt emne")],
                    "assign" => vec![
                        ("answer", answer.as_str()),
                        ("theme_id", theme.as_str()),
                        ("action", "add"),
                    ],
                    "key-points" => vec![("text", "Et nyt punkt")],
                    "accept" => vec![("answer", answer.as_str()), ("title", "Forslag")],
                    "reject" => vec![("answer", answer.as_str())],
                    "accept-all" => vec![("at_least", "80")],
                    _ => vec![("title", "Tema"), ("description", "")],
                };
                (target, form(&fields))
            }
            (POST, "/staff/workshops/{id}/status") => {
                let (draft, _) = self.draft_workshop();
                (with(&draft), form(&[("to", "open")]))
            }
            (POST, "/staff/workshops/{id}/questions") => {
                let (draft, _) = self.draft_workshop();
                (with(&draft), form(&question_form))
            }
            (POST, "/staff/workshops/{id}/assist") => {
                let (_, position) = self.open_text_question();
                let field = format!("q{position}.answer");
                let fields = [
                    ("submission_key", key()),
                    ("entered_by", "scribe".to_owned()),
                    (field.as_str(), "Sagt højt".to_owned()),
                ];
                let fields = fields.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect();
                (with(&self.open_workshop), fields)
            }
            (POST, "/staff/workshops/{id}/attendance") => {
                (with(&self.open_workshop), form(&[("people", "100")]))
            }
            (POST, "/staff/workshops/{id}/wall/cards") => {
                let answer: AnswerId = first(
                    answers::table
                        .inner_join(questions::table)
                        .filter(questions::workshop_id.eq(&self.open_workshop))
                        .filter(questions::kind.eq_any(["short_text", "long_text"]))
                        .select(answers::id)
                        .load(&mut self.app.conn())
                        .expect("answers"),
                    "free-text answer in the open workshop",
                );
                let fields = [("answer_id", answer.as_str()), ("decision", "show")];
                (with(&self.open_workshop), form(&fields))
            }
            (POST, "/staff/workshops/{id}/wall/round") => (
                with(&self.open_workshop),
                form(&[("kind", "vote"), ("about", "themes"), ("dots", "3")]),
            ),
            (POST, "/staff/workshops/{id}/wall/hands") => {
                // An item of a round opened just for this request.
                let item = self.round_item();
                let fields =
                    [("item_id", item.as_str()), ("yes", "2"), ("partly", "1"), ("no", "0")];
                (with(&self.open_workshop), form(&fields))
            }
            (POST, "/staff/workshops/{id}/wall/order") => {
                let round = self.vote_round();
                (with(&self.open_workshop), form(&[("round_id", round.as_str())]))
            }
            (POST, "/staff/workshops/{id}/wall/timer") => {
                (with(&self.open_workshop), form(&[("minutes", "5")]))
            }
            (POST, "/staff/workshops/{id}/wall/settings") => {
                (with(&self.open_workshop), form(&[("show_join", "yes"), ("view", "words")]))
            }
            (POST, "/staff/workshops/{id}/retention") => {
                (with(&self.open_workshop), form(&[("days", "90")]))
            }
            (_, p) if p.starts_with("/staff/workshops/{id}") => {
                (with(&self.open_workshop), form(&workshop_form))
            }
            (_, p) if p.starts_with("/staff/questions/{id}/paste") => {
                let (question, _) = self.open_text_question();
                let k = key();
                (with(&question), form(&[("submission_key", &k), ("notes", "En note")]))
            }
            (_, p) if p.starts_with("/staff/questions/{id}") => {
                let (_, question) = self.draft_workshop();
                let mut fields = form(&question_form);
                fields.push(("direction".into(), "up".into()));
                (with(&question), fields)
            }
            (_, p) if p.starts_with("/staff/answers/{answer}/guesses/{theme}") => {
                let path = route
                    .path
                    .replace("{theme}", self.theme().0.as_str())
                    .replace("{answer}", self.answer().as_str());
                (path, Vec::new())
            }
            (_, "/staff/themes/{theme}/answers/{answer}/remove") => {
                let path = route
                    .path
                    .replace("{theme}", self.theme().0.as_str())
                    .replace("{answer}", self.answer().as_str());
                (path, Vec::new())
            }
            (_, "/staff/undo/{id}") => (with(&self.fresh_undo_step()), Vec::new()),
            (_, p) if p.starts_with("/staff/themes/{id}") => {
                let (theme, version) = self.theme();
                let target = match p.rsplit('/').next() {
                    Some("delete") => self.fresh_theme("Slettes"),
                    Some("merge") => self.fresh_theme("Lægges sammen"),
                    _ => theme.clone(),
                };
                let version = version.to_string();
                let fields = [
                    ("title", "Emne"),
                    ("summary", ""),
                    ("version", version.as_str()),
                    ("direction", "down"),
                    ("into", theme.as_str()),
                    ("text", "Et punkt"),
                ];
                (with(&target), form(&fields))
            }
            (_, p) if p.starts_with("/staff/key-points/{id}") => {
                let (point, version) = self.key_point();
                let target = if p.ends_with("/delete") { self.fresh_key_point() } else { point };
                let version = version.to_string();
                let fields =
                    [("text", "Et punkt"), ("version", version.as_str()), ("direction", "down")];
                (with(&target), form(&fields))
            }
            (_, "/staff/answers/{id}/correct") => {
                let answer = self.answer();
                diesel::update(answers::table.find(&answer))
                    .set(answers::entered_by.eq("scribe"))
                    .execute(&mut self.app.conn())
                    .expect("entered");
                (with(&answer), form(&[("value", "Et rettet svar"), ("reason", "Stavefejl")]))
            }
            (_, "/staff/answers/{id}/quote") => {
                (with(&self.answer()), form(&[("text", "Et citat")]))
            }
            (_, p) if p.starts_with("/staff/quotes/{id}") => {
                let (quote, version) = self.quote();
                let target = if p.ends_with("/delete") { self.fresh_quote() } else { quote };
                let version = version.to_string();
                let fields =
                    [("text", "Et citat"), ("approved", "1"), ("version", version.as_str())];
                (with(&target), form(&fields))
            }
            (_, p) if p.starts_with("/staff/export") => {
                // Report formats download for every role; analysis formats only for editors.
                let format = if p.ends_with("/download") { "docx" } else { "csv" };
                let query = format!("scope=topic&id={}&format={format}", self.topic);
                let fields = [
                    ("scope", "topic"),
                    ("id", self.topic.as_str()),
                    ("format", format),
                    ("to", "modtager@example.dk"),
                ];
                (format!("{path}?{query}"), form(&fields))
            }
            _ => panic!("no request written for {method} {path}: add one to World::request"),
        }
    }
}

/// Everything in the database, table by table, as sorted text rows: a refused request must
/// leave it exactly as it was. A session's `last_seen_at` is left out (reading a page may
/// refresh it; that is not a change anyone made).
fn snapshot(app: &TestApp) -> BTreeMap<String, Vec<String>> {
    #[derive(QueryableByName)]
    struct Name {
        #[diesel(sql_type = diesel::sql_types::Text)]
        name: String,
    }
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        row: String,
    }
    let mut conn = app.conn();
    let (tables_sql, columns_sql) = match app.test_db.backend {
        Backend::Sqlite => (
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                .to_owned(),
            "SELECT name FROM pragma_table_info('{t}') ORDER BY cid",
        ),
        Backend::Postgres => (
            "SELECT table_name::text AS name FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                .to_owned(),
            "SELECT column_name::text AS name FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name = '{t}' \
             ORDER BY ordinal_position",
        ),
    };
    let tables: Vec<Name> = diesel::sql_query(tables_sql).load(&mut *conn).expect("tables");
    let mut out = BTreeMap::new();
    for table in tables.into_iter().map(|t| t.name) {
        if table == "__diesel_schema_migrations" {
            continue;
        }
        let columns: Vec<Name> = diesel::sql_query(columns_sql.replace("{t}", &table))
            .load(&mut *conn)
            .expect("columns");
        let row = columns
            .iter()
            .filter(|c| !(table == "staff_sessions" && c.name == "last_seen_at"))
            .map(|c| format!("COALESCE(CAST(\"{}\" AS TEXT), '∅')", c.name))
            .collect::<Vec<_>>()
            .join(" || '|' || ");
        let mut rows: Vec<String> =
            diesel::sql_query(format!("SELECT {row} AS row FROM \"{table}\""))
                .load::<Row>(&mut *conn)
                .expect("rows")
                .into_iter()
                .map(|r| r.row)
                .collect();
        rows.sort();
        out.insert(table, rows);
    }
    out
}

/// Sends one request as `client`.
async fn send(
    client: &TestApp, method: Method, path: &str, form: &[(String, String)],
) -> reqwest::Response {
    match method {
        Method::Get => client.get(path).await,
        Method::Post => {
            let pairs: Vec<(&str, &str)> =
                form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            client.post_form(path, &pairs).await
        }
    }
}

async fn every_staff_route_refuses_exactly_the_roles_it_should(backend: Backend) {
    let app = spawn_app(backend).await;
    let info = deltag::demo::load(&mut app.conn()).expect("demo");
    let code = info.open_join_code.expect("an open workshop");
    let (open_workshop, topic): (WorkshopId, TopicId) = workshops::table
        .filter(workshops::join_code.eq(&code))
        .select((workshops::id, workshops::topic_id))
        .first(&mut app.conn())
        .expect("open workshop");
    let world = World { app: &app, topic, open_workshop };
    // A demo quote, so the quote routes have one to act on.
    world.fresh_quote();
    let anonymous = app.other_client();
    let mut clients = BTreeMap::new();
    for role in [Role::Viewer, Role::Facilitator, Role::Admin] {
        let client = app.other_client();
        client.login_as(role).await;
        clients.insert(role.as_str(), client);
    }

    let table = deltag::startup::route_table();
    let mut missing = Vec::new();
    for route in &table {
        if !RULES.iter().any(|(m, p, _)| *m == route.method && *p == route.path) {
            missing.push(format!("{} {}", route.method, route.path));
        }
    }
    assert!(missing.is_empty(), "routes without a rule: {missing:?}");
    let stale: Vec<_> = RULES
        .iter()
        .filter(|(m, p, _)| !table.iter().any(|r| r.method == *m && r.path == *p))
        .collect();
    assert!(stale.is_empty(), "rules for routes that do not exist: {stale:?}");

    let mut tried = 0;
    for route in &table {
        let access = RULES
            .iter()
            .find(|(m, p, _)| *m == route.method && *p == route.path)
            .map(|(_, _, a)| *a)
            .unwrap_or(Public);
        if access == Public {
            continue;
        }
        for caller in CALLERS {
            let who = caller.map_or("anonymous", Role::as_str);
            let (path, form) = world.request(route);
            // Logging out ends the session: that attempt gets a client of its own.
            let logout_client;
            let client = match caller {
                None => &anonymous,
                Some(role) if route.path == "/logout" => {
                    logout_client = app.other_client();
                    logout_client.login_as(role).await;
                    &logout_client
                }
                Some(role) => &clients[role.as_str()],
            };
            let before = snapshot(&app);
            let res = send(client, route.method, &path, &form).await;
            let status = res.status().as_u16();
            let to_login = status == 303 && location(&res).starts_with("/login?next=");
            let label = format!("{} {path} as {who}", route.method);
            if allows(access, caller) {
                assert!(
                    status != 403 && !to_login && status < 500,
                    "{label}: should be allowed, got {status} {}",
                    location(&res)
                );
            } else {
                if caller.is_none() {
                    assert!(to_login, "{label}: should go to login, got {status}");
                } else {
                    assert_eq!(status, 403, "{label}: should be refused");
                }
                assert!(before == snapshot(&app), "{label}: refused, but changed data");
            }
            tried += 1;
        }
    }
    let staff_routes = RULES.iter().filter(|(_, _, a)| *a != Public).count();
    assert_eq!(tried, staff_routes * CALLERS.len());
}

on_both_backends!(every_staff_route_refuses_exactly_the_roles_it_should);
