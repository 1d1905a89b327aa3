//! Building the server: database, migrations, listener, routes and middleware. Binding happens
//! before serving, so tests can use port 0 and read the port back.

use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::middleware::{from_fn, Compress};
use actix_web::{web, App, HttpServer};

use crate::config::{RuntimeSettings, Settings};
use crate::db::{DatabaseUrl, Db};
use crate::error::AppError;
use crate::themes::guide::embedder::Embedder;
use crate::web::csrf::{csrf_middleware, BODY_LIMIT};
use crate::web::errors::error_pages;
use crate::web::routing::Route;
use crate::web::security::security_headers;

/// A bound, not yet running server.
pub struct Application {
    port: u16,
    server: Server,
    settings: RuntimeSettings,
    db: Db,
    guide: Guide,
}

/// What the board's suggestions run on: the embedder with the e5 model, or TF-IDF (and why).
#[derive(Clone)]
pub struct Guide {
    /// The background embedder, when the model loaded.
    pub embedder: Option<Embedder>,
    /// Why there is no model (shown to facilitators with how to install it).
    pub missing: Option<String>,
}

impl Guide {
    /// Loads the model at `path` (if any) and starts its embedder on `db`.
    fn start(path: Option<&std::path::Path>, db: &Db) -> Guide {
        let Some(path) = path else {
            return Guide { embedder: None, missing: Some("no model file is configured".into()) };
        };
        match crate::cluster::semantic::Model::shared(path) {
            Ok(model) => {
                tracing::info!(path = %path.display(), "e5 model loaded: suggestions by meaning");
                Guide { embedder: Some(Embedder::start(db.clone(), model)), missing: None }
            }
            Err(e) => {
                tracing::warn!(error = %e, "no e5 model: theme suggestions use TF-IDF");
                Guide { embedder: None, missing: Some(e.to_string()) }
            }
        }
    }
}

impl Application {
    /// Connects to the database, migrates it, binds the listener and builds the server.
    pub fn build(settings: Settings) -> anyhow::Result<Application> {
        let url = DatabaseUrl::parse(&settings.database_url)?;
        let db = Db::connect(&url, settings.pool_size)?;
        let applied = db.migrate()?;
        if !applied.is_empty() {
            tracing::info!(?applied, "database migrated");
        }
        let listener = TcpListener::bind(&settings.bind)
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", settings.bind))?;
        let addr = listener.local_addr()?;
        let guide = Guide::start(settings.model_path.as_deref(), &db);
        let runtime = RuntimeSettings::new(settings, addr);
        let server = serve(listener, db.clone(), runtime.clone(), guide.clone())?;
        Ok(Application { port: addr.port(), server, settings: runtime, db, guide })
    }

    /// The bound port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The effective settings (base URL included).
    pub fn settings(&self) -> &RuntimeSettings {
        &self.settings
    }

    /// The database handle the server uses.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The background embedder, when the e5 model is loaded.
    pub fn embedder(&self) -> Option<&Embedder> {
        self.guide.embedder.as_ref()
    }

    /// Serves until the process is stopped.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

/// A module's route registration and its table.
type RouteModule = (fn(&mut web::ServiceConfig), &'static [Route]);

/// The modules with routes, in registration order. The router tries patterns in this order
/// (a regex each), so the phones' routes come first: an answer post no longer tests some
/// seventy staff patterns before its own (4 % of the server's time under answer load).
const ROUTE_MODULES: [RouteModule; 10] = [
    (crate::participant::routes::routes, crate::participant::routes::ROUTES),
    (crate::web::pages::routes, crate::web::pages::ROUTES),
    (crate::web::preferences::routes, crate::web::preferences::ROUTES),
    (crate::auth::routes::routes, crate::auth::routes::ROUTES),
    (crate::survey::routes::routes, crate::survey::routes::ROUTES),
    (crate::themes::routes::routes, crate::themes::routes::ROUTES),
    (crate::room::routes::routes, crate::room::routes::ROUTES),
    (crate::export::routes::routes, crate::export::routes::ROUTES),
    (crate::audit::routes::routes, crate::audit::routes::ROUTES),
    (crate::settings::routes::routes, crate::settings::routes::ROUTES),
];

/// Every route of the product.
pub fn routes(cfg: &mut web::ServiceConfig) {
    for (register, _) in ROUTE_MODULES {
        register(cfg);
    }
}

/// The route table: every route the server registers, in order.
pub fn route_table() -> Vec<Route> {
    ROUTE_MODULES.iter().flat_map(|(_, table)| table.iter().copied()).collect()
}

fn serve(
    listener: TcpListener, db: Db, settings: RuntimeSettings, guide: Guide,
) -> anyhow::Result<Server> {
    // actix's own default: one worker per core.
    let workers = settings
        .settings
        .workers
        .unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2));
    let workers = workers.max(1);
    let connections_per_worker = settings.settings.max_connections.div_ceil(workers).max(1);
    let db = web::Data::new(db);
    let settings = web::Data::new(settings);
    let branding = web::Data::new(crate::web::ui::Branding::default());
    let branding_age = web::Data::new(crate::settings::BrandingAge::new());
    let (spacing, patience) = settings.settings.join_pace;
    let pacer = web::Data::new(crate::throttle::Pacer::new(spacing, patience));
    let hub = web::Data::from(crate::web::live::Hub::start(db.get_ref().clone())?);
    if let Some(embedder) = guide.embedder.clone() {
        // Answers show up as live events (from any replica): each batch nudges the embedder.
        embedder.nudge();
        hub.on_events(move || embedder.nudge());
    }
    let guide = web::Data::new(guide);
    let server = HttpServer::new(move || {
        App::new()
            .app_data(db.clone())
            .app_data(pacer.clone())
            .app_data(hub.clone())
            .app_data(guide.clone())
            .app_data(settings.clone())
            .app_data(branding.clone())
            .app_data(branding_age.clone())
            .app_data(web::PayloadConfig::new(BODY_LIMIT))
            .app_data(
                web::QueryConfig::default()
                    .error_handler(|_, _| AppError::BadRequest("malformed query string").into()),
            )
            .app_data(web::PathConfig::default().error_handler(|_, _| AppError::NotFound.into()))
            .configure(routes)
            .default_service(web::to(|| async {
                Err::<actix_web::HttpResponse, _>(AppError::NotFound)
            }))
            // Last wrapped runs first: log → compress streams → compress whole bodies → page
            // context → headers → error pages → CSRF → route.
            .wrap(from_fn(csrf_middleware))
            .wrap(from_fn(error_pages))
            .wrap(from_fn(security_headers))
            .wrap(from_fn(crate::web::ui::page_context))
            .wrap(from_fn(crate::settings::keep_branding_fresh))
            .wrap(from_fn(crate::web::compress::compress_whole_bodies))
            .wrap(Compress::default())
            .wrap(from_fn(crate::telemetry::request_log))
    })
    // Without TCP_NODELAY a response written in pieces (headers, then the compressed body)
    // waits for the client's delayed ACK: 40 ms on every page a browser asks for with gzip.
    .tcp_nodelay(true)
    // Each open connection holds 11–15 KB, and glibc keeps what a burst of them used: without a
    // cap (actix allows 25,600 per worker) 12,000 half-open connections took the demo from 84
    // to 210 MB for good; with 4,096 to 141 MB. Past the cap, connections wait in the listen
    // queue.
    .max_connections(connections_per_worker)
    .workers(workers)
    .listen(listener)?
    .shutdown_timeout(10);
    Ok(server.run())
}
