//! Share links: a chart (and optionally the whole release) carried in a URL fragment.
//!
//! There is no server, so the link is the data. `link(base, payload)` gives
//! `base#c=<body>`; a fragment never reaches a server. The body is
//!
//! ```text
//! base64url-no-pad( version:u8  payload:u8  zlib( wire layout, see wire.rs ) )
//! ```
//!
//! The two header bytes stay outside the compression so a reader can tell "made by a newer
//! Assay" and "which kind of payload" before inflating anything. zlib (not raw deflate) adds
//! an Adler-32 checksum, so a tampered or mangled link is refused as damaged rather than
//! decoded into different numbers.
//!
//! The compression itself is not in here. This module lays out and checks ([`frame`], then
//! [`Frame::finish`] on the compressed bytes) and opens and reads ([`open`], then
//! [`Opened::read`] on the inflated bytes); whoever sits between deflates or inflates. In the
//! app that is the browser's own zlib (`CompressionStream("deflate")`, which is the zlib
//! format, `app::links`), so no inflater ships in the wasm; natively [`encode`] and
//! [`decode`] do it with miniz_oxide. Both write and read the same bytes: links made by
//! either open in the other.
//!
//! ADVICE FOR HACKERS. Links come from strangers. Opening therefore works in this order,
//! and every step fails with a typed [`ShareError`], never a panic:
//! 1. refuse a body longer than [`MAX_LINK_CHARS`] before looking at it;
//! 2. read the header from the first four characters: unknown version or payload stops here
//!    (a version only a few past this build's, in a body that could be a link, is "newer";
//!    any other is damaged), and a chart-only body longer than [`MAX_CHART_LINK_CHARS`] is
//!    refused;
//! 3. base64url-decode ([`open`]), then inflate with a cap on the output ([`Opened::cap`]:
//!    [`MAX_CHART_BYTES`], or that plus [`MAX_RELEASE_BYTES`]) that is enforced *while*
//!    inflating, so a small "decompression bomb" stops at the cap: [`decode`] asks miniz_oxide
//!    for at most the cap, the app feeds the browser's inflater small pieces and cancels it
//!    once its output passes the cap;
//! 4. read the wire layout ([`Opened::read`]), which checks counts and lengths before
//!    allocating;
//! 5. validate the chart ([`ChartSpec::validate`]) before anyone draws it.
//!
//! [`frame`] and [`Frame::finish`] apply the same caps, so Assay never makes a link it would
//! refuse.

mod b64;
pub mod companies;
mod wire;

use crate::chart::{ChartSpec, SpecError};
use std::fmt;
use wire::{Reader, WireError, Writer};

/// The link format version this build writes; it reads every version from 1 up to it.
/// Version 2 added line breaks between runs of periods (wire.rs).
pub const WIRE_VERSION: u8 = 2;
/// The most characters a link body with a release may have (a 5 MiB release that does not
/// compress at all, in base64).
pub const MAX_LINK_CHARS: usize = 8 * 1024 * 1024;
/// The most characters a chart-only link body may have. Real charts take a few hundred.
pub const MAX_CHART_LINK_CHARS: usize = 64 * 1024;
/// The most bytes a chart may inflate to.
pub const MAX_CHART_BYTES: usize = 512 * 1024;
/// The largest release a link may carry: the same limit as pasted input.
pub const MAX_RELEASE_BYTES: usize = crate::read::MAX_INPUT_BYTES;
/// The fragment key: `#c=<body>`.
pub const FRAGMENT_KEY: &str = "c";
/// Above this many characters the UI warns that chat apps and mail clients may cut the link.
pub const LONG_LINK_CHARS: usize = 8_000;

/// What a link carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SharePayload {
    /// A chart alone: opening the link shows the chart and its data table.
    Chart(ChartSpec),
    /// A chart and the full release text it came from, for the whole explorer.
    ChartWithRelease { chart: ChartSpec, release: String },
}

impl SharePayload {
    pub fn chart(&self) -> &ChartSpec {
        match self {
            SharePayload::Chart(c) | SharePayload::ChartWithRelease { chart: c, .. } => c,
        }
    }

