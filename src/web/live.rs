//! Pages that follow the room: server-sent events.
//!
//! Every change a live page shows writes a row to `live_events` in its own transaction
//! ([`crate::db::events::record_change`]). One [`Hub`] per process reads new rows every
//! [`POLL`] and hands them to the event streams of that process, so a change made through any
//! replica reaches walls connected to any other (the database is the only thing they share).
//! A stream does not forward rows: when its workshop changed, it draws the page's live part
//! afresh from the real tables (moderation and withdrawal apply every time) and sends that
//! HTML with the event id. A client that reconnects with `Last-Event-ID` (or `?since=`) gets
//! the current drawing at once if anything changed meanwhile, so no update is lost.
//!
//! Streams are bounded: at most [`MAX_STREAMS`] open per process (503 beyond), each closed
//! after [`LIFETIME`] (the browser reconnects by itself and is checked again), a comment every
//! [`KEEP_ALIVE`] so proxies keep them open; `live.js` closes a tab's stream after it has been
//! hidden for five minutes.

use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse};
use tokio::sync::broadcast;

use crate::db::events::{events_after, latest_event, prune_events, LiveEvent};
use crate::db::{write_transaction, Db, DbError, WorkshopId};
use crate::error::AppError;

/// How often each process looks for new events.
pub const POLL: Duration = Duration::from_millis(100);
/// Open event streams per process.
pub const MAX_STREAMS: usize = 2_000;
/// A stream is closed after this long; the browser reconnects and is authorised again.
pub const LIFETIME: Duration = Duration::from_secs(20 * 60);
/// A comment line this often keeps proxies and load balancers from closing a quiet stream.
pub const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// Changes arriving this close together are drawn once.
const COALESCE: Duration = Duration::from_millis(60);
/// On PostgreSQL a transaction may take an id and commit after a later one: a missing id is
/// looked for this long before it counts as rolled back.
const GAP_PATIENCE: Duration = Duration::from_secs(3);
/// Events read per poll.
const BATCH: i64 = 2_000;
/// Events are kept this long (each workshop's newest always).
const KEEP_EVENTS: chrono::TimeDelta = chrono::TimeDelta::hours(6);
const PRUNE_EVERY: Duration = Duration::from_secs(10 * 60);

/// The process's view of `live_events`: new events go to every stream of this process.
pub struct Hub {
    sender: broadcast::Sender<LiveEvent>,
    open: AtomicUsize,
    /// Called after new events were read (the embedder is nudged this way).
    listeners: std::sync::Mutex<Vec<Box<dyn Fn() + Send + Sync>>>,
}

impl Hub {
    /// Starts following the events written from now on, on a thread of its own that ends when
    /// the hub is dropped.
    pub fn start(db: Db) -> Result<Arc<Hub>, DbError> {
        let low = latest_event(&mut *db.get()?)?;
        let (sender, _) = broadcast::channel(1024);
        let hub = Arc::new(Hub {
            sender,
            open: AtomicUsize::new(0),
            listeners: std::sync::Mutex::default(),
        });
        let weak = Arc::downgrade(&hub);
        std::thread::Builder::new()
            .name("live-events".into())
            .spawn(move || follow(&db, &weak, Cursor::new(low)))
            .map_err(DbError::Writer)?;
        Ok(hub)
    }

    /// Calls `listener` (on the reading thread; it must not block) whenever new events
    /// have been read, from this replica or another.
    pub fn on_events(&self, listener: impl Fn() + Send + Sync + 'static) {
        self.listeners.lock().unwrap_or_else(|p| p.into_inner()).push(Box::new(listener));
    }

    /// Event streams open now.
    pub fn open_streams(&self) -> usize {
        self.open.load(Ordering::Relaxed)
    }
}

/// Polls for new events until the hub is gone; prunes old ones now and then.
fn follow(db: &Db, hub: &Weak<Hub>, mut cursor: Cursor) {
    let mut pruned = Instant::now();
    loop {
        std::thread::sleep(POLL);
        let Some(hub) = hub.upgrade() else { return };
        let mut conn = match db.get() {
            Ok(conn) => conn,
            Err(e) => {
                tracing::warn!(error = %e, "live events: no connection");
                continue;
            }
        };
        match events_after(&mut conn, cursor.low, BATCH) {
            Ok(events) => {
                let mut any = false;
                for event in cursor.fresh(events, Instant::now()) {
                    // No receiver is fine: nobody is watching.
                    let _ = hub.sender.send(event);
                    any = true;
                }
                if any {
                    for listener in hub.listeners.lock().unwrap_or_else(|p| p.into_inner()).iter() {
                        listener();
                    }
                }
            }
            Err(e) => tracing::warn!(error = %e, "live events: cannot read"),
        }
        if pruned.elapsed() >= PRUNE_EVERY {
            pruned = Instant::now();
            let before = crate::db::now() - KEEP_EVENTS;
            let done = write_transaction(&mut conn, |c| prune_events(c, before));
            if let Err(e) = done {
                tracing::warn!(error = %e, "live events: cannot prune");
            }
        }
    }
}

