//! The progress bar of `validate` and `stats`: on standard error, only when it is a terminal, and only
//! for runs longer than a moment (more than [`MANY`] files, or still running after [`MOMENT`]).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;

/// A run over more files than this shows the bar at once.
pub const MANY: usize = 200;
/// A shorter run shows it when it is still going after this long.
pub const MOMENT: Duration = Duration::from_secs(1);

/// A progress bar that may never show. Cheap to update from worker threads.
pub struct Progress {
    bar: ProgressBar,
    stop: Option<(mpsc::Sender<()>, JoinHandle<()>)>,
}

impl Progress {
    /// A bar over `total` files; it can show only when `enabled` (not `--quiet`) and standard error is a
    /// terminal.
    pub fn new(total: usize, enabled: bool) -> Progress {
        let style = ProgressStyle::with_template(
            "{spinner} {elapsed_precise} [{wide_bar}] {pos}/{len} files ({rate} files/s, {eta} left)",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .with_key(
            "rate",
            |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0}", s.per_sec());
            },
        )
        .progress_chars("=> ");
        let bar =
            ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden()).with_style(style);
        if !enabled || !std::io::stderr().is_terminal() {
            return Progress { bar, stop: None };
        }
        if total > MANY {
            show(&bar);
            return Progress { bar, stop: None };
        }
        let (tx, rx) = mpsc::channel::<()>();
        let shown = bar.clone();
        let handle = std::thread::spawn(move || {
            if rx.recv_timeout(MOMENT) == Err(mpsc::RecvTimeoutError::Timeout) {
                show(&shown);
            }
        });
        Progress {
            bar,
            stop: Some((tx, handle)),
        }
    }

    /// One more file done.
    pub fn inc(&self) {
        self.bar.inc(1);
    }

    /// Whether the bar is on the terminal now.
    pub fn is_visible(&self) -> bool {
        !self.bar.is_hidden()
    }

    /// Runs `f` (which writes to standard output) with the bar cleared, so the two do not mix on one
    /// terminal.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        if self.bar.is_hidden() {
            f()
        } else {
            self.bar.suspend(f)
        }
    }

    /// Removes the bar.
    pub fn finish(mut self) {
        if let Some((tx, handle)) = self.stop.take() {
            let _ = tx.send(());
            let _ = handle.join();
        }
        self.bar.finish_and_clear();
    }
}

fn show(bar: &ProgressBar) {
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar.enable_steady_tick(Duration::from_millis(120));
}
