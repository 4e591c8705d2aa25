//! The local queue on tokio's paused clock: buckets, the session start budget, its refresh and
//! its longest wait.

use super::*;
use crate::gateway::backoff::Backoff;
use std::sync::atomic::{AtomicUsize, Ordering};

const WINDOW: Duration = Duration::from_secs(5);
const HOUR: Duration = Duration::from_secs(3600);

fn limit(
    total: u32,
    remaining: u32,
    reset_after: Duration,
    max_concurrency: u32,
) -> SessionStartLimit {
    serde_json::from_value(serde_json::json!({
        "total": total, "remaining": remaining,
        "reset_after": reset_after.as_millis() as u64, "max_concurrency": max_concurrency
    }))
    .unwrap()
}

/// Enqueues every shard at once; the instant (since the start) each was let through.
async fn grants(queue: &LocalQueue, shards: u64) -> Vec<(u64, Duration)> {
    let start = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for shard in 0..shards {
        let waiting = queue.enqueue(shard);
        tasks.spawn(async move {
            waiting.await.unwrap();
            (shard, start.elapsed())
        });
    }
    let mut all = tasks.join_all().await;
    all.sort_by_key(|(_, at)| *at);
    all
}

/// No two IDENTIFYs of one bucket closer than the window.
fn assert_buckets_apart(grants: &[(u64, Duration)], max_concurrency: u64) {
    for key in 0..max_concurrency {
        let times: Vec<Duration> = grants
            .iter()
            .filter(|(shard, _)| shard % max_concurrency == key)
            .map(|(_, at)| *at)
            .collect();
        for pair in times.windows(2) {
            assert!(pair[1] - pair[0] >= WINDOW, "bucket {key}: {times:?}");
        }
    }
}

#[tokio::test(start_paused = true)]
async fn sixteen_shards_at_max_concurrency_one_identify_a_window_apart() {
    let queue = LocalQueue::new(1);
    let grants = grants(&queue, 16).await;
    assert_buckets_apart(&grants, 1);
    assert_eq!(grants.last().unwrap().1, 15 * WINDOW);
}

#[tokio::test(start_paused = true)]
async fn buckets_identify_together_and_each_once_per_window() {
    let queue = LocalQueue::new(4);
    let grants = grants(&queue, 16).await;
    assert_buckets_apart(&grants, 4);
    let first: Vec<u64> = grants
        .iter()
        .filter(|(_, at)| at.is_zero())
        .map(|(shard, _)| *shard)
        .collect();
    assert_eq!(
        first.len(),
        4,
        "one shard of each bucket at once: {grants:?}"
    );
    assert_eq!(
        grants.last().unwrap().1,
        3 * WINDOW,
        "16 shards in 4 rounds"
    );
}

#[tokio::test(start_paused = true)]
async fn max_concurrency_comes_from_the_session_start_limit() {
    let queue = LocalQueue::new(1).with_limit(limit(1000, 1000, HOUR, 16));
    let grants = grants(&queue, 16).await;
    assert!(grants.iter().all(|(_, at)| at.is_zero()), "{grants:?}");
    assert_eq!(queue.remaining().await, 1000 - 16);
}

#[tokio::test(start_paused = true)]
async fn a_day_of_crash_loops_stays_within_the_total() {
    // A shard whose every session dies a second after it starts, reconnecting with the shard's
    // own back-off (which alone would allow about 1 900 IDENTIFYs a day).
    let total = 1000;
    let queue = LocalQueue::new(1).with_limit(limit(total, total, 24 * HOUR, 1));
    let start = Instant::now();
    let mut backoff = Backoff::default();
    let mut identifies = Vec::new();
    while start.elapsed() < 48 * HOUR {
        queue.enqueue(0).await.unwrap();
        identifies.push(start.elapsed());
        tokio::time::sleep(Duration::from_secs(1)).await;
        tokio::time::sleep(backoff.next_delay()).await;
    }
    let first_day = identifies.iter().filter(|at| **at < 24 * HOUR).count();
    let second_day = identifies
        .iter()
        .filter(|at| (24 * HOUR..48 * HOUR).contains(*at))
        .count();
    assert_eq!(first_day, total as usize, "the budget, and no more");
    assert!(second_day <= total as usize, "{second_day}");
    assert!(
        second_day >= total as usize - 1,
        "a new day, a new budget: {second_day}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_spent_budget_waits_for_the_reset_by_default() {
    let queue = LocalQueue::new(1).with_limit(limit(1000, 0, HOUR, 1));
    let start = Instant::now();
    queue.enqueue(0).await.unwrap();
    assert!(start.elapsed() >= HOUR);
    assert_eq!(
        queue.remaining().await,
        999,
        "the whole total again, one spent"
    );
}

#[tokio::test(start_paused = true)]
async fn a_wait_longer_than_the_maximum_is_a_typed_error() {
    let queue = LocalQueue::new(1)
        .max_wait(10 * 60 * Duration::from_secs(1))
        .with_limit(limit(1000, 0, HOUR, 1));
    let error = queue.enqueue(3).await.unwrap_err();
    assert_eq!(
        error,
        IdentifyQueueError::SessionStartsExhausted {
            total: 1000,
            reset_after: HOUR,
            max_wait: Duration::from_secs(600),
        }
    );
    assert!(
        error.to_string().contains("session_start_max_wait"),
        "{error}"
    );
    let patient = queue.clone().max_wait(2 * HOUR);
    patient.enqueue(3).await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn after_the_reset_the_budget_is_asked_for_again() {
    let asked = Arc::new(AtomicUsize::new(0));
    let counter = asked.clone();
    let queue = LocalQueue::new(1).with_limit(limit(5, 0, Duration::from_secs(1), 1));
    queue.refresh_with(Arc::new(move || {
        counter.fetch_add(1, Ordering::SeqCst);
        Box::pin(async { Some(limit(5, 1, Duration::from_secs(60), 1)) })
    }));
    let start = Instant::now();
    queue.enqueue(0).await.unwrap();
    assert!(start.elapsed() >= Duration::from_secs(1));
    assert_eq!(asked.load(Ordering::SeqCst), 1);
    assert_eq!(
        queue.remaining().await,
        0,
        "Discord said one left, and it was spent"
    );
    queue.enqueue(0).await.unwrap();
    assert!(
        start.elapsed() >= Duration::from_secs(61),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(asked.load(Ordering::SeqCst), 2);
}

#[tokio::test(start_paused = true)]
async fn a_refresh_that_fails_renews_the_whole_total() {
    let queue = LocalQueue::new(1).with_limit(limit(3, 0, Duration::from_secs(1), 1));
    queue.refresh_with(Arc::new(|| Box::pin(async { None })));
    queue.enqueue(0).await.unwrap();
    assert_eq!(queue.remaining().await, 2);
}