    pub fn release(&self) -> Option<&str> {
        match self {
            SharePayload::Chart(_) => None,
            SharePayload::ChartWithRelease { release, .. } => Some(release),
        }
    }

    fn code(&self) -> u8 {
        match self {
            SharePayload::Chart(_) => 0,
            SharePayload::ChartWithRelease { .. } => 1,
        }
    }
}

/// Why a link could not be made or opened. `Display` is one plain sentence for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The link body is longer than any link Assay makes.
    TooLong { chars: usize, limit: usize },
    /// Not what Assay writes: bad characters, cut short, checksum wrong, malformed inside.
    Damaged,
    /// Made by a newer Assay with a format this build does not know.
    NewerVersion(u8),
    /// The payload inflates past the cap (a decompression bomb, or not an Assay link).
    TooLarge { limit: usize },
    /// It decoded, but the chart breaks a rule (too many series, a ragged series, …).
    Invalid(SpecError),
    /// When making a link: the chart is too large for a link.
    ChartTooLarge,
    /// When making a link: the release is over [`MAX_RELEASE_BYTES`].
    ReleaseTooLarge { bytes: usize },
    /// The browser has no zlib to pack or unpack a link with (`CompressionStream`, in every
    /// current browser since 2023).
    Unsupported,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::TooLong { chars, limit } => write!(
                f,
                "This link is too long to be an Assay link ({chars} characters where Assay makes at most {limit}), so it was not opened."
            ),
            ShareError::Damaged => write!(
                f,
                "This link is damaged or incomplete; copy the whole link again or ask the sender for a new one."
            ),
            ShareError::NewerVersion(_) => write!(
                f,
                "This link was made by a newer version of Assay; reload the page to get the latest version, then open the link again."
            ),
            ShareError::TooLarge { .. } => write!(
                f,
                "This link unpacks into more data than Assay accepts, so it was not opened."
            ),
            ShareError::Invalid(e) => write!(
                f,
                "This link holds a chart Assay cannot draw ({e}), so it was not opened."
            ),
            ShareError::ChartTooLarge => write!(
                f,
                "This chart is too large to share as a link; download it as SVG or CSV instead."
            ),
            ShareError::ReleaseTooLarge { bytes } => write!(
                f,
                "The release is too large to include in a link ({bytes} bytes where the limit is {MAX_RELEASE_BYTES}); share the chart without it."
            ),
            ShareError::Unsupported => write!(
                f,
                "This browser cannot pack or unpack Assay links; open the page in a current version of Chrome, Edge, Firefox or Safari."
            ),
        }
    }
}

impl std::error::Error for ShareError {}

impl From<WireError> for ShareError {
    fn from(e: WireError) -> Self {
        match e {
            WireError::Damaged => ShareError::Damaged,
            WireError::Invalid(e) => ShareError::Invalid(e),
        }
    }
}

/// A payload laid out for a link and checked against the caps, before compression: the
/// first half of encoding. Whoever compresses (miniz_oxide natively, the browser's own zlib in
/// the app) deflates [`Frame::wire`] in the zlib format and hands the result to
/// [`Frame::finish`].
#[derive(Debug)]
pub struct Frame {
    code: u8,
    /// The release's length, for the message when the body comes out too long.
    release_bytes: Option<usize>,
    wire: Vec<u8>,
}

/// Lays `payload` out for a link. Fails when the chart breaks a rule or the payload is
/// larger than a link may carry.
pub fn frame(payload: &SharePayload) -> Result<Frame, ShareError> {
    let chart = payload.chart();
    chart.validate().map_err(ShareError::Invalid)?;
    let mut w = Writer::new();
    w.chart(chart);
    if w.bytes.len() > MAX_CHART_BYTES {
        return Err(ShareError::ChartTooLarge);
    }
    if let Some(release) = payload.release() {
        if release.len() > MAX_RELEASE_BYTES {
            return Err(ShareError::ReleaseTooLarge {
                bytes: release.len(),
            });
        }
        w.str(release);
    }
    Ok(Frame {
        code: payload.code(),
        release_bytes: payload.release().map(str::len),
        wire: w.bytes,
    })
}

