//! The series page's state (`series.html`, issue 16): many releases at once. A pure reducer
//! like [`crate::session`], tested natively (`tests/session_many.rs`): the list of loaded
//! releases, the batch being read ("7 of 20 read"), the files that could not be read and why,
//! and each company's series charts and restatements.
//!
//! The page decodes each file and lists it ([`Action::AddRelease`]); its Web Worker reads it
//! ([`Action::ReleaseRead`]) and, once a batch is read, settles each company's series
//! ([`Action::SeriesSettled`]); this state only records what they say. The main page
//! (`crate::session`) holds none of it, so none of it is in the first load.

use std::rc::Rc;

use crate::read::decode_text;
use crate::series::charts::CompanyCharts;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Many {
    /// The loaded releases, in the order added.
    pub releases: Vec<Loaded>,
    /// Each company's series charts and restatements, companies in the order their first
    /// release was added (from the worker).
    pub companies: Rc<Vec<CompanyCharts>>,
    /// The batch being read, if any.
    pub progress: Option<Progress>,
    /// Files of the last batches that could not be read: name and why.
    pub failures: Vec<(String, String)>,
    /// The id the next release gets (ids stay unique across a Clear, so stored keys do too).
    pub next_id: u32,
    /// The paste box's text (a release added by pasting).
    pub input: String,
    /// A file is being dragged over the drop zone.
    pub dragging: bool,
    /// The Web Worker could not start, or failed: why (the page says so and reads nothing).
    pub broken: Option<String>,
    /// The measure the user picked to chart, per company (the chart's id).
    pub picked: Vec<(usize, String)>,
}

/// A release on the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// Its id in the list, in the worker and in the browser's store.
    pub id: u32,
    /// The file name ("Pasted text" for a paste).
    pub name: String,
    /// The company as the release names it (once read).
    pub company: String,
    /// The period it reports, as its header prints it, else its end (once read).
    pub period: String,
    /// The text it was read from (what is stored and sent to the worker).
    pub text: Rc<String>,
    /// The worker has read it.
    pub read: bool,
}

/// "7 of 20 read".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub read: usize,
    pub total: usize,
}

/// Shown in the list while the worker reads a release.
pub const READING: &str = "Reading…";
/// The name a pasted release is listed under.
pub const PASTED: &str = "Pasted text";

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Several releases (`count`) are about to be added one by one ([`Action::AddRelease`],
    /// [`Action::AddFailed`]).
    BeginReading { count: usize },
    /// One release's bytes, added to the list; `key` is its stored key when it was restored.
    AddRelease {
        name: String,
        bytes: Vec<u8>,
        key: Option<u32>,
    },
    /// A release of the batch could not be read by the browser (or is too large).
    AddFailed { name: String, reason: String },
    /// Take a release (by id) off the list.
    RemoveRelease(u32),
    /// The worker read listed release `id`: its company and period, or why it could not.
    ReleaseRead {
        id: u32,
        result: Result<(String, String), String>,
    },
    /// The worker settled the listed releases' series.
    SeriesSettled(Rc<Vec<CompanyCharts>>),
    /// The user typed or pasted into the box.
    Edit(String),
    /// Add what is in the box as a release.
    AddPasted,
    /// A file is dragged over the drop zone (or left it).
    Drag(bool),
    /// The worker could not start or failed: why.
    WorkerFailed(String),
    /// Chart this measure (a chart id of the company's) beside the charts chosen for it.
    Pick { company: usize, chart: String },
    /// Forget every release.
    Clear,
}

impl Many {
    pub fn apply(&self, action: Action) -> Many {
        let mut next = self.clone();
        match action {
            Action::BeginReading { count } => next.begin_reading(count),
            Action::AddRelease { name, bytes, key } => {
                next.begin_if_idle();
                match decode_text(&bytes) {
                    Ok(text) => {
                        if next.push_release(name, Rc::new(text), key) {
                            return next;
                        }
                    }
                    Err(error) => next.failures.push((name, error.to_string())),
                }
                next.one_read();
            }
            Action::AddFailed { name, reason } => {
                next.begin_if_idle();
                next.failures.push((name, reason));
                next.one_read();
            }
            Action::RemoveRelease(id) => next.releases.retain(|l| l.id != id),
            Action::ReleaseRead { id, result } => next.release_read(id, result),
            Action::SeriesSettled(companies) => next.companies = companies,
            Action::Edit(text) => next.input = text,
            Action::AddPasted => {
                if next.input.trim().is_empty() {
                    return next;
                }
                let bytes = std::mem::take(&mut next.input).into_bytes();
                return next.apply(Action::AddRelease {
                    name: PASTED.into(),
                    bytes,
                    key: None,
                });
            }
            Action::Drag(dragging) => next.dragging = dragging,
            Action::WorkerFailed(why) => {
                next.broken = Some(why);
                next.progress = None;
            }
            Action::Pick { company, chart } => {
                next.picked.retain(|(c, _)| *c != company);
                next.picked.push((company, chart));
            }
            Action::Clear => {
                next = Many {
                    next_id: self.next_id,
                    broken: self.broken.clone(),
                    ..Many::default()
                }
            }
        }
        next
    }

    /// "7 of 20 read" starts, or grows when a batch is already being read.
    fn begin_reading(&mut self, count: usize) {
        self.progress = match self.progress {
            Some(p) => Some(Progress {
                total: p.total + count,
                ..p
            }),
            None if count > 0 => {
                self.failures.clear();
                Some(Progress {
                    read: 0,
                    total: count,
                })
            }
            None => None,
        };
    }

    /// A release added on its own (pasted, or one file) is a batch of one.
    fn begin_if_idle(&mut self) {
        if self.progress.is_none() {
            self.begin_reading(1);
        }
    }

    /// One file of the batch is done.
    fn one_read(&mut self) {
        if let Some(mut p) = self.progress {
            p.read += 1;
            self.progress = (p.read < p.total).then_some(p);
        }
    }

    /// The worker read release `id` (its company and period), or could not (why).
    fn release_read(&mut self, id: u32, result: Result<(String, String), String>) {
        if let Some(at) = self.releases.iter().position(|l| l.id == id) {
            match result {
                Ok((company, period)) => {
                    let l = &mut self.releases[at];
                    (l.company, l.period, l.read) = (company, period, true);
                }
                Err(reason) => {
                    let l = self.releases.remove(at);
                    self.failures.push((l.name, reason));
                }
            }
        }
        self.one_read();
    }

    /// Lists a text; `false` when the same text was listed already.
    fn push_release(&mut self, name: String, text: Rc<String>, key: Option<u32>) -> bool {
        if self.releases.iter().any(|l| l.text == text) {
            return false;
        }
        let id = key.unwrap_or(self.next_id);
        self.next_id = self.next_id.max(id.saturating_add(1));
        self.releases.push(Loaded {
            id,
            name,
            company: READING.into(),
            period: String::new(),
            text,
            read: false,
        });
        true
    }
}
