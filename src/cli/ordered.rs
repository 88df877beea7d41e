//! A parallel map whose results are consumed in input order, as soon as they are ready.
//!
//! Workers take the next index from a shared counter (so they work near the front of the input), run
//! `work` on it and send the result to the calling thread, which hands results to `consume` in index
//! order. A worker never starts an index more than `window` past the last one consumed (fewer while
//! the waiting results weigh more than a budget), so memory stays bounded however many inputs there
//! are, and a slow document holds back the output only, not the other workers (unlike fixed batches,
//! where every batch waits for its slowest document and the workers wait while a batch is written).

use std::collections::VecDeque;
use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

/// How far the threads may run ahead of the output.
pub struct Window<T> {
    /// At most this many results wait to be consumed (started but not yet consumed).
    pub ahead: usize,
    /// The memory a result holds while it waits (e.g. its rendered output).
    pub weight: fn(&T) -> usize,
    /// While the waiting results weigh more than this, the threads run at most one document each
    /// ahead of the output: a slow document followed by many fast, large ones cannot pile up.
    pub budget: usize,
}

/// Runs `work(i)` for every `i` in `0..n` on `threads` threads (the calling thread is one of them)
/// and `consume`s the results in order of `i` on the calling thread. `idle` is called when results
/// were consumed and the calling thread has nothing to do but wait (e.g. to flush what `consume`
/// wrote: once per burst, not once per result). The first error of `consume` or `idle` stops the
/// workers (documents in progress finish) and is returned.
///
/// The calling thread works too, between consuming: on a machine with as many cores as threads, a
/// thread that only consumed would be woken for every result and take a core from a worker each time.
pub fn run<T: Send>(
    threads: usize,
    n: usize,
    window: Window<T>,
    work: impl Fn(usize) -> T + Sync,
    mut consume: impl FnMut(T) -> io::Result<()>,
    mut idle: impl FnMut() -> io::Result<()>,
) -> io::Result<()> {
    let Window {
        ahead: window,
        weight,
        budget,
    } = window;
    let threads = threads.clamp(1, n.max(1));
    let window = window.max(threads);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // indexes below this may start; raised as results are consumed
    let limit = Mutex::new(window);
    let raised = Condvar::new();
    // workers waiting for the limit to rise (changed under the `limit` lock): without any, raising it
    // needs no wake-up call
    let waiting = AtomicUsize::new(0);
    // the weight of the results done but not consumed, and how many were consumed: while the weight is
    // over the budget, no thread starts an index more than `threads` past the output
    let heavy = AtomicUsize::new(0);
    let consumed = AtomicUsize::new(0);
    let over_budget =
        |i: usize| heavy.load(Ordering::Relaxed) > budget && i >= consumed.load(Ordering::Relaxed) + threads;
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel::<(usize, T)>();
        for _ in 1..threads {
            let tx = tx.clone();
            let (next, stop, limit, raised, work, waiting) = (&next, &stop, &limit, &raised, &work, &waiting);
            let (heavy, over_budget) = (&heavy, &over_budget);
            scope.spawn(move || {
                // a panicking worker stops the others, so that none waits for its result forever
                // (the scope then passes the panic on)
                let _guard = StopOnPanic { stop, limit, raised };
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    {
                        let mut l = limit.lock().unwrap_or_else(|e| e.into_inner());
                        while (i >= *l || over_budget(i)) && !stop.load(Ordering::Relaxed) {
                            waiting.fetch_add(1, Ordering::Relaxed);
                            l = raised.wait(l).unwrap_or_else(|e| e.into_inner());
                            waiting.fetch_sub(1, Ordering::Relaxed);
                        }
                    }
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let r = work(i);
                    heavy.fetch_add(weight(&r), Ordering::Relaxed);
                    if tx.send((i, r)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // the calling thread: if its own work panics, the workers must not wait for it forever
        let _guard = StopOnPanic {
            stop: &stop,
            limit: &limit,
            raised: &raised,
        };
        // pending[k] holds the result of index `done + k` once it arrived
        let mut pending: VecDeque<Option<T>> = VecDeque::new();
        let place = |pending: &mut VecDeque<Option<T>>, done: usize, i: usize, r: T| {
            let k = i - done;
            if pending.len() <= k {
                pending.resize_with(k + 1, || None);
            }
            pending[k] = Some(r);
        };
        let mut done = 0;
        let mut unflushed = false;
        // an index this thread took but may not start yet (past the limit)
        let mut mine: Option<usize> = None;
        let result = loop {
            while let Ok((i, r)) = rx.try_recv() {
                place(&mut pending, done, i, r);
            }
            // consume what is ready, in order
            let before = done;
            let mut failed = None;
            while let Some(Some(_)) = pending.front() {
                let r = pending.pop_front().flatten().expect("checked above");
                heavy.fetch_sub(weight(&r), Ordering::Relaxed);
                done += 1;
                if let Err(e) = consume(r) {
                    failed = Some(e);
                    break;
                }
            }
            if let Some(e) = failed {
                break Err(e);
            }
            if done > before {
                unflushed = true;
                consumed.store(done, Ordering::Relaxed);
                let mut l = limit.lock().unwrap_or_else(|e| e.into_inner());
                *l = done + window;
                // a worker counts itself under the lock before it waits: none is missed
                if waiting.load(Ordering::Relaxed) > 0 {
                    raised.notify_all();
                }
            }
            if done == n {
                break Ok(());
            }
            // work on the next index if there is one and the window allows it
            if mine.is_none() {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i < n {
                    mine = Some(i);
                }
            }
            if let Some(i) = mine.filter(|&i| i < done + window && !over_budget(i)) {
                mine = None;
                let r = work(i);
                heavy.fetch_add(weight(&r), Ordering::Relaxed);
                place(&mut pending, done, i, r);
                continue;
            }
            // nothing to do but wait for a worker
            if unflushed {
                unflushed = false;
                if let Err(e) = idle() {
                    break Err(e);
                }
            }
            match rx.recv() {
                Ok((i, r)) => place(&mut pending, done, i, r),
                // every worker ended with results still missing: only after a panic, which the
                // scope passes on
                Err(_) => break Err(io::Error::other("a worker ended before its result was sent")),
            }
        };
        let result = match result {
            Ok(()) if unflushed => idle(),
            other => other,
        };
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
            drop(limit.lock().unwrap_or_else(|e| e.into_inner()));
            raised.notify_all();
            // dropping the receiver makes every further send fail: the workers end
            drop(rx);
        }
        result
    })
}

struct StopOnPanic<'a> {
    stop: &'a AtomicBool,
    limit: &'a Mutex<usize>,
    raised: &'a Condvar,
}