impl Frame {
    /// The bytes to compress.
    pub fn wire(&self) -> &[u8] {
        &self.wire
    }

    /// The fragment body (what follows `#c=`) from [`Frame::wire`] compressed in the zlib
    /// format. Fails when the body would be longer than a link may be.
    pub fn finish(&self, zlib: &[u8]) -> Result<String, ShareError> {
        let mut bytes = Vec::with_capacity(zlib.len() + 2);
        bytes.extend([WIRE_VERSION, self.code]);
        bytes.extend_from_slice(zlib);
        let body = b64::encode(&bytes);
        if body.len() > body_limit(self.code) {
            return Err(self.too_large());
        }
        Ok(body)
    }

    /// Only a release that does not compress at all, or a pathological chart, gets here.
    fn too_large(&self) -> ShareError {
        match self.release_bytes {
            None => ShareError::ChartTooLarge,
            Some(bytes) => ShareError::ReleaseTooLarge { bytes },
        }
    }
}

fn body_limit(code: u8) -> usize {
    if code == 0 {
        MAX_CHART_LINK_CHARS
    } else {
        MAX_LINK_CHARS
    }
}

/// A link body with its header read and its length checked, base64-decoded, not yet
/// inflated: the first half of decoding (steps 1 to 3 of the module header, but the
/// inflating). Whoever inflates must stop at [`Opened::cap`] bytes *while* inflating and
/// hand the output to [`Opened::read`].
#[derive(Debug)]
pub struct Opened {
    version: u8,
    code: u8,
    /// The header's two bytes, then the zlib stream.
    bytes: Vec<u8>,
}

/// Opens a fragment body made by [`Frame::finish`] up to its compressed part. Whitespace
/// (mail clients wrap long links) is ignored.
pub fn open(body: &str) -> Result<Opened, ShareError> {
    if body.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLong {
            chars: body.chars().count(),
            limit: MAX_LINK_CHARS,
        });
    }
    let compact: String = body.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    let head = compact.get(..4).ok_or(ShareError::Damaged)?;
    let head = b64::decode(head.as_bytes()).ok_or(ShareError::Damaged)?;
    let [version, code, ..] = head[..] else {
        return Err(ShareError::Damaged);
    };
    if version > WIRE_VERSION {
        return Err(newer(version, &compact));
    }
    if version == 0 || code > 1 {
        return Err(ShareError::Damaged);
    }
    let limit = body_limit(code);
    if compact.len() > limit {
        return Err(ShareError::TooLong {
            chars: compact.len(),
            limit,
        });
    }
    let bytes = b64::decode(compact.as_bytes()).ok_or(ShareError::Damaged)?;
    Ok(Opened {
        version,
        code,
        bytes,
    })
}

/// How many versions past [`WIRE_VERSION`] a link may plausibly come from: the format has
/// changed twice in Assay's life, so a first byte far beyond is not a version at all.
const VERSIONS_AHEAD: u8 = 8;

/// The error for a body whose first byte is past [`WIRE_VERSION`]: a link of a newer Assay
/// only when it could be one (a version a few ahead, the whole body base64url, long enough
/// for the header and a compressed stream); otherwise garbage (`#c=zzzz` reads as version
/// 207), which is damaged.
fn newer(version: u8, body: &str) -> ShareError {
    let plausible = version - WIRE_VERSION <= VERSIONS_AHEAD
        && body.len() <= MAX_LINK_CHARS
        && b64::decode(body.as_bytes()).is_some_and(|bytes| bytes.len() >= 2 + 8);
    if plausible {
        ShareError::NewerVersion(version)
    } else {
        ShareError::Damaged
    }
}

impl Opened {
    /// The zlib stream to inflate.
    pub fn zlib(&self) -> &[u8] {
        self.bytes.get(2..).unwrap_or_default()
    }

