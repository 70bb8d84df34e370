//! Reading a file's bytes: a slice whole, or a slice as the browser streams
//! it. Streaming is the fastest way this browser has to read a big file
//! (measured in headless Chromium on a 9 MB file: 8 to 13 ms streamed,
//! 18 to 27 ms as one `arrayBuffer`, 26 to 41 ms in 1 MB slices one after
//! another), and its chunks can be read while the next arrives.

use crate::io::incidents::record_start;
use crate::ui::worker::js_text;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Starts reading bytes `from..to` of the file; the browser reads them
/// while the page goes on.
pub fn slice(file: &web_sys::Blob, from: f64, to: f64) -> Result<JsFuture, JsValue> {
    Ok(JsFuture::from(
        file.slice_with_f64_and_f64(from, to)?.array_buffer(),
    ))
}

/// The bytes a [`slice`] read.
pub async fn bytes_of(slice: Result<JsFuture, JsValue>) -> Result<Vec<u8>, String> {
    let buffer = slice
        .map_err(|e| js_text(&e))?
        .await
        .map_err(|e| js_text(&e))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Bytes `from..to` of a file as the browser streams them, in chunks of its
/// choosing (tens to hundreds of KB), taken up to any offset.
pub struct Chunks {
    reader: web_sys::ReadableStreamDefaultReader,
    /// The file offset of the next byte to be taken.
    at: f64,
    /// The rest of a chunk cut at a stop.
    pending: Option<js_sys::Uint8Array>,
    /// A chunk asked for, not yet taken.
    next: Option<JsFuture>,
}

impl Chunks {
    pub fn new(file: &web_sys::Blob, from: f64, to: f64) -> Result<Chunks, String> {
        let stream = file
            .slice_with_f64_and_f64(from, to)
            .map_err(|e| js_text(&e))?
            .stream();
        let reader = stream.get_reader().dyn_into().map_err(|e| js_text(&e))?;
        Ok(Chunks {
            reader,
            at: from,
            pending: None,
            next: None,
        })
    }

    /// The file offset of the next byte to be taken.
    pub fn at(&self) -> f64 {
        self.at
    }

    /// Asks for the next chunk now, so it arrives while the rows of the
    /// last are read.
    pub fn ask(&mut self) {
        if self.pending.is_none() && self.next.is_none() {
            self.next = Some(JsFuture::from(self.reader.read()));
        }
    }

    /// The next bytes before file offset `stop`; `None` at the stop or the
    /// end. A chunk that runs past the stop is cut, its rest kept.
    pub async fn take(&mut self, stop: f64) -> Result<Option<js_sys::Uint8Array>, String> {
        if self.at >= stop {
            return Ok(None);
        }
        let chunk = match self.pending.take() {
            Some(chunk) => chunk,
            None => {
                self.ask();
                let Some(next) = self.next.take() else {
                    return Ok(None);
                };
                let result: web_sys::ReadableStreamReadResult =
                    next.await.map_err(|e| js_text(&e))?.unchecked_into();
                if result.get_done().unwrap_or(true) {
                    return Ok(None);
                }
                result.get_value().dyn_into().map_err(|e| js_text(&e))?
            }
        };
        let n = chunk.length();
        if self.at + f64::from(n) > stop {
            let keep = (stop - self.at) as u32;
            self.pending = Some(chunk.subarray(keep, n));
            self.at = stop;
            return Ok(Some(chunk.subarray(0, keep)));
        }
        self.at += f64::from(n);
        Ok(Some(chunk))
    }

    /// The bytes up to and including the next line end (`\n`), and true, if
    /// one comes within `limit` bytes; the rest of its chunk is kept for
    /// [`Chunks::take`]. Else every byte taken looking for it, and false:
    /// they are the reader's all the same.
    pub async fn take_line(&mut self, limit: usize) -> Result<(Vec<u8>, bool), String> {
        let mut line = Vec::new();
        while line.len() < limit {
            // No stop: a chunk cut there would keep its rest in `pending` too.
            let Some(chunk) = self.take(f64::INFINITY).await? else {
                break;
            };
            let from = line.len();
            line.resize(from + chunk.length() as usize, 0);
            if let Some(to) = line.get_mut(from..) {
                chunk.copy_to(to);
            }
            // The same rule the readers' tests split a list by.
            if let Some(n) = line.get(from..).and_then(record_start) {
                let end = from + n;
                let rest = (line.len() - end) as u32;
                if rest > 0 {
                    self.pending = Some(chunk.subarray(chunk.length() - rest, chunk.length()));
                    self.at -= f64::from(rest);
                }
                line.truncate(end);
                return Ok((line, true));
            }
        }
        Ok((line, false))
    }
}
impl Drop for Chunks {
    /// A read given up (the file was refused part way) stops the stream.
    fn drop(&mut self) {
        let _ = self.reader.cancel();
    }
}
