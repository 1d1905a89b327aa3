//! Test harness: a real server on port 0 over a fresh SQLite file or a fresh PostgreSQL
//! database, and a cookie-keeping client that never follows redirects.

use std::sync::Arc;
use std::time::Duration;

use deltag::auth::domain::{Email, PersonName, Role};
use deltag::auth::{password, store as auth_store};
use deltag::config::Settings;
use deltag::db::{Backend, DatabaseUrl, Db, DbPooled};
use deltag::startup::Application;
use diesel::connection::SimpleConnection;
use diesel::Connection;
use reqwest::cookie::{CookieStore, Jar};

/// Runs `scenario(backend)` as two tests: `NAME::sqlite` and `NAME::postgres`.
#[macro_export]
macro_rules! on_both_backends {
    ($($scenario:ident),+ $(,)?) => {$(
        mod $scenario {
            #[actix_web::test]
            async fn sqlite() {
                super::$scenario(deltag::db::Backend::Sqlite).await
            }
            #[actix_web::test]
            async fn postgres() {
                super::$scenario(deltag::db::Backend::Postgres).await
            }
        }
    )+};
}

/// A fresh, empty database that disappears with the value.
pub struct TestDb {
    /// `sqlite://…` or `postgres://…`
    pub url: String,
    /// Which engine.
    pub backend: Backend,
    _dir: Option<tempfile::TempDir>,
    pg_admin: Option<(String, String)>,
}

/// The PostgreSQL server tests use. Set by `.ci/run`; without it the PostgreSQL half fails
/// loudly rather than passing silently.
pub fn postgres_base_url() -> String {
    std::env::var("DELTAG_TEST_POSTGRES_URL").unwrap_or_else(|_| {
        panic!(
            "DELTAG_TEST_POSTGRES_URL is not set. Point it at a PostgreSQL server, e.g. \
             postgres://postgres@127.0.0.1:5432/postgres, or leave the PostgreSQL half out \
             knowingly with: cargo nextest run -E 'not test(/postgres$/)'"
        )
    })
}

impl TestDb {
    /// Creates the database (not yet migrated).
    pub fn new(backend: Backend) -> TestDb {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let url = format!("sqlite://{}/deltag.db", dir.path().display());
                TestDb { url, backend, _dir: Some(dir), pg_admin: None }
            }
            Backend::Postgres => {
                let base = postgres_base_url();
                let name = format!("deltag_test_{}", uuid::Uuid::now_v7().simple());
                let mut admin = diesel::PgConnection::establish(&base)
                    .unwrap_or_else(|e| panic!("cannot reach DELTAG_TEST_POSTGRES_URL: {e}"));
                admin.batch_execute(&format!("CREATE DATABASE {name}")).expect("create database");
                let mut url = url::Url::parse(&base).expect("postgres url");
                url.set_path(&format!("/{name}"));
                // Loopback with trust auth: no TLS. With libpq's default (sslmode=prefer) pool
                // threads can still be inside OpenSSL when the test process exits, which
                // crashes the process after the test has passed.
                if !url.query().is_some_and(|q| q.contains("sslmode")) {
                    url.query_pairs_mut().append_pair("sslmode", "disable");
                }
                TestDb { url: url.to_string(), backend, _dir: None, pg_admin: Some((base, name)) }
            }
        }
    }

    /// An existing SQLite file (the caller keeps the folder alive).
    pub fn sqlite_at(path: &std::path::Path) -> TestDb {
        TestDb {
            url: format!("sqlite://{}", path.display()),
            backend: Backend::Sqlite,
            _dir: None,
            pg_admin: None,
        }
    }

    /// The SQLite file (None on PostgreSQL).
    pub fn sqlite_path(&self) -> Option<std::path::PathBuf> {
        self.url.strip_prefix("sqlite://").map(std::path::PathBuf::from)
    }

    /// Drops a PostgreSQL test database now (its connections are cut).
    pub fn drop_postgres_database(&self) {
        if let Some((base, name)) = &self.pg_admin {
            if let Ok(mut admin) = diesel::PgConnection::establish(base) {
                let _ =
                    admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        self.drop_postgres_database();
    }
}

/// A running server and a client for it.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`
    pub address: String,
    /// The server's database handle, for assertions.
    pub db: Db,
    /// The database (kept alive as long as the app).
    pub test_db: TestDb,
    /// Client with cookies, no redirects.
    pub client: reqwest::Client,
    /// Its cookie jar.
    pub jar: Arc<Jar>,
    /// The background embedder, when the app was given the e5 model.
    pub embedder: Option<deltag::themes::guide::embedder::Embedder>,
}