    /// The most bytes the stream may inflate to ([`MAX_CHART_BYTES`], or that plus
    /// [`MAX_RELEASE_BYTES`]): past it, stop inflating and refuse with [`Opened::too_large`].
    pub fn cap(&self) -> usize {
        if self.code == 0 {
            MAX_CHART_BYTES
        } else {
            MAX_CHART_BYTES + MAX_RELEASE_BYTES + 8
        }
    }

    /// The error for a stream that inflates past [`Opened::cap`].
    pub fn too_large(&self) -> ShareError {
        ShareError::TooLarge { limit: self.cap() }
    }

    /// The payload from the inflated stream (steps 4 and 5 of the module header).
    pub fn read(&self, raw: &[u8]) -> Result<SharePayload, ShareError> {
        if raw.len() > self.cap() {
            return Err(self.too_large());
        }
        let mut r = Reader::new(raw);
        let chart = r.chart(self.version)?;
        let payload = if self.code == 0 {
            SharePayload::Chart(chart)
        } else {
            let release = r.str_max(MAX_RELEASE_BYTES)?.to_string();
            SharePayload::ChartWithRelease { chart, release }
        };
        if !r.is_done() {
            return Err(ShareError::Damaged);
        }
        payload.chart().validate().map_err(ShareError::Invalid)?;
        Ok(payload)
    }
}

/// zlib level 9: links are made rarely and read anywhere, so spend the time on size.
#[cfg(not(target_arch = "wasm32"))]
const LEVEL: u8 = 9;

/// The fragment body for `payload` (what follows `#c=`), compressed by miniz_oxide. Fails
/// when the chart breaks a rule or the payload is larger than a link may carry. Native only:
/// the app compresses with the browser's own zlib (`app::links`).
#[cfg(not(target_arch = "wasm32"))]
pub fn encode(payload: &SharePayload) -> Result<String, ShareError> {
    let frame = frame(payload)?;
    frame.finish(&miniz_oxide::deflate::compress_to_vec_zlib(
        frame.wire(),
        LEVEL,
    ))
}

/// Opens a fragment body made by [`encode`] (or by the app), inflating with miniz_oxide.
/// Whitespace is ignored. See the module header for the order of checks. Native only, as
/// [`encode`] is.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode(body: &str) -> Result<SharePayload, ShareError> {
    let opened = open(body)?;
    let raw = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(opened.zlib(), opened.cap())
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => opened.too_large(),
            _ => ShareError::Damaged,
        })?;
    opened.read(&raw)
}

/// `base_url` without any fragment it had, then `#c=<body>`.
pub fn link_to(base_url: &str, body: &str) -> String {
    let base = base_url.split('#').next().unwrap_or(base_url);
    format!("{base}#{FRAGMENT_KEY}={body}")
}

/// The link body in `location.hash` (with or without its leading `#`), whose parameters are
/// `&`-separated (`#view=chart-2&c=…`). `None` when the hash holds no share link, so the
/// caller can go on with its own routing.
pub fn hash_body(hash: &str) -> Option<&str> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    hash.split('&')
        .find_map(|part| part.strip_prefix(FRAGMENT_KEY)?.strip_prefix('='))
}

/// The full link: `base_url` without any fragment it had, then `#c=<body>`.
#[cfg(not(target_arch = "wasm32"))]
pub fn link(base_url: &str, payload: &SharePayload) -> Result<String, ShareError> {
    Ok(link_to(base_url, &encode(payload)?))
}

/// Reads a share payload from `location.hash` (see [`hash_body`]); `None` without one.
#[cfg(not(target_arch = "wasm32"))]
pub fn from_hash(hash: &str) -> Option<Result<SharePayload, ShareError>> {
    hash_body(hash).map(decode)
}

/// Reads a share payload from a whole link (`https://…/#c=…`); `None` without one.
#[cfg(not(target_arch = "wasm32"))]
pub fn from_link(url: &str) -> Option<Result<SharePayload, ShareError>> {
    url.split_once('#').and_then(|(_, hash)| from_hash(hash))
}