/// Which event ids have been handed on. Ids rise in insert order, but on PostgreSQL they
/// become visible in commit order: id 7 may show up after id 8. `low` is the id up to which
/// everything was handed on (or given up as rolled back); `seen` holds ids above it.
#[derive(Debug)]
struct Cursor {
    low: i64,
    seen: BTreeSet<i64>,
    gaps: BTreeMap<i64, Instant>,
}

impl Cursor {
    fn new(low: i64) -> Cursor {
        Cursor { low, seen: BTreeSet::new(), gaps: BTreeMap::new() }
    }

    /// The events of one poll not handed on before; moves `low` up past ids seen and past
    /// gaps older than [`GAP_PATIENCE`].
    fn fresh(&mut self, events: Vec<LiveEvent>, now: Instant) -> Vec<LiveEvent> {
        let fresh: Vec<LiveEvent> =
            events.into_iter().filter(|e| e.id > self.low && self.seen.insert(e.id)).collect();
        let top = self.seen.last().copied().unwrap_or(self.low);
        while self.low < top {
            let next = self.low + 1;
            if self.seen.remove(&next) {
                self.gaps.remove(&next);
            } else {
                let since = *self.gaps.entry(next).or_insert(now);
                if now.duration_since(since) < GAP_PATIENCE {
                    break;
                }
                self.gaps.remove(&next);
            }
            self.low = next;
        }
        fresh
    }
}

/// What a live page's stream sends: its live part drawn now, and the newest event id of its
/// workshop read before drawing.
pub struct Drawn {
    /// `live_events` id the drawing is at least as new as.
    pub id: i64,
    /// The live part's HTML.
    pub html: String,
}

/// Draws a live part afresh; `None` when the page is gone (a revoked wall link).
pub type Draw = Rc<dyn Fn() -> Pin<Box<dyn Future<Output = Result<Option<Drawn>, AppError>>>>>;

/// The event stream of a live part that shows `workshops` (one workshop, or a topic's): the
/// current drawing first when the client's last event id (`Last-Event-ID`, else `?since=`) is
/// older, then a new drawing after each change to one of them. 503 when [`MAX_STREAMS`] are
/// open.
pub fn event_stream(
    req: &HttpRequest, hub: &Arc<Hub>, workshops: Vec<WorkshopId>, draw: Draw,
) -> Result<HttpResponse, AppError> {
    if hub.open.fetch_add(1, Ordering::Relaxed) >= MAX_STREAMS {
        hub.open.fetch_sub(1, Ordering::Relaxed);
        return Err(AppError::Busy);
    }
    let state = Stream {
        rx: hub.sender.subscribe(),
        workshops,
        draw,
        last: last_event_id(req),
        ends: Instant::now() + LIFETIME,
        first: true,
        done: false,
        _open: Open(hub.clone()),
    };
    let body = futures_util::stream::unfold(state, next_frame);
    Ok(HttpResponse::Ok()
        .content_type("text/event-stream")
        // Neither compressor may hold frames back; proxies must not buffer them either.
        .insert_header((header::CONTENT_ENCODING, "identity"))
        .insert_header(("X-Accel-Buffering", "no"))
        .streaming(body))
}

/// The client's newest event id: the `Last-Event-ID` header of a reconnecting EventSource,
/// else `?since=` from a page that says how new it was when drawn.
fn last_event_id(req: &HttpRequest) -> Option<i64> {
    let header = req.headers().get("Last-Event-ID").and_then(|v| v.to_str().ok());
    let since = || {
        url::form_urlencoded::parse(req.query_string().as_bytes())
            .find(|(k, _)| k == "since")
            .map(|(_, v)| v.into_owned())
    };
    header.map(str::to_owned).or_else(since).and_then(|v| v.trim().parse().ok())
}

/// Counts an open stream while it lives.
struct Open(Arc<Hub>);

impl Drop for Open {
    fn drop(&mut self) {
        self.0.open.fetch_sub(1, Ordering::Relaxed);
    }
}

struct Stream {
    rx: broadcast::Receiver<LiveEvent>,
    workshops: Vec<WorkshopId>,
    draw: Draw,
    last: Option<i64>,
    ends: Instant,
    first: bool,
    done: bool,
    _open: Open,
}

