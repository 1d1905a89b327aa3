//! argon2id hashing on a few long-lived threads of its own, each keeping one memory buffer, so
//! a burst of logins can neither starve the server nor grow its memory.
//!
//! Why not actix's blocking pool, as before: an argon2 hash fills 19 MiB, and each hash
//! allocated it afresh on whichever blocking thread ran it. glibc maps a block that big on its
//! own at first, but the first time one is freed it raises its mmap threshold above that size
//! (the threshold is dynamic), so from then on every 19 MiB block came from malloc's heaps and,
//! once freed, stayed there and was seldom used again: about 17 MB per password check. 400
//! parallel logins for unknown accounts took the demo from 43 MB to 6.7 GB, and 4.8 GB were
//! still there after it had idled (as much with a single malloc arena; 85 MB with a fixed mmap
//! threshold). Capping the hashes at one per core did not help: it bounded the hashes at a time,
//! not the blocks they left behind. Here the hashes run on at most [`MAX_THREADS`] threads, each
//! with one buffer allocated once and reused for every hash, so password hashing holds at most
//! `threads × 19 MiB` whatever the load, and never frees a block that would raise the mmap
//! threshold for everything else.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, LazyLock, Mutex, PoisonError};

use argon2::password_hash::{
    rand_core::OsRng, Error as HashError, Output, ParamsString, PasswordHash, SaltString,
};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use subtle::ConstantTimeEq;
use tokio::sync::oneshot;

use crate::error::AppError;

/// Most hashing threads, whatever the core count: staff logins are few, and each thread holds
/// its 19 MiB for good, so this also caps that memory (4 × 19 MiB).
const MAX_THREADS: usize = 4;

/// One hash at a time per core, at most [`MAX_THREADS`].
fn thread_count() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).clamp(1, MAX_THREADS)
}

/// What a hashing thread is asked to do.
enum Work {
    Hash(String),
    /// `None`: no such user; checked against the dummy hash all the same.
    Verify(String, Option<String>),
}

/// What it came to.
enum Done {
    Hashed(Result<String, HashError>),
    Verified(bool),
}

/// Where the outcome goes: a request awaiting it, or a caller blocking on it (CLI, demo).
enum Reply {
    Awaited(oneshot::Sender<Done>),
    Blocking(mpsc::SyncSender<Done>),
}

struct Job {
    work: Work,
    reply: Reply,
}

/// The hashing threads and their queue. Threads start as they are needed (a job arrives and
/// none is waiting), up to [`thread_count`]: a server whose logins come one at a time keeps
/// one buffer, not one per core.
struct Pool {
    queue: mpsc::Sender<Job>,
    jobs: Arc<Mutex<mpsc::Receiver<Job>>>,
    /// Threads started.
    threads: AtomicUsize,
    /// Threads free for a job (counted from their start, so the first job does not start a
    /// second thread while the first is still starting).
    waiting: Arc<AtomicUsize>,
}

impl Pool {
    /// A pool with its first thread; `None` if that one could not be started (a queue with
    /// no thread would leave every login waiting forever).
    fn start() -> Option<Pool> {
        let (queue, jobs) = mpsc::channel::<Job>();
        let pool = Pool {
            queue,
            jobs: Arc::new(Mutex::new(jobs)),
            threads: AtomicUsize::new(0),
            waiting: Arc::new(AtomicUsize::new(0)),
        };
        pool.grow().then_some(pool)
    }

    /// Starts one more thread unless all are running; true when it started.
    fn grow(&self) -> bool {
        let started = self.threads.load(Ordering::SeqCst);
        if started >= thread_count()
            || self
                .threads
                .compare_exchange(started, started + 1, Ordering::SeqCst, Ordering::SeqCst)
                .is_err()
        {
            return false;
        }
        let (jobs, waiting) = (self.jobs.clone(), self.waiting.clone());
        self.waiting.fetch_add(1, Ordering::SeqCst);
        let thread = std::thread::Builder::new().name(format!("argon2-{started}"));
        match thread.spawn(move || hash_jobs(&jobs, &waiting)) {
            Ok(_) => true,
            Err(e) => {
                self.waiting.fetch_sub(1, Ordering::SeqCst);
                self.threads.fetch_sub(1, Ordering::SeqCst);
                tracing::warn!(error = %e, "cannot start a password hashing thread");
                false
            }
        }
    }
}

static POOL: LazyLock<Option<Pool>> = LazyLock::new(Pool::start);

