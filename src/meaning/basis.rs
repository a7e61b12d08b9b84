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

/// The words around each "non-GAAP" the release's text prints: where it names its non-GAAP
/// measures. Read once per document ([`NonGaapNames::new`]), then asked of each label.
pub struct NonGaapNames {
    /// (the words before "non-GAAP", the words after it), at most 14 each.
    spots: Vec<(Vec<String>, Vec<String>)>,
}

impl NonGaapNames {
    pub fn new(doc: &crate::document::Document) -> NonGaapNames {
        let mut spots = Vec::new();
        for p in &doc.narrative {
            if !p
                .text
                .as_bytes()
                .windows(4)
                .any(|x| x.eq_ignore_ascii_case(b"gaap"))
            {
                continue;
            }
            let w = super::words(&p.text);
            for i in (0..w.len().saturating_sub(1)).filter(|&i| w[i] == "non" && w[i + 1] == "gaap")
            {
                spots.push((
                    w[i.saturating_sub(14)..i].to_vec(),
                    w[i + 2..(i + 16).min(w.len())].to_vec(),
                ));
            }
        }
        NonGaapNames { spots }
    }

    /// Whether the release's own text calls `label` a non-GAAP measure: "Economic Earnings and
    /// Economic EPS are non-GAAP performance measures", "non-GAAP measures that we refer to
    /// as Economic Earnings", "Free cash flow, a non-GAAP measure". The label must be the
    /// subject (or the name given), not a word inside another measure's name: "adjusted net
    /// income is a non-GAAP measure" says nothing of "Net income".
    pub fn names(&self, label: &str) -> bool {
        let name = super::words(label);
        if name.is_empty() {
            return false;
        }
        let qualifiers = [
            "adjusted",
            "core",
            "underlying",
            "normalized",
            "non",
            "gaap",
        ];
        let verb = |x: &String| matches!(x.as_str(), "is" | "are" | "a" | "an");
        // The subject ends with the name, or "name and …", then the verb: "X is a", "X and
        // Y are", "X, a".
        let subject_is = |hay: &[String]| {
            (0..(hay.len() + 1).saturating_sub(name.len()))
                .filter(|&k| hay[k..k + name.len()] == name[..])
                .any(|k| {
                    let free = k == 0 || !qualifiers.contains(&hay[k - 1].as_str());
                    let rest = &hay[k + name.len()..];
                    free && rest.len() <= 6
                        && rest.iter().take(5).any(verb)
                        && rest
                            .iter()
                            .take_while(|x| !verb(x))
                            .all(|x| x == "and" || x.len() > 1)
                })
        };
        // "… that we refer to as X", "… called X".
        let given = |named: &[String]| {
            named
                .iter()
                .position(|x| x == "as" || x == "called")
                .is_some_and(|k| named[k + 1..].starts_with(&name))
        };
        self.spots
            .iter()
            .any(|(before, after)| subject_is(before) || given(after))
    }
}