/// Settings for a test server on `url`.
pub fn test_settings(url: &str) -> Settings {
    Settings {
        database_url: url.to_owned(),
        bind: "127.0.0.1:0".into(),
        workers: Some(1),
        pool_size: 4,
        ..Settings::default()
    }
}

/// Spawns the app on a fresh database.
pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, |_| {}).await
}

/// Spawns the app on a fresh database, with adjusted settings.
pub async fn spawn_app_with(backend: Backend, adjust: impl FnOnce(&mut Settings)) -> TestApp {
    let test_db = TestDb::new(backend);
    spawn_on(test_db, adjust)
}

/// Spawns the app on an existing database.
pub fn spawn_on(test_db: TestDb, adjust: impl FnOnce(&mut Settings)) -> TestApp {
    let mut settings = test_settings(&test_db.url);
    adjust(&mut settings);
    let app = Application::build(settings).expect("app builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let db = app.db().clone();
    let embedder = app.embedder().cloned();
    actix_web::rt::spawn(app.run_until_stopped());
    let (client, jar) = new_client();
    TestApp { address, db, test_db, client, jar, embedder }
}

/// A fresh browser-like client: its own cookies, no redirects.
pub fn new_client() -> (reqwest::Client, Arc<Jar>) {
    let jar = Arc::new(Jar::default());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_provider(jar.clone())
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client");
    (client, jar)
}

/// A staff account made directly in the database.
pub struct TestUser {
    /// Id.
    pub id: deltag::db::UserId,
    /// Login.
    pub email: String,
    /// Password.
    pub password: String,
    /// The second factor's secret (base32), once the account has one.
    pub secret: Option<String>,
    /// The last time step whose code the server accepted (it accepts each once).
    pub last_step: Option<u64>,
}

/// The code an authenticator app shows for `secret` (base32) in time step `step` (Unix
/// seconds / 30). Made with totp-rs directly, not through deltag's own code.
pub fn totp_code(secret: &str, step: u64) -> String {
    let bytes = totp_rs::Secret::Encoded(secret.to_owned()).to_bytes().expect("a base32 secret");
    let totp = totp_rs::TOTP::new_unchecked(
        totp_rs::Algorithm::SHA1,
        6,
        0,
        30,
        bytes,
        None,
        String::new(),
    );
    totp.generate(step * 30)
}

/// The current time step (Unix seconds / 30).
pub fn current_step() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("a clock after 1970")
        .as_secs()
        / 30
}

impl TestUser {
    /// A code the server has not accepted yet: the current step's, or the next one's when the
    /// current was used (the server takes one step either side), or it waits for time to pass.
    pub async fn fresh_code(&mut self) -> String {
        let secret = self.secret.clone().expect("the account has a second factor");
        loop {
            let now = current_step();
            let step = self.last_step.map_or(now, |last| now.max(last + 1));
            if step <= now + 1 {
                self.last_step = Some(step);
                return totp_code(&secret, step);
            }
            actix_web::rt::time::sleep(Duration::from_millis(500)).await;
        }
    }
}

impl TestApp {
    /// A synchronous connection for assertions.
    pub fn conn(&self) -> DbPooled {
        self.db.get().expect("db connection")
    }

