//! The releases the page's Web Worker holds (`src/bin/assay-worker.rs`): each read on its own
//! as it arrives, reduced to a [`Release`], and settled into each company's charts on
//! request. Plain data and pure functions, so the worker's logic is tested natively; the
//! worker only moves messages.

use super::charts::{settle, CompanyCharts};
use super::Release;
use crate::read::{read_document, ReadError};

/// The releases read so far, by the page's ids.
#[derive(Default)]
pub struct Desk {
    releases: Vec<(u32, Release)>,
}

/// What the list shows of a release read: its company and period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    pub company: String,
    pub period: String,
}

impl Desk {
    /// Reads a release's text under `id` (replacing one of the same id).
    pub fn add(&mut self, id: u32, name: &str, text: &str) -> Result<Listed, ReadError> {
        let mut document = read_document(text.as_bytes())?;
        document.source.name = Some(name.to_string());
        let release = Release::of(&document, 0);
        // The company and period the series read (a report named by its legal form, a
        // Spanish period), so the list says what the series line up.
        let listed = Listed {
            company: (release.company.name.clone()).unwrap_or_else(|| "Company not named".into()),
            period: (document.period.label.clone())
                .or_else(|| release.period.end.map(|d| d.to_string()))
                .or_else(|| document.date.map(|d| format!("released {d}")))
                .unwrap_or_else(|| "period not stated".into()),
        };
        self.remove(id);
        self.releases.push((id, release));
        Ok(listed)
    }

    pub fn remove(&mut self, id: u32) {
        self.releases.retain(|(i, _)| *i != id);
    }

    pub fn clear(&mut self) {
        self.releases.clear();
    }

    pub fn len(&self) -> usize {
        self.releases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.releases.is_empty()
    }

    /// Each company's charts and restatements, in the order the releases were added.
    pub fn settle(&self) -> Vec<CompanyCharts> {
        let releases: Vec<&Release> = self.releases.iter().map(|(_, r)| r).collect();
        settle(&releases)
    }
}
