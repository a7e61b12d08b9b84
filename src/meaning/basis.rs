//! A row's basis: whether it is a GAAP figure, a non-GAAP one or an "adjusted" one, and
//! whether it covers continuing operations, discontinued ones or both. Two figures on
//! different bases differ on purpose (that is what a non-GAAP reconciliation prints).

use super::has_any;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// As reported (nothing says otherwise).
    Reported,
    Adjusted,
    NonGaap,
    ProForma,
}

impl Basis {
    /// The basis a label's (or a title's) words state, [`Basis::Reported`] when none.
    pub fn of_words(w: &[String]) -> Basis {
        let joined = |a: &str, b: &str| w.windows(2).any(|p| p[0] == a && p[1] == b);
        if joined("non", "gaap") || has_any(w, &["nongaap"]) {
            Basis::NonGaap
        } else if joined("pro", "forma") {
            Basis::ProForma
        } else if has_any(
            w,
            &["adjusted", "core", "underlying", "normalized", "normalised"],
        ) {
            Basis::Adjusted
        } else {
            Basis::Reported
        }
    }

    /// A label's basis, or else its table's.
    pub fn or(self, table: Basis) -> Basis {
        match self {
            Basis::Reported => table,
            b => b,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Basis::Reported => "a reported (GAAP) figure",
            Basis::Adjusted => "an adjusted figure",
            Basis::NonGaap => "a non-GAAP figure",
            Basis::ProForma => "a pro forma figure",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operations {
    All,
    Continuing,
    Discontinued,
}

impl Operations {
    pub fn of_words(w: &[String]) -> Operations {
        if has_any(w, &["discontinued"]) {
            Operations::Discontinued
        } else if has_any(w, &["continuing"]) {
            Operations::Continuing
        } else {
            Operations::All
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Operations::All => "all operations",
            Operations::Continuing => "continuing operations",
            Operations::Discontinued => "discontinued operations",
        }
    }
}
