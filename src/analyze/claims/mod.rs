//! Narrative claims: figures in the release's sentences checked against its tables.
//!
//! A sentence is split into figures (money, per-unit amounts, percentages, ratios, quantities
//! of metal). Each figure gets, from its own words:
//! - a period: the first period phrase after it before a comparison word ("compared to"),
//!   else the nearest one before it ("third quarter", "first nine months of 2006", "a year
//!   ago", "at the end of September");
//! - an operation, when the sentence (or else its paragraph) names exactly one of the
//!   document's operations ("Lucky Friday"); otherwise the company as a whole;
//! - candidate cells by meaning: per-share figures against per-share rows, per-ounce costs
//!   against the cost rows of the metal the sentence names, prices against price rows, metal
//!   quantities against production rows, money against rows whose label words all appear in
//!   the figure's clause (the most specific label wins), the current ratio against the metric;
//! - "N% to $X" and ", a N% increase" check the change of the figure beside them against the
//!   same period a year before; "an increase of $X" checks the absolute change.
//!
//! The claim is `ok` when the figure's interval (printed precision, widened or bounded by
//! "approximately", "almost", "more than", …) meets the cells'; `mismatch` when it does not;
//! `not_checkable` when no candidate, or several that disagree, remain, when the sentence
//! looks forward (estimates, guidance), or when figures come as a list the sentence does not
//! pair with their subjects. Figures in money are compared by magnitude (a loss is printed
//! negative in a table but "losses were $6.1 million" in prose) unless the prose says
//! "negative".
//!
//! `sentence.rs` reads what a sentence claims (its figures, their units, qualifiers and
//! periods, the clause each stands in); `matching.rs` finds the cells each figure may be and
//! settles the check.

mod matching;
mod sentence;

pub(crate) use matching::{other_measure, restated_column};

use super::metrics::Metric;
use super::{raw_word_list, Check, ClaimRef};
use crate::document::Document;

use matching::*;
use sentence::*;

pub fn checks(doc: &Document, metrics: &[Metric]) -> Vec<Check> {
    let mut out = Vec::new();
    checks_in(doc, metrics, &super::LabelText::of(doc).words(), &mut out);
    out
}

