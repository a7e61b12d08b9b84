//! The byte layout inside a share link, before compression. Pure and bounded: the reader
//! checks every count and length against the chart limits *before* it allocates, so a
//! hostile payload cannot make it reserve more than the inflate cap already allowed.
//!
//! Layout (version 2; version 1 had no `breaks`). `varint` is unsigned LEB128; `str` is `varint byte length, UTF-8`;
//! `strs` is a list where each string shares a prefix with the one before it:
//! `varint count, then per string: varint shared-prefix bytes, str suffix`.
//!
//! ```text
//! chart   := kind:u8 title:str subtitle:str unit:str categories:strs
//!            series_count:varint series* steps? breaks? company:str period:str table:str rows:strs
//! series  := name_shared:varint name_suffix:str present:bitmap value*
//! value   := decimal string packed in nibbles (0-9, '.'=10, '-'=11), ended by 15
//! steps   := bitmap, bit set = Total (waterfall only)
//! breaks  := bitmap, bit set = a new run of periods begins here (line only, version 2)
//! bitmap  := ceil(categories / 8) bytes, least significant bit first
//! release := varint byte length, UTF-8 (only in "chart with release" payloads)
//! ```
//!
//! Values travel as the decimal strings they are (`-4.91`), packed two characters a byte,
//! and are parsed back exactly (`crate::decimal::parse_exact`), so the scale as printed survives.

use crate::chart::{
    ChartKind, ChartSpec, Provenance, Series, SpecError, Step, CHART_SPEC_VERSION, MAX_CATEGORIES,
    MAX_SERIES, MAX_SOURCE_ROWS, MAX_TEXT_CHARS,
};
use rust_decimal::Decimal;

/// Why bytes could not be read as a chart: damaged, or a rule broken (worth saying which).
#[derive(Debug)]
pub(crate) enum WireError {
    Damaged,
    Invalid(SpecError),
}

type Read<T> = Result<T, WireError>;

/// The most bytes one string may take: `MAX_TEXT_CHARS` characters of up to 4 bytes.
const MAX_TEXT_BYTES: usize = MAX_TEXT_CHARS * 4;
/// Longest decimal string: 29 digits, a sign and a point.
const MAX_DECIMAL_CHARS: usize = 31;

pub(crate) struct Writer {
    pub bytes: Vec<u8>,
}

impl Writer {
    pub fn new() -> Self {
        Writer {
            bytes: Vec::with_capacity(512),
        }
    }

    pub fn varint(&mut self, mut v: u64) {
        loop {
            let low = (v & 0x7F) as u8;
            v >>= 7;
            if v == 0 {
                self.bytes.push(low);
                return;
            }
            self.bytes.push(low | 0x80);
        }
    }

    pub fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.bytes.extend_from_slice(s.as_bytes());
    }

    fn strs<'a>(&mut self, list: impl ExactSizeIterator<Item = &'a str>) {
        self.varint(list.len() as u64);
        let mut prev = "";
        for s in list {
            self.shared(prev, s);
            prev = s;
        }
    }

    /// `s` as the bytes it shares with `prev` (cut at a character boundary) and the rest.
    fn shared(&mut self, prev: &str, s: &str) {
        let mut n = prev
            .bytes()
            .zip(s.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        while !s.is_char_boundary(n) {
            n -= 1;
        }
        self.varint(n as u64);
        self.str(&s[n..]);
    }

    fn bitmap(&mut self, bits: impl Iterator<Item = bool>) {
        let mut byte = 0u8;
        let mut n = 0;
        for bit in bits {
            byte |= u8::from(bit) << (n % 8);
            n += 1;
            if n % 8 == 0 {
                self.bytes.push(byte);
                byte = 0;
            }
        }
        if n % 8 != 0 {
            self.bytes.push(byte);
        }
    }

    fn decimal(&mut self, v: Decimal) {
        let mut nibbles: Vec<u8> = v
            .to_string()
            .bytes()
            .map(|c| match c {
                b'0'..=b'9' => c - b'0',
                b'.' => 10,
                _ => 11, // '-': Decimal's Display writes nothing else
            })
            .collect();
        nibbles.push(15);
        for pair in nibbles.chunks(2) {
            self.bytes
                .push(pair[0] << 4 | pair.get(1).copied().unwrap_or(15));
        }
    }

    pub fn chart(&mut self, spec: &ChartSpec) {
        let kind = ChartKind::ALL
            .iter()
            .position(|k| *k == spec.kind)
            .unwrap_or(0);
        self.bytes.push(kind as u8);
        self.str(&spec.title);
        self.str(&spec.subtitle);
        self.str(&spec.unit);
        self.strs(spec.categories.iter().map(String::as_str));
        self.varint(spec.series.len() as u64);
        let mut prev = "";
        for s in &spec.series {
            self.shared(prev, &s.name);
            prev = &s.name;
            self.bitmap(s.values.iter().map(Option::is_some));
            for v in s.values.iter().flatten() {
                self.decimal(*v);
            }
        }
        if spec.kind == ChartKind::Waterfall {
            self.bitmap(spec.steps.iter().map(|s| *s == Step::Total));
        }
        if spec.kind == ChartKind::Line {
            self.bitmap((0..spec.categories.len()).map(|i| spec.breaks.contains(&i)));
        }
        let p = &spec.provenance;
        self.str(&p.company);
        self.str(&p.period);
        self.str(&p.table);
        self.strs(p.rows.iter().map(String::as_str));
    }
}

pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    pub fn is_done(&self) -> bool {
        self.at == self.bytes.len()
    }

    fn remaining(&self) -> usize {
        self.bytes.len() - self.at
    }

    fn u8(&mut self) -> Read<u8> {
        let b = *self.bytes.get(self.at).ok_or(WireError::Damaged)?;
        self.at += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Read<&'a [u8]> {
        if n > self.remaining() {
            return Err(WireError::Damaged);
        }
        let out = &self.bytes[self.at..self.at + n];
        self.at += n;
        Ok(out)
    }

    pub fn varint(&mut self) -> Read<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                // Reject padded encodings (trailing zero groups) so each value has one form.
                if b == 0 && shift > 0 {
                    return Err(WireError::Damaged);
                }
                return Ok(v);
            }
        }
        Err(WireError::Damaged)
    }

    /// A count, refused with `too_many` above `max` before anything is allocated for it.
    fn count(&mut self, max: usize, too_many: fn(usize) -> SpecError) -> Read<usize> {
        let n = self.varint()?;
        let n = usize::try_from(n).unwrap_or(usize::MAX);
        if n > max {
            return Err(WireError::Invalid(too_many(n)));
        }
        Ok(n)
    }

    /// A string of at most `max` bytes.
    pub fn str_max(&mut self, max: usize) -> Read<&'a str> {
        let n = usize::try_from(self.varint()?).map_err(|_| WireError::Damaged)?;
        if n > max {
            return Err(WireError::Damaged);
        }
        std::str::from_utf8(self.take(n)?).map_err(|_| WireError::Damaged)
    }

    fn str(&mut self) -> Read<String> {
        self.str_max(MAX_TEXT_BYTES).map(str::to_string)
    }

    fn shared(&mut self, prev: &str) -> Read<String> {
        let n = usize::try_from(self.varint()?).map_err(|_| WireError::Damaged)?;
        let head = prev.get(..n).ok_or(WireError::Damaged)?;
        let tail = self.str_max(MAX_TEXT_BYTES)?;
        Ok(format!("{head}{tail}"))
    }

    fn strs(&mut self, max: usize, too_many: fn(usize) -> SpecError) -> Read<Vec<String>> {
        let n = self.count(max, too_many)?;
        let mut out: Vec<String> = Vec::with_capacity(n.min(self.remaining()));
        for _ in 0..n {
            let s = self.shared(out.last().map_or("", String::as_str))?;
            out.push(s);
        }
        Ok(out)
    }

    fn bitmap(&mut self, n: usize) -> Read<Vec<bool>> {
        let bytes = self.take(n.div_ceil(8))?;
        Ok((0..n).map(|i| bytes[i / 8] >> (i % 8) & 1 == 1).collect())
    }

    fn decimal(&mut self) -> Read<Decimal> {
        let mut text = String::with_capacity(8);
        loop {
            let b = self.u8()?;
            for nibble in [b >> 4, b & 0x0F] {
                match nibble {
                    0..=9 => text.push(char::from(b'0' + nibble)),
                    10 => text.push('.'),
                    11 => text.push('-'),
                    // Exact parse: digits that would round are damage, not a value.
                    15 => return crate::decimal::parse_exact(&text).ok_or(WireError::Damaged),
                    _ => return Err(WireError::Damaged),
                }
            }
            if text.len() > MAX_DECIMAL_CHARS {
                return Err(WireError::Damaged);
            }
        }
    }

    /// A chart in the layout of link `version` (1 or 2).
    pub fn chart(&mut self, version: u8) -> Read<ChartSpec> {
        let kind = *ChartKind::ALL
            .get(usize::from(self.u8()?))
            .ok_or(WireError::Damaged)?;
        let title = self.str()?;
        let subtitle = self.str()?;
        let unit = self.str()?;
        let categories = self.strs(MAX_CATEGORIES, SpecError::TooManyCategories)?;
        let n = categories.len();
        let series_count = self.count(MAX_SERIES, SpecError::TooManySeries)?;
        let mut series: Vec<Series> = Vec::with_capacity(series_count);
        for _ in 0..series_count {
            let name = self.shared(series.last().map_or("", |s| s.name.as_str()))?;
            let present = self.bitmap(n)?;
            let values = present
                .into_iter()
                .map(|p| {
                    if p {
                        self.decimal().map(Some)
                    } else {
                        Ok(None)
                    }
                })
                .collect::<Read<Vec<_>>>()?;
            series.push(Series { name, values });
        }
        let steps = if kind == ChartKind::Waterfall {
            let totals = self.bitmap(n)?;
            totals
                .into_iter()
                .map(|t| if t { Step::Total } else { Step::Delta })
                .collect()
        } else {
            Vec::new()
        };
        let breaks = if kind == ChartKind::Line && version >= 2 {
            let bits = self.bitmap(n)?;
            (0..n).filter(|&i| bits[i]).collect()
        } else {
            Vec::new()
        };
        let provenance = Provenance {
            company: self.str()?,
            period: self.str()?,
            table: self.str()?,
            rows: self.strs(MAX_SOURCE_ROWS, SpecError::TooManySourceRows)?,
        };
        Ok(ChartSpec {
            version: CHART_SPEC_VERSION,
            kind,
            title,
            subtitle,
            unit,
            categories,
            series,
            steps,
            breaks,
            provenance,
        })
    }
}
