//! Each company's series charts packed for the trip from the worker to the page, in the
//! share links' wire layout (`wire.rs`: counts and strings as varints, each chart as a link
//! lays it out), so the page unpacks them with the code it already has for links and needs
//! none of the series code. Every chart is validated again on the way in.

use std::rc::Rc;

use super::wire::{Reader, WireError, Writer};
use super::{ShareError, WIRE_VERSION};
use crate::series::charts::{CompanyCharts, Restated, ShownChart};

/// Longest text a field may hold here (names, ids, printings).
const MAX_TEXT: usize = 4096;
/// Most companies, charts per company and restatements per company unpacked.
const MAX_COUNT: usize = 10_000;

pub fn pack(companies: &[CompanyCharts]) -> Vec<u8> {
    let mut w = Writer::new();
    w.varint(companies.len() as u64);
    for c in companies {
        w.str(&c.name);
        w.varint(c.releases as u64);
        w.varint(c.chosen as u64);
        w.varint(c.charts.len() as u64);
        for chart in &c.charts {
            w.str(&chart.id);
            w.chart(&chart.spec);
        }
        w.varint(c.restatements.len() as u64);
        for r in &c.restatements {
            for s in [&r.measure, &r.period, &r.original, &r.later] {
                w.str(s);
            }
        }
    }
    w.bytes
}

pub fn unpack(bytes: &[u8]) -> Result<Vec<CompanyCharts>, ShareError> {
    fn read(r: &mut Reader) -> Result<Vec<CompanyCharts>, WireError> {
        let count = |r: &mut Reader| -> Result<usize, WireError> {
            let n = usize::try_from(r.varint()?).map_err(|_| WireError::Damaged)?;
            if n > MAX_COUNT {
                return Err(WireError::Damaged);
            }
            Ok(n)
        };
        let text = |r: &mut Reader| r.str_max(MAX_TEXT).map(str::to_string);
        let mut out = Vec::new();
        for _ in 0..count(r)? {
            let name = text(r)?;
            let releases = count(r)?;
            let chosen = count(r)?;
            let mut charts = Vec::new();
            for _ in 0..count(r)? {
                let id = text(r)?;
                let spec = r.chart(WIRE_VERSION)?;
                spec.validate().map_err(WireError::Invalid)?;
                charts.push(ShownChart {
                    id,
                    spec: Rc::new(spec),
                });
            }
            let mut restatements = Vec::new();
            for _ in 0..count(r)? {
                restatements.push(Restated {
                    measure: text(r)?,
                    period: text(r)?,
                    original: text(r)?,
                    later: text(r)?,
                });
            }
            out.push(CompanyCharts {
                name,
                releases,
                chosen: chosen.min(charts.len()),
                charts,
                restatements,
            });
        }
        Ok(out)
    }
    let mut r = Reader::new(bytes);
    let out = read(&mut r)?;
    if !r.is_done() {
        return Err(ShareError::Damaged);
    }
    Ok(out)
}
