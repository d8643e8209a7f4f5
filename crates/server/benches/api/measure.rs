//! Timing operations side by side: latency percentiles one request at a time, then
//! throughput with several clients at once.

use std::{
    future::Future,
    pin::Pin,
    sync::Arc,
    time::{Duration, Instant},
};

/// An operation to time; each call does the whole thing once (a request and its answer,
/// or every statement of a floor).
pub type Op = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = ()> + Send>> + Send + Sync>;

/// How long and how often to measure.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// The latency phase runs at least this long…
    pub window: Duration,
    /// …and at least this many requests…
    pub min_samples: usize,
    /// …but stops after this long whatever the count.
    pub max_window: Duration,
    /// The throughput phase runs this long.
    pub throughput_window: Duration,
    /// Concurrent clients in the throughput phase.
    pub clients: usize,
    /// Untimed runs first.
    pub warmup: usize,
}

/// What one measurement found.
#[derive(Clone, Copy, Debug)]
pub struct Stats {
    /// Requests timed one at a time.
    pub samples: usize,
    pub p50: Duration,
    pub p99: Duration,
    /// Requests per second with `clients` at once.
    pub rps: f64,
}

/// The value below which `q` of the sorted samples lie (nearest rank).
fn percentile(sorted: &[Duration], q: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Times several operations side by side, so that they see the same machine: the
/// latency phase runs them in turn, one request of each per round, and the throughput
/// phase gives each the same number of short slices in turn. On a machine whose load
/// changes from minute to minute (other builds), measuring one after the other would
/// compare different machines.
pub async fn side_by_side(ops: &[Op], budget: Budget) -> Vec<Stats> {
    for op in ops {
        for _ in 0..budget.warmup {
            op().await;
        }
    }
    let count = u32::try_from(ops.len()).unwrap_or(1).max(1);
    let mut samples: Vec<Vec<Duration>> = vec![Vec::new(); ops.len()];
    let started = Instant::now();
    while (started.elapsed() < budget.window * count || samples.iter().any(|s| s.len() < budget.min_samples))
        && started.elapsed() < budget.max_window * count
    {
        for (op, samples) in ops.iter().zip(&mut samples) {
            let one = Instant::now();
            op().await;
            samples.push(one.elapsed());
        }
    }

    let mut done = vec![0_u64; ops.len()];
    let mut elapsed = vec![Duration::ZERO; ops.len()];
    let slice = budget.throughput_window / SLICES;
    for _ in 0..SLICES {
        for (index, op) in ops.iter().enumerate() {
            let (finished, took) = throughput(op, slice, budget.clients).await;
            done[index] += finished;
            elapsed[index] += took;
        }
    }
    samples
        .into_iter()
        .zip(done.into_iter().zip(elapsed))
        .map(|(mut samples, (done, elapsed))| {
            samples.sort();
            Stats {
                samples: samples.len(),
                p50: percentile(&samples, 0.50),
                p99: percentile(&samples, 0.99),
                rps: done as f64 / elapsed.as_secs_f64().max(f64::MIN_POSITIVE),
            }
        })
        .collect()
}

/// Slices of the throughput window per operation.
const SLICES: u32 = 5;

/// `clients` tasks run `op` back to back until `window` closes; returns how many requests
/// finished and the time until the last one did.
async fn throughput(op: &Op, window: Duration, clients: usize) -> (u64, Duration) {
    let started = Instant::now();
    let deadline = started + window;
    let tasks: Vec<_> = (0..clients)
        .map(|_| {
            let op = Arc::clone(op);
            tokio::spawn(async move {
                let mut done = 0_u64;
                while Instant::now() < deadline {
                    op().await;
                    done += 1;
                }
                done
            })
        })
        .collect();
    let mut done = 0;
    for task in tasks {
        done += task.await.expect("client");
    }
    (done, started.elapsed())
}

/// A duration as people read it: 0.84 ms, 12.3 ms, 1.24 s.
pub fn ms(duration: Duration) -> String {
    let ms = duration.as_secs_f64() * 1000.0;
    if ms >= 1000.0 {
        format!("{:.2} s", ms / 1000.0)
    } else if ms >= 100.0 {
        format!("{ms:.0} ms")
    } else if ms >= 10.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.2} ms")
    }
}

/// A request rate: 1.9, 48, 1,230.
pub fn rate(rps: f64) -> String {
    if rps >= 100.0 {
        let whole = rps.round() as u64;
        if whole >= 1000 { format!("{},{:03}", whole / 1000, whole % 1000) } else { whole.to_string() }
    } else if rps >= 10.0 {
        format!("{rps:.0}")
    } else {
        format!("{rps:.1}")
    }
}

/// How many times slower `a` is than `b`.
pub fn ratio(a: f64, b: f64) -> String {
    if b <= 0.0 { "–".into() } else { format!("{:.1}×", a / b) }
}
