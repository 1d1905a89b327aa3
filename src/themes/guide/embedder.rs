//! The background worker that gives every stored answer its vector. A request never waits
//! for it: storing an answer only nudges the worker, which embeds in batches on its own
//! thread; it also looks every few seconds, for answers another replica stored.

use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use crate::cluster::semantic::{Model, E5_MODEL_ID};
use crate::db::Db;

use super::store;

/// Answers embedded per database round.
const BATCH: i64 = 64;
/// How often the worker looks without being nudged.
const POLL: Duration = Duration::from_secs(3);

#[derive(Default)]
struct State {
    nudged: bool,
    paused: bool,
}

struct Shared {
    state: Mutex<State>,
    wake: Condvar,
}

/// A handle on the running worker (cheap to clone).
#[derive(Clone)]
pub struct Embedder {
    model: &'static Model,
    shared: Arc<Shared>,
}

impl Embedder {
    /// Starts the worker for `db` on its own thread.
    pub fn start(db: Db, model: &'static Model) -> Embedder {
        let shared = Arc::new(Shared { state: Mutex::default(), wake: Condvar::new() });
        let embedder = Embedder { model, shared };
        let worker = embedder.clone();
        let spawned =
            std::thread::Builder::new().name("embedder".into()).spawn(move || worker.run(&db));
        if let Err(e) = spawned {
            tracing::error!(error = %e, "cannot start the embedding worker; answers stay unembedded");
        }
        embedder
    }

    /// The model the worker embeds with.
    pub fn model(&self) -> &'static Model {
        self.model
    }

    /// Tells the worker there is something new (never blocks on the embedding).
    pub fn nudge(&self) {
        self.lock().nudged = true;
        self.shared.wake.notify_one();
    }

    /// Stops embedding until [`Self::resume`] (for maintenance and for tests that prove a
    /// request does not wait for it).
    pub fn pause(&self) {
        self.lock().paused = true;
    }

    /// Embeds again, starting now.
    pub fn resume(&self) {
        self.lock().paused = false;
        self.nudge();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.shared.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn run(&self, db: &Db) {
        loop {
            {
                let state = self.lock();
                let (mut state, _) = self
                    .shared
                    .wake
                    .wait_timeout_while(state, POLL, |s| !s.nudged || s.paused)
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                state.nudged = false;
                if state.paused {
                    continue;
                }
            }
            loop {
                match embed_pending(db, self.model, BATCH) {
                    Ok(0) => break,
                    Ok(n) => tracing::debug!(answers = n, "embedded"),
                    Err(e) => {
                        tracing::warn!(error = %e, "embedding answers failed; trying again later");
                        break;
                    }
                }
                if self.lock().paused {
                    break;
                }
            }
        }
    }
}

/// Embeds up to `limit` answers that have no current vector; how many it did.
pub fn embed_pending(db: &Db, model: &Model, limit: i64) -> anyhow::Result<usize> {
    let pending = store::pending(&mut *db.get()?, E5_MODEL_ID, limit)?;
    if pending.is_empty() {
        return Ok(0);
    }
    let texts: Vec<&str> = pending.iter().map(|(_, text, _)| text.as_str()).collect();
    let vectors = model.embed(&texts);
    let mut conn = db.get()?;
    for ((id, _, version), vector) in pending.iter().zip(&vectors) {
        store::save(&mut conn, id, E5_MODEL_ID, vector, *version)?;
    }
    Ok(pending.len())
}
