//! Share links in the browser: the pure codec ([`crate::share`]) lays out, checks and reads;
//! the browser's own zlib (`CompressionStream` / `DecompressionStream` with "deflate", which
//! is the zlib format miniz_oxide writes natively) packs and unpacks, so no inflater ships in
//! the wasm. Links made here open natively and the other way round.
//!
//! Unpacking is the hostile side. The inflater is fed the link a little at a time and only as
//! fast as its output is read; the output is counted as it comes and the stream cancelled as
//! soon as it passes the cap, so a decompression bomb never unpacks in full.

use js_sys::{Array, Function, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{ReadableStream, ReadableStreamDefaultReader, WritableStream};

use crate::share::{frame, open, ShareError, SharePayload};

/// Bytes of a link handed to the inflater at a time. Deflate expands a byte to at most about
/// a thousand, so a bomb stops within about a MiB past the cap.
const INFLATE_STEP: usize = 1024;
/// Bytes handed to the deflater at a time (nothing hostile on that side).
const DEFLATE_STEP: usize = 64 * 1024;

/// The fragment body for `payload` (what follows `#c=`): [`crate::share::frame`], packed by
/// the browser. The same errors as the native `share::encode`, and
/// [`ShareError::Unsupported`] in a browser without `CompressionStream`.
pub async fn encode(payload: &SharePayload) -> Result<String, ShareError> {
    let frame = frame(payload)?;
    let zlib = through("CompressionStream", frame.wire(), DEFLATE_STEP, usize::MAX)
        .await
        .map_err(|_| ShareError::Unsupported)?;
    frame.finish(&zlib)
}

/// Opens a fragment body: [`crate::share::open`], unpacked by the browser up to the cap,
/// then read. The same errors as the native `share::decode`.
pub async fn decode(body: &str) -> Result<SharePayload, ShareError> {
    let opened = open(body)?;
    let raw = through(
        "DecompressionStream",
        opened.zlib(),
        INFLATE_STEP,
        opened.cap(),
    )
    .await
    .map_err(|failure| match failure {
        Failure::Unsupported => ShareError::Unsupported,
        Failure::Broken => ShareError::Damaged,
        Failure::OverCap => opened.too_large(),
    })?;
    opened.read(&raw)
}

enum Failure {
    /// The browser has no such stream.
    Unsupported,
    /// The stream failed: not zlib, cut short, checksum wrong, junk after the end.
    Broken,
    /// The output passed the cap; the stream was cancelled there.
    OverCap,
}

/// `input` through a new `class("deflate")` stream, `step` bytes at a time, reading the output
/// as it comes and giving up once it passes `cap` bytes.
async fn through(class: &str, input: &[u8], step: usize, cap: usize) -> Result<Vec<u8>, Failure> {
    let class: Function = Reflect::get(&js_sys::global(), &class.into())
        .ok()
        .and_then(|c| c.dyn_into().ok())
        .ok_or(Failure::Unsupported)?;
    let stream = Reflect::construct(&class, &Array::of1(&"deflate".into()))
        .map_err(|_| Failure::Unsupported)?;
    let side = |name: &str| Reflect::get(&stream, &name.into()).map_err(|_| Failure::Unsupported);
    let writable: WritableStream = side("writable")?.unchecked_into();
    let readable: ReadableStream = side("readable")?.unchecked_into();
    let writer = writable.get_writer().map_err(|_| Failure::Unsupported)?;
    let reader: ReadableStreamDefaultReader = readable.get_reader().unchecked_into();

    // The writer runs beside the reader. A write settles only once the stream has taken its
    // piece, which it does only while its output is being read (the readable side queues
    // nothing ahead): the input goes in no faster than the output comes out. When the reader
    // stops (cancels, or the stream fails) the pending write fails and the writer stops too.
    let input = Uint8Array::from(input);
    spawn_local(async move {
        let length = input.length();
        let mut at = 0;
        while at < length {
            let end = length.min(at.saturating_add(step as u32));
            let piece = input.subarray(at, end);
            if JsFuture::from(writer.write_with_chunk(&piece))
                .await
                .is_err()
            {
                return;
            }
            at = end;
        }
        let _ = JsFuture::from(writer.close()).await;
    });

    let mut output = Vec::new();
    loop {
        let next = JsFuture::from(reader.read())
            .await
            .map_err(|_| Failure::Broken)?;
        let done = Reflect::get(&next, &"done".into()).map_err(|_| Failure::Broken)?;
        if done.is_truthy() {
            return Ok(output);
        }
        let chunk: Uint8Array = Reflect::get(&next, &"value".into())
            .ok()
            .and_then(|v| v.dyn_into().ok())
            .ok_or(Failure::Broken)?;
        let at = output.len();
        let length = chunk.length() as usize;
        if length > cap.saturating_sub(at) {
            let _ = JsFuture::from(reader.cancel()).await;
            return Err(Failure::OverCap);
        }
        output.resize(at + length, 0);
        chunk.copy_to(&mut output[at..]);
    }
}