impl Drop for StopOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.stop.store(true, Ordering::Relaxed);
            drop(self.limit.lock().unwrap_or_else(|e| e.into_inner()));
            self.raised.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// A window of `n` results, weightless.
    fn w<T>(n: usize) -> Window<T> {
        Window {
            ahead: n,
            weight: |_| 0,
            budget: usize::MAX,
        }
    }

    #[test]
    fn consumes_in_order_whatever_the_finishing_order() {
        let mut seen = Vec::new();
        run(
            4,
            200,
            w(8),
            |i| {
                // later indexes finish first within a window
                std::thread::sleep(Duration::from_micros(((200 - i) % 7) as u64 * 50));
                i * 2
            },
            |v| {
                seen.push(v);
                Ok(())
            },
            || Ok(()),
        )
        .unwrap();
        assert_eq!(seen, (0..200).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn never_runs_further_ahead_than_the_window() {
        let started = AtomicUsize::new(0);
        let consumed = AtomicUsize::new(0);
        run(
            3,
            100,
            w(5),
            |i| {
                started.fetch_add(1, Ordering::SeqCst);
                assert!(
                    i < consumed.load(Ordering::SeqCst) + 5,
                    "index {i} started too early"
                );
                i
            },
            |_| {
                consumed.fetch_add(1, Ordering::SeqCst);
                Ok(())
            },
            || Ok(()),
        )
        .unwrap();
        assert_eq!(started.load(Ordering::SeqCst), 100);
    }

    #[test]
    fn an_error_stops_the_run() {
        let mut n = 0;
        let r = run(
            2,
            10_000,
            w(4),
            |i| i,
            |i| {
                n += 1;
                if i == 10 {
                    Err(io::Error::other("broken pipe"))
                } else {
                    Ok(())
                }
            },
            || Ok(()),
        );
        assert!(r.is_err());
        assert_eq!(n, 11);
    }

    #[test]
    fn a_panicking_worker_does_not_hang_the_run() {
        let r = std::panic::catch_unwind(|| {
            run(
                2,
                1000,
                w(4),
                |i| {
                    assert!(i != 3, "boom");
                    i
                },
                |_| Ok(()),
                || Ok(()),
            )
        });
        assert!(r.is_err());
    }

    #[test]
    fn no_input_and_one_thread() {
        for (n, expected) in [(0, vec![]), (3, vec![0, 1, 2])] {
            let mut seen = Vec::new();
            run(
                1,
                n,
                w(1),
                |i| i,
                |v| {
                    seen.push(v);
                    Ok(())
                },
                || Ok(()),
            )
            .unwrap();
            assert_eq!(seen, expected);
        }
    }

    /// `idle` comes after a burst of results, never twice in a row, and once after the last result.
    #[test]
    fn idle_after_each_burst_and_at_the_end() {
        let log = std::cell::RefCell::new(Vec::new());
        run(
            2,
            300,
            w(8),
            |i| {
                if i % 50 == 0 {
                    std::thread::sleep(Duration::from_millis(2));
                }
                i
            },
            |i| {
                log.borrow_mut().push(Some(i));
                Ok(())
            },
            || {
                log.borrow_mut().push(None);
                Ok(())
            },
        )
        .unwrap();
        let log = log.into_inner();
        assert_eq!(
            log.iter().flatten().copied().collect::<Vec<_>>(),
            (0..300).collect::<Vec<_>>()
        );
        assert_eq!(log.first().copied().flatten(), Some(0));
        assert_eq!(log.last(), Some(&None));
        assert!(log.windows(2).all(|w| w[0].is_some() || w[1].is_some()));
        // the sleeps make the consumer wait several times
        assert!(log.iter().filter(|e| e.is_none()).count() >= 2);
    }

    /// Over the budget, the threads stop running ahead: a slow document followed by heavy results
    /// does not pile them up to the window.
    #[test]
    fn heavy_waiting_results_shrink_the_window() {
        let started = AtomicUsize::new(0);
        let consumed = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        run(
            2,
            300,
            Window {
                ahead: 100,
                weight: |_: &usize| 10,
                budget: 25,
            },
            |i| {
                let s = started.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(s - consumed.load(Ordering::SeqCst), Ordering::SeqCst);
                if i % 50 == 0 {
                    std::thread::sleep(Duration::from_millis(20));
                }
                i
            },
            |_| {
                consumed.fetch_add(1, Ordering::SeqCst);
                Ok(())
            },
            || Ok(()),
        )
        .unwrap();
        assert_eq!(consumed.load(Ordering::SeqCst), 300);
        let most = most.load(Ordering::SeqCst);
        assert!(most <= 10, "{most} results in flight, the budget allows about 5");
    }
}