    /// Absolute URL of a path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    /// GET.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("request")
    }

    /// GET and return the body, asserting 200.
    pub async fn get_html(&self, path: &str) -> String {
        let res = self.get(path).await;
        assert_eq!(res.status().as_u16(), 200, "GET {path}");
        res.text().await.expect("body")
    }

    /// The value of a cookie in the jar.
    pub fn cookie(&self, name: &str) -> Option<String> {
        let url = reqwest::Url::parse(&self.address).ok()?;
        let header = self.jar.cookies(&url)?;
        header
            .to_str()
            .ok()?
            .split("; ")
            .find_map(|kv| kv.strip_prefix(&format!("{name}=")).map(str::to_owned))
    }

    /// The CSRF token, fetching a page first if the client has none yet.
    pub async fn csrf_token(&self) -> String {
        if let Some(token) = self.cookie("deltag_csrf") {
            return token;
        }
        self.get("/login").await;
        self.cookie("deltag_csrf").expect("csrf cookie after a GET")
    }

    /// POST a form with the CSRF token added.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let token = self.csrf_token().await;
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("csrf_token", &token));
        self.client.post(self.url(path)).form(&all).send().await.expect("request")
    }

    /// POST a raw body (for malformed input).
    pub async fn post_raw(
        &self, path: &str, content_type: &str, body: Vec<u8>,
    ) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("request")
    }

    /// POST /login.
    pub async fn login(&self, email: &str, password: &str) -> reqwest::Response {
        self.post_form("/login", &[("email", email), ("password", password)]).await
    }

    /// Creates an active account with a password.
    pub fn create_user(&self, role: Role) -> TestUser {
        let email = format!("{}-{}@example.dk", role.as_str(), uuid::Uuid::now_v7().simple());
        let password = "en lang og god adgangskode".to_owned();
        let hash = password::hash_sync(&password).expect("hash");
        let user = auth_store::create_user(
            &mut self.conn(),
            &Email::parse(&email).expect("email"),
            &PersonName::parse(&format!("Test {}", role.as_str())).expect("name"),
            role,
            Some(&hash),
        )
        .expect("create user");
        TestUser { id: user.id, email, password, secret: None, last_step: None }
    }

    /// Creates an account and logs this client in as it, all the way to a session that opens
    /// every page of its role: an admin (or anyone, with `second_factor_for_all`) sets up a
    /// second factor on the way, as a person would.
    pub async fn login_as(&self, role: Role) -> TestUser {
        let mut user = self.create_user(role);
        self.login_fully(&mut user).await;
        user
    }

    /// Logs in as `user` with the password and then whatever second step the account needs:
    /// setting the second factor up (the secret is kept in `user`), or a fresh code.
    pub async fn login_fully(&self, user: &mut TestUser) {
        let res = self.login(&user.email, &user.password).await;
        assert_eq!(res.status().as_u16(), 303, "login as {}", user.email);
        match location(&res).as_str() {
            "/account/second-factor" => {
                let secret = self.second_factor_secret().await;
                user.secret = Some(secret);
                let code = user.fresh_code().await;
                let res = self.post_form("/account/second-factor", &[("code", &code)]).await;
                assert_eq!(res.status().as_u16(), 200, "second factor set up");
            }
            to if to.starts_with("/login/code") => {
                let code = user.fresh_code().await;
                let res = self.post_form("/login/code", &[("code", &code)]).await;
                assert_eq!(res.status().as_u16(), 303, "the code is taken");
            }
            _ => {}
        }
    }

    /// The secret on the set-up page, as a person would type it into an app.
    pub async fn second_factor_secret(&self) -> String {
        let page = self.get_html("/account/second-factor").await;
        text_of(&page, "#secret").expect("the secret as text").replace(' ', "")
    }

    /// A second server on the same database (another replica), with its own client.
    pub fn second_replica(&self) -> TestApp {
        let db = TestDb {
            url: self.test_db.url.clone(),
            backend: self.test_db.backend,
            _dir: None,
            pg_admin: None,
        };
        spawn_on(db, |_| {})
    }

    /// Another client against the same server (another browser).
    pub fn other_client(&self) -> TestApp {
        let (client, jar) = new_client();
        TestApp {
            address: self.address.clone(),
            db: self.db.clone(),
            test_db: TestDb {
                url: self.test_db.url.clone(),
                backend: self.test_db.backend,
                _dir: None,
                pg_admin: None,
            },
            client,
            jar,
            embedder: self.embedder.clone(),
        }
    }
}

/// The `Location` header.
pub fn location(res: &reqwest::Response) -> String {
    res.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

/// Parses HTML.
pub fn html(body: &str) -> scraper::Html {
    scraper::Html::parse_document(body)
}

/// An attribute of the first element matching `selector`.
pub fn attr_of(body: &str, selector: &str, attr: &str) -> Option<String> {
    let sel = scraper::Selector::parse(selector).expect("selector");
    html(body).select(&sel).next().and_then(|e| e.value().attr(attr)).map(str::to_owned)
}

/// The text of the first element matching `selector`.
pub fn text_of(body: &str, selector: &str) -> Option<String> {
    let doc = html(body);
    let sel = scraper::Selector::parse(selector).ok()?;
    let text = doc.select(&sel).next().map(|e| e.text().collect::<String>());
    text.map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Opens a direct connection to the test database (independent of the app's pool).
pub fn direct_connection(url: &str) -> deltag::db::DbConnection {
    DatabaseUrl::parse(url).expect("url").establish().expect("connect")
}