/// A hashing thread: takes jobs in arrival order, all with the same memory buffer.
fn hash_jobs(jobs: &Mutex<mpsc::Receiver<Job>>, waiting: &AtomicUsize) {
    let mut memory = Vec::new();
    loop {
        // A panic elsewhere while holding the lock leaves the queue itself intact.
        let job = jobs.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok(Job { work, reply }) = job else {
            return; // the queue is gone: the process is ending
        };
        if let Reply::Awaited(sender) = &reply {
            if sender.is_closed() {
                continue; // the request went away while queued: nobody to answer
            }
        }
        waiting.fetch_sub(1, Ordering::SeqCst);
        let done = match work {
            Work::Hash(password) => Done::Hashed(hash_with(password.as_bytes(), &mut memory)),
            Work::Verify(password, hash) => {
                let hash = hash.as_deref().unwrap_or(DUMMY_HASH.as_str());
                let ok = verify_with(password.as_bytes(), hash, &mut memory);
                Done::Verified(ok && hash != DUMMY_HASH.as_str())
            }
        };
        // Hashes with more memory than the default ones (none are made here) may grow the
        // buffer for a moment; keep only the default size.
        if memory.len() > Params::default().block_count() {
            memory.truncate(Params::default().block_count());
            memory.shrink_to_fit();
        }
        // The asker may have gone meanwhile; there is no one else to tell.
        match reply {
            Reply::Awaited(sender) => drop(sender.send(done)),
            Reply::Blocking(sender) => drop(sender.send(done)),
        }
        waiting.fetch_add(1, Ordering::SeqCst);
    }
}

/// A stand-in for the hash of users that have none (unknown, disabled, not activated): a random
/// salt and a random output with the default parameters. Checking a password against it costs
/// exactly what a real check costs, and no password can match it.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    let output: [u8; Params::DEFAULT_OUTPUT_LEN] = rand::random();
    phc_string(&Params::default(), &SaltString::generate(&mut OsRng), &output).unwrap_or_default()
});

/// The PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`) that `Argon2::hash_password`
/// would write for these parameters, salt and output.
fn phc_string(params: &Params, salt: &SaltString, output: &[u8]) -> Result<String, HashError> {
    let hash = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(params)?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(output)?),
    };
    Ok(hash.to_string())
}

/// The first `count` blocks of `memory`, grown to fit the first time.
fn blocks(memory: &mut Vec<Block>, count: usize) -> &mut [Block] {
    if memory.len() < count {
        memory.resize(count, Block::default());
    }
    &mut memory[..count]
}

/// argon2id with the default parameters and a fresh salt, computed in `memory`.
fn hash_with(password: &[u8], memory: &mut Vec<Block>) -> Result<String, HashError> {
    let argon2 = Argon2::default();
    let params = argon2.params().clone();
    let salt = SaltString::generate(&mut OsRng);
    let mut raw_salt = [0u8; 64];
    let raw_salt = salt.decode_b64(&mut raw_salt)?;
    let mut output = [0u8; Params::DEFAULT_OUTPUT_LEN];
    let memory = blocks(memory, params.block_count());
    argon2.hash_password_into_with_memory(password, raw_salt, &mut output, memory)?;
    phc_string(&params, &salt, &output)
}

/// Whether `password` matches the PHC string `hash`, computed in `memory` with the algorithm,
/// version, parameters, salt and output length the string names (any argon2 hash, as
/// `Argon2::verify_password` would check it); outputs compared in constant time. A string
/// that is not an argon2 hash matches nothing.
fn verify_with(password: &[u8], hash: &str, memory: &mut Vec<Block>) -> bool {
    matches(password, hash, memory).unwrap_or(false)
}

fn matches(password: &[u8], hash: &str, memory: &mut Vec<Block>) -> Result<bool, HashError> {
    let parsed = PasswordHash::new(hash)?;
    let algorithm = Algorithm::try_from(parsed.algorithm)?;
    let version = parsed.version.map(Version::try_from).transpose()?.unwrap_or_default();
    let params = Params::try_from(&parsed)?;
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
        return Err(HashError::PhcStringField);
    };
    let mut raw_salt = [0u8; 64];
    let raw_salt = salt.decode_b64(&mut raw_salt)?;
    let mut output = [0u8; Output::MAX_LENGTH];
    let output = output.get_mut(..expected.len()).ok_or(HashError::PhcStringField)?;
    let memory = blocks(memory, params.block_count());
    Argon2::new(algorithm, version, params)
        .hash_password_into_with_memory(password, raw_salt, output, memory)?;
    Ok(output.ct_eq(expected.as_bytes()).into())
}

/// Queues `work` for the hashing threads, starting one more if none is free.
fn submit(work: Work, reply: Reply) -> Result<(), AppError> {
    let pool = POOL.as_ref().ok_or_else(|| {
        AppError::Internal(anyhow::anyhow!("no password hashing thread could be started"))
    })?;
    pool.queue
        .send(Job { work, reply })
        .map_err(|_| AppError::Internal(anyhow::anyhow!("the password hashing threads stopped")))?;
    if pool.waiting.load(Ordering::SeqCst) == 0 {
        pool.grow();
    }
    Ok(())
}

/// Hands `work` to the hashing threads and awaits the outcome.
async fn run(work: Work) -> Result<Done, AppError> {
    let (sender, outcome) = oneshot::channel();
    submit(work, Reply::Awaited(sender))?;
    outcome
        .await
        .map_err(|_| AppError::Internal(anyhow::anyhow!("a password hashing thread stopped")))
}