/// [`checks`] with the document's label words worked out.
pub(crate) fn checks_in(
    doc: &Document,
    metrics: &[Metric],
    label_words: &super::LabelWords,
    out: &mut Vec<Check>,
) {
    let ctx = Context::new(doc, metrics, label_words);
    for p in &doc.narrative {
        // A paragraph about one operation names it first ("Lucky Friday - The Lucky Friday
        // silver operation …"); its later sentences ("the unit produced …") are about it.
        // Worked out when a sentence with a figure first needs it.
        // A sentence's figures start with a digit: a paragraph without one has none.
        if !p.text.bytes().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let sents = sentences(&p.text);
        let para_entity = std::cell::OnceCell::new();
        let para_entity = || {
            *para_entity.get_or_init(|| {
                let first = lower_case(sents.first()?);
                ctx.entity_in(&raw_word_list(&first))
            })
        };
        for (n, &sentence) in sents.iter().enumerate() {
            let figs = figures(sentence);
            if figs.is_empty() {
                continue;
            }
            let lower = lower_case(sentence);
            let parsed = Sentence::new(sentence, &lower);
            let entity = if n == 0 {
                ctx.entity_in(&parsed.words)
            } else {
                ctx.entity_in(&parsed.words).or_else(para_entity)
            };
            let mut matched: Vec<Option<Vec<Candidate>>> = Vec::new();
            for (i, f) in figs.iter().enumerate() {
                let claim = ClaimRef {
                    sentence: sentence.to_string(),
                    line: p.line_at(offset_in(&p.text, sentence) + f.start),
                    figure: f.text.clone(),
                };
                let (check, candidates) = ctx.check(&parsed, &figs, i, entity, &matched, claim);
                matched.push(candidates);
                out.push(check);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Unit;
    use crate::meaning::Basis;
    use rust_decimal::Decimal;

    #[test]
    fn occurrences_are_every_match_in_order() {
        let phrases = ["aa", "a", "ab", " vs", "third quarter", "the quarter", "b"];
        for text in [
            "aaab vs the quarter",
            "third quarter, the quarter",
            "a",
            "",
            "ba aa",
        ] {
            // Every place each phrase starts, overlapping ones included.
            let mut slow: Vec<(usize, usize)> = Vec::new();
            for (n, p) in phrases.iter().enumerate() {
                for at in 0..text.len() {
                    if text[at..].starts_with(p) {
                        slow.push((n, at));
                    }
                }
            }
            crate::sort::by_key(&mut slow, |&(n, at)| (at, n));
            assert_eq!(occurrences(text, &phrases, |p| p), slow, "{text:?}");
        }
    }

    #[test]
    fn figures_and_their_periods() {
        let s = "The average prices of silver, gold and zinc also increased 17% to $13.12 per ounce, 11% to $666 per ounce and 16% to $1.56 per pound, respectively, compared to the first nine months of 2006.";
        let figs = figures(s);
        let kinds: Vec<Kind> = figs.iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Percent,
                Kind::PerUnit(Unit::MoneyPerOz),
                Kind::Percent,
                Kind::PerUnit(Unit::MoneyPerOz),
                Kind::Percent,
                Kind::PerUnit(Unit::MoneyPerLb)
            ]
        );
        // The compared period gives the length; the figures are a year later.
        let lower = lower_case(s);
        let when = period_of(&Sentence::new(s, &lower), &figs, 1).unwrap();
        assert_eq!((when.months, when.year), (Some(9), YearRef::Current));
        assert_eq!(respective_metal(s, &figs, 3), Some("gold"));

        let s = "-- Record low average total cash cost per ounce of silver in the third quarter of negative $4.91, with production of 1.3 million ounces";
        let figs = figures(s);
        assert_eq!(figs[0].kind, Kind::PerUnit(Unit::MoneyPerOz));
        assert_eq!(figs[0].value.to_string(), "-4.91");
        assert_eq!(figs[1].kind, Kind::Quantity(Unit::Oz));
        assert_eq!(figs[1].value * figs[1].factor, Decimal::from(1_300_000));

        // Grades, compounds and years are not claims.
        let s = "silver intercepts of 301.1 grams per tonne (8.8 ounces per ton) over 1.93 meters on its 25-square-mile property in 2007";
        assert!(figures(s).is_empty());
    }

    #[test]
    fn a_cost_per_ounce_of_a_metal_is_a_per_ounce_figure() {
        // Mining releases name the metal between "per" and the unit.
        let s =
            "All-in sustaining costs were $19.87 per silver ounce, down 7% from $21.35 per ounce.";
        let kinds: Vec<Kind> = figures(s).iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::PerUnit(Unit::MoneyPerOz),
                Kind::Percent,
                Kind::PerUnit(Unit::MoneyPerOz)
            ]
        );
        assert_eq!(
            figures("C1 cash costs of $1.91 per payable pound of copper")[0].kind,
            Kind::PerUnit(Unit::MoneyPerLb)
        );
        // A share only right after "per": "$1.48 per diluted common share" of earnings
        // available for distribution is not the table's earnings per share (Chimera, 2024).
        assert_eq!(
            figures("earnings available for distribution of $121 million, or $1.48 per diluted common share")[1].kind,
            Kind::Money
        );
    }

    /// Ounces produced are not ounces sold, and all-in sustaining costs are not cash costs:
    /// an operating table laid out as mining releases print it, and sentences about it.
    #[test]
    fn produced_is_not_sold_and_sustaining_is_not_cash() {
        let text = "SILVERCO REPORTS THIRD QUARTER 2024 RESULTS

In the third quarter of 2024, silver production was 4.95 million ounces. All-in sustaining costs in the third quarter of 2024 were $19.87 per silver ounce.

Silver operations

                                              Three months ended September 30,
                                                   2024              2023
Silver ounces sold                            4,872,000         4,203,000
Cash cost per silver ounce                    $   13.63         $   14.09
AISC per silver ounce                         $   19.87         $   21.35
";
        let doc = crate::read::read_document(text.as_bytes()).expect("reads");
        use crate::analyze::Status;
        let claims: Vec<(Status, String)> = (crate::analyze::analyze(&doc).checks.iter())
            .filter(|c| c.kind == crate::analyze::CheckKind::Claim)
            .map(|c| (c.status, c.explanation.clone()))
            .collect();
        assert_eq!(claims.len(), 2, "{claims:?}");
        // 4.95 million ounces produced: no production row, so nothing to check it against.
        assert_eq!(claims[0].0, Status::NotCheckable, "{claims:?}");
        // $19.87 per silver ounce: the AISC row, not the cash cost one.
        assert_eq!(claims[1].0, Status::Ok, "{claims:?}");
        assert!(claims[1].1.contains("AISC per silver ounce"), "{claims:?}");
    }

    #[test]
    fn sentences_keep_abbreviations() {
        let t = "Hecla Mining Company (NYSE:HL) reported on Nov. 8. Total gross profit increased 46% to $21 million.";
        assert_eq!(sentences(t).len(), 2);
    }

    #[test]
    fn two_spaces_after_a_full_stop_end_a_sentence() {
        let t = "a net loss of $694,000 in the comparable period a year ago.  For the twelve months ended June 30, 2003 net revenues were $44,958,000.";
        assert_eq!(
            sentences(t),
            [
                "a net loss of $694,000 in the comparable period a year ago.",
                "For the twelve months ended June 30, 2003 net revenues were $44,958,000."
            ]
        );
    }

    #[test]
    fn the_basis_a_sentence_states_carries_to_its_later_figures() {
        let b = |t: &str| stated_basis(t);
        assert_eq!(
            b("pro forma net income in the quarter ended june 30, 2005 was $1,173,000, or "),
            Basis::ProForma
        );
        assert_eq!(b("non-gaap economic earnings of $3.4 million, or $0.39 per share, compared to $2.8 million, or "), Basis::NonGaap);
        assert_eq!(
            b("pro forma net income of $5 million compared to a gaap net income of "),
            Basis::Reported
        );
        assert_eq!(b("net income was "), Basis::Reported);
        assert_eq!(b("gaap eps of $0.10 and adjusted eps of "), Basis::Adjusted);
    }
}