type Frame = Result<Bytes, std::convert::Infallible>;

/// The next frame of a stream: a drawing, a keep-alive comment, `gone`, or the end.
async fn next_frame(mut s: Stream) -> Option<(Frame, Stream)> {
    if s.done {
        return None;
    }
    if s.first {
        s.first = false;
        if let Some(frame) = s.draw_if_newer().await {
            return Some((Ok(frame), s));
        }
    }
    loop {
        let left = s.ends.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return None;
        }
        match actix_web::rt::time::timeout(KEEP_ALIVE.min(left), s.rx.recv()).await {
            Err(_) if Instant::now() >= s.ends => return None,
            Err(_) => return Some((Ok(Bytes::from_static(b": keep-alive\n\n")), s)),
            Ok(Err(broadcast::error::RecvError::Closed)) => return None,
            Ok(Ok(event)) if !s.workshops.contains(&event.workshop_id) => continue,
            Ok(_) => {
                // More changes are usually on their way (a room answering at once): wait a
                // moment and draw them together.
                actix_web::rt::time::sleep(COALESCE).await;
                while !matches!(
                    s.rx.try_recv(),
                    Err(broadcast::error::TryRecvError::Empty
                        | broadcast::error::TryRecvError::Closed)
                ) {}
                if let Some(frame) = s.draw_if_newer().await {
                    return Some((Ok(frame), s));
                }
            }
        }
    }
}

impl Stream {
    /// The current drawing as a frame when it is newer than what the client has; `gone` when
    /// the page is gone; `None` when there is nothing new (or drawing failed: logged, the
    /// next change tries again).
    async fn draw_if_newer(&mut self) -> Option<Bytes> {
        match (self.draw)().await {
            Ok(Some(drawn)) if self.last.is_none_or(|last| drawn.id > last) => {
                self.last = Some(drawn.id);
                Some(frame(&drawn))
            }
            Ok(Some(_)) => None,
            Ok(None) => {
                self.done = true;
                Some(Bytes::from_static(b"event: gone\ndata: \n\n"))
            }
            Err(e) => {
                tracing::warn!(error = %e, "live stream: cannot draw");
                None
            }
        }
    }
}

/// One SSE message: the id, then the HTML one `data:` line per line. Any line ending (CR,
/// LF, CRLF) ends an SSE line, so all three are split here and joined by LF in the browser.
fn frame(drawn: &Drawn) -> Bytes {
    let mut out = format!("retry: 3000\nid: {}\n", drawn.id);
    let html = drawn.html.replace("\r\n", "\n").replace('\r', "\n");
    for line in html.split('\n') {
        out.push_str("data: ");
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
    Bytes::from(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: i64) -> LiveEvent {
        LiveEvent { id, workshop_id: WorkshopId::parse("w").unwrap_or_else(|| panic!("id")) }
    }

    fn ids(events: &[LiveEvent]) -> Vec<i64> {
        events.iter().map(|e| e.id).collect()
    }

    #[test]
    fn an_id_committed_late_is_still_handed_on_once() {
        let t0 = Instant::now();
        let mut c = Cursor::new(5);
        // 7 committed before 6.
        assert_eq!(ids(&c.fresh(vec![event(7)], t0)), [7]);
        assert_eq!(c.low, 5);
        assert_eq!(ids(&c.fresh(vec![event(6), event(7)], t0)), [6]);
        assert_eq!(c.low, 7);
        assert!(c.seen.is_empty());
        assert_eq!(ids(&c.fresh(vec![event(8)], t0)), [8]);
        assert_eq!(c.low, 8);
    }

    #[test]
    fn a_rolled_back_id_is_given_up_after_a_while() {
        let t0 = Instant::now();
        let mut c = Cursor::new(0);
        assert_eq!(ids(&c.fresh(vec![event(2), event(3)], t0)), [2, 3]);
        assert_eq!(c.low, 0);
        assert!(c.fresh(vec![event(2), event(3)], t0 + GAP_PATIENCE / 2).is_empty());
        assert_eq!(c.low, 0);
        assert!(c.fresh(vec![event(2), event(3)], t0 + GAP_PATIENCE).is_empty());
        assert_eq!(c.low, 3);
    }

    #[test]
    fn every_line_ending_becomes_its_own_data_line() {
        let f = frame(&Drawn { id: 4, html: "<p>a\r\nb\rc\nd</p>".into() });
        assert_eq!(
            std::str::from_utf8(&f).unwrap_or_default(),
            "retry: 3000\nid: 4\ndata: <p>a\ndata: b\ndata: c\ndata: d</p>\n\n"
        );
    }
}