/// Hashes synchronously (CLI, demo, tests), on the hashing threads like every other hash, so
/// the buffers stay the only argon2 memory. Not for async code: it blocks until done.
pub fn hash_sync(password: &str) -> Result<String, HashError> {
    let (sender, outcome) = mpsc::sync_channel(1);
    let failed = |_| HashError::Crypto;
    submit(Work::Hash(password.to_owned()), Reply::Blocking(sender)).map_err(failed)?;
    match outcome.recv().map_err(|_| HashError::Crypto)? {
        Done::Hashed(hash) => hash,
        Done::Verified(_) => Err(HashError::Crypto),
    }
}

/// Hashes on the hashing threads.
pub async fn hash(password: String) -> Result<String, AppError> {
    match run(Work::Hash(password)).await? {
        Done::Hashed(hash) => {
            hash.map_err(|e| AppError::Internal(anyhow::anyhow!("hashing failed: {e}")))
        }
        Done::Verified(_) => Err(AppError::Internal(anyhow::anyhow!("hash answered as a check"))),
    }
}

/// Verifies on the hashing threads; `None` (no such user) costs the same and fails.
pub async fn verify(password: String, hash: Option<String>) -> Result<bool, AppError> {
    match run(Work::Verify(password, hash)).await? {
        Done::Verified(ok) => Ok(ok),
        Done::Hashed(_) => Err(AppError::Internal(anyhow::anyhow!("check answered as a hash"))),
    }
}

/// The check as a hashing thread makes it, with a buffer of its own (tests).
#[cfg(test)]
fn verify_sync(password: &str, hash: Option<&str>) -> bool {
    let hash = hash.unwrap_or(DUMMY_HASH.as_str());
    verify_with(password.as_bytes(), hash, &mut Vec::new()) && hash != DUMMY_HASH.as_str()
}

#[cfg(test)]
mod tests {
    use argon2::password_hash::{rand_core::OsRng, PasswordHasher, PasswordVerifier, SaltString};
    use argon2::{Algorithm, Argon2, Params, Version};

    #[test]
    fn hashes_verify_and_dummy_never_matches() {
        let hash = super::hash_sync("korrekt hest batteri").unwrap_or_default();
        assert!(hash.starts_with("$argon2id$"));
        assert!(super::verify_sync("korrekt hest batteri", Some(&hash)));
        assert!(!super::verify_sync("forkert", Some(&hash)));
        assert!(!super::verify_sync("anything", None));
    }

    /// Hashes stored before the hashing threads (made by `Argon2::hash_password`) still verify,
    /// wrong passwords still fail, and ours verify with the crate's own check; one buffer
    /// serves hashes of every size, lane count and variant in turn.
    #[test]
    fn agrees_with_the_argon2_crate_both_ways() {
        let salt = SaltString::generate(&mut OsRng);
        let stored = Argon2::default()
            .hash_password(b"demo-facilitator-2023", &salt)
            .map(|h| h.to_string())
            .unwrap_or_default();
        let mut memory = Vec::new();
        assert!(super::verify_with(b"demo-facilitator-2023", &stored, &mut memory));
        assert!(!super::verify_with(b"demo-facilitator-2024", &stored, &mut memory));
        assert!(!super::verify_with(b"", &stored, &mut memory));

        let small = Params::new(64, 1, 2, Some(16)).unwrap_or_default();
        for algorithm in [Algorithm::Argon2d, Algorithm::Argon2i, Algorithm::Argon2id] {
            let other = Argon2::new(algorithm, Version::V0x10, small.clone())
                .hash_password(b"en anden hest", &salt)
                .map(|h| h.to_string())
                .unwrap_or_default();
            assert!(super::verify_with(b"en anden hest", &other, &mut memory), "{other}");
            assert!(!super::verify_with(b"en anden hesT", &other, &mut memory), "{other}");
        }
        assert!(super::verify_with(b"demo-facilitator-2023", &stored, &mut memory));

        let ours = super::hash_with(b"korrekt hest batteri", &mut memory).unwrap_or_default();
        let parsed = argon2::PasswordHash::new(&ours).unwrap_or_else(|e| panic!("{ours}: {e}"));
        assert!(Argon2::default().verify_password(b"korrekt hest batteri", &parsed).is_ok());
        assert!(Argon2::default().verify_password(b"korrekt hest", &parsed).is_err());
        assert!(!super::verify_with(b"x", "not a hash", &mut memory));
    }

    /// Through the queue, as requests use it.
    #[tokio::test]
    async fn the_hashing_threads_hash_and_verify() {
        let hash = super::hash("korrekt hest batteri".into()).await.unwrap_or_default();
        let check = |pw: &str, hash: Option<String>| super::verify(pw.into(), hash);
        assert_eq!(check("korrekt hest batteri", Some(hash.clone())).await.ok(), Some(true));
        assert_eq!(check("forkert", Some(hash)).await.ok(), Some(false));
        assert_eq!(check("anything", None).await.ok(), Some(false));
    }
}
