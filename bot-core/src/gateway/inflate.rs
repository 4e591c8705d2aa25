//! Reading `zlib-stream` transport compression: one inflate context per connection; a message
//! is complete when the data ends with `00 00 ff ff` (GW L511-589).
//!
//! The input comes from the network, so inflating is bounded: a message may inflate to at most
//! [`MAX_MESSAGE`] bytes (a zip bomb is an error, not a growing buffer), and inflating stops when
//! the stream ends (Discord's never does) or when the inflater makes no progress.

use flate2::{Decompress, FlushDecompress, Status};
use std::fmt;

/// The most one gateway message may inflate to: 32 MiB. Discord's largest payloads (READY and
/// GUILD_CREATE of big guilds) are far smaller; a frame that inflates past this is treated as a
/// zip bomb and the connection is closed and resumed.
pub const MAX_MESSAGE: usize = 32 << 20;

/// Why a message could not be inflated. The connection cannot go on: its context is lost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InflateError {
    /// The message inflates (or its compressed frames add up) past the limit.
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// The zlib stream ended; a `zlib-stream` connection's never does.
    Ended,
    /// The inflater made no progress with input left.
    Stalled,
    /// The data is not a zlib stream.
    Corrupt(String),
}

impl fmt::Display for InflateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InflateError::TooLarge { limit } => {
                write!(f, "a message inflates past {limit} bytes")
            }
            InflateError::Ended => write!(f, "the zlib stream ended"),
            InflateError::Stalled => write!(f, "the inflater made no progress"),
            InflateError::Corrupt(why) => write!(f, "corrupt zlib stream: {why}"),
        }
    }
}

impl std::error::Error for InflateError {}

/// Inflates one connection's binary frames into JSON text.
#[derive(Debug)]
pub struct ZlibStream {
    inflate: Decompress,
    pending: Vec<u8>,
    limit: usize,
    ended: bool,
}

const SUFFIX: [u8; 4] = [0, 0, 0xff, 0xff];

/// The smallest step by which the output grows.
const GROWTH: usize = 64 * 1024;

impl Default for ZlibStream {
    fn default() -> Self {
        ZlibStream::new()
    }
}

impl ZlibStream {
    /// A new connection's context, with the [`MAX_MESSAGE`] limit.
    pub fn new() -> Self {
        ZlibStream::with_limit(MAX_MESSAGE)
    }

    /// A new connection's context whose messages may inflate to at most `limit` bytes.
    pub fn with_limit(limit: usize) -> Self {
        ZlibStream {
            inflate: Decompress::new(true),
            pending: Vec::new(),
            limit,
            ended: false,
        }
    }

    /// Adds a frame; returns a message once one is complete. After an error the stream stays
    /// unusable: the connection must be replaced.
    pub fn push(&mut self, frame: &[u8]) -> Option<Result<Vec<u8>, InflateError>> {
        if self.ended {
            return Some(Err(InflateError::Ended));
        }
        if self.pending.len().saturating_add(frame.len()) > self.limit {
            self.pending = Vec::new();
            self.ended = true;
            return Some(Err(InflateError::TooLarge { limit: self.limit }));
        }
        self.pending.extend_from_slice(frame);
        if !self.pending.ends_with(&SUFFIX) {
            return None;
        }
        let input = std::mem::take(&mut self.pending);
        let message = self.inflate(&input);
        if message.is_err() {
            self.ended = true;
        }
        Some(message)
    }

    fn inflate(&mut self, input: &[u8]) -> Result<Vec<u8>, InflateError> {
        let too_large = InflateError::TooLarge { limit: self.limit };
        // One byte past the limit tells a message of exactly `limit` bytes from a larger one.
        let room = self.limit.saturating_add(1);
        let mut out = Vec::with_capacity(input.len().saturating_mul(4).max(GROWTH).min(room));
        let mut consumed = 0;
        loop {
            if out.len() == out.capacity() {
                if out.len() >= room {
                    return Err(too_large);
                }
                out.reserve_exact(out.len().max(GROWTH).min(room - out.len()));
            }
            let (read_before, written_before) = (self.inflate.total_in(), self.inflate.total_out());
            let status = self
                .inflate
                .decompress_vec(&input[consumed..], &mut out, FlushDecompress::Sync)
                .map_err(|e| InflateError::Corrupt(e.to_string()))?;
            let read = usize::try_from(self.inflate.total_in() - read_before).unwrap_or(usize::MAX);
            let wrote = self.inflate.total_out() - written_before;
            consumed = consumed.saturating_add(read).min(input.len());
            if out.len() > self.limit {
                return Err(too_large);
            }
            if status == Status::StreamEnd {
                return Err(InflateError::Ended);
            }
            if consumed == input.len() && out.len() < out.capacity() {
                return Ok(out);
            }
            if read == 0 && wrote == 0 && out.len() < out.capacity() {
                return Err(InflateError::Stalled);
            }
        }
    }
}

/// A zlib stream of `size` spaces, flushed like one gateway message: a zip bomb when `size` is
/// past the limit (40 MiB compress to about 40 KiB).
#[cfg(test)]
pub(crate) fn bomb(size: usize) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let mut deflate = Compress::new(Compression::fast(), true);
    let spaces = vec![b' '; 1 << 20];
    let mut frame = Vec::new();
    let mut left = size;
    while left > 0 {
        let chunk = &spaces[..left.min(spaces.len())];
        let before = deflate.total_in();
        while deflate.total_in() - before < chunk.len() as u64 {
            frame.reserve(GROWTH);
            let done = (deflate.total_in() - before) as usize;
            deflate
                .compress_vec(&chunk[done..], &mut frame, FlushCompress::None)
                .expect("deflate");
        }
        left -= chunk.len();
    }
    loop {
        frame.reserve(GROWTH);
        deflate
            .compress_vec(&[], &mut frame, FlushCompress::Sync)
            .expect("deflate");
        if frame.ends_with(&SUFFIX) && frame.len() < frame.capacity() {
            return frame;
        }
    }
}

/// A whole zlib stream (ended with `Z_FINISH`) holding `text`, then the sync-flush suffix: what
/// a server that ends its stream sends.
#[cfg(test)]
pub(crate) fn ended_stream(text: &str) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let mut frame = Vec::with_capacity(text.len() + 64);
    Compress::new(Compression::default(), true)
        .compress_vec(text.as_bytes(), &mut frame, FlushCompress::Finish)
        .expect("deflate");
    frame.extend_from_slice(&SUFFIX);
    frame
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{Compress, Compression, FlushCompress};
    use std::time::Duration;

    fn compress(deflate: &mut Compress, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() + 64);
        deflate
            .compress_vec(text.as_bytes(), &mut out, FlushCompress::Sync)
            .unwrap();
        out
    }

    #[test]
    fn messages_split_over_frames_and_sharing_one_context() {
        let mut deflate = Compress::new(Compression::default(), true);
        let mut stream = ZlibStream::new();
        let first = compress(&mut deflate, r#"{"op":10}"#);
        let (a, b) = first.split_at(3);
        assert!(stream.push(a).is_none());
        assert_eq!(stream.push(b).unwrap().unwrap(), br#"{"op":10}"#);
        let second = compress(&mut deflate, r#"{"op":11}"#);
        assert_eq!(stream.push(&second).unwrap().unwrap(), br#"{"op":11}"#);
    }

    #[test]
    fn a_message_larger_than_the_first_guess_is_whole() {
        let text = format!(r#"{{"t":"{}"}}"#, "ab".repeat(200_000));
        let mut deflate = Compress::new(Compression::default(), true);
        let mut stream = ZlibStream::with_limit(text.len());
        let frame = compress_all(&mut deflate, &text);
        assert_eq!(stream.push(&frame).unwrap().unwrap(), text.as_bytes());
    }

    fn compress_all(deflate: &mut Compress, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() + 64);
        while deflate.total_in() < text.len() as u64 || !out.ends_with(&SUFFIX) {
            out.reserve(GROWTH);
            let done = deflate.total_in() as usize;
            deflate
                .compress_vec(&text.as_bytes()[done..], &mut out, FlushCompress::Sync)
                .unwrap();
        }
        out
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        let mut stream = ZlibStream::new();
        assert!(matches!(
            stream.push(&[1, 2, 3, 0, 0, 0xff, 0xff]),
            Some(Err(InflateError::Corrupt(_)))
        ));
        assert_eq!(stream.push(&SUFFIX), Some(Err(InflateError::Ended)));
    }

    #[test]
    fn a_stream_end_stops_the_inflater() {
        let frame = ended_stream(r#"{"op":11}"#);
        // In a thread: the inflater of old spun for ever here.
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut stream = ZlibStream::new();
            let first = stream.push(&frame);
            let _ = tx.send((first, stream.push(&SUFFIX)));
        });
        let answers = rx.recv_timeout(Duration::from_secs(2));
        let (first, then) = answers.expect("push returned instead of spinning");
        assert_eq!(first, Some(Err(InflateError::Ended)));
        assert_eq!(then, Some(Err(InflateError::Ended)), "and stays stopped");
    }

    #[test]
    fn a_zip_bomb_is_an_error_and_memory_stays_bounded() {
        let frame = bomb(MAX_MESSAGE + (8 << 20));
        assert!(frame.len() < 1 << 20, "{} compressed bytes", frame.len());
        let mut stream = ZlibStream::new();
        assert_eq!(
            stream.push(&frame),
            Some(Err(InflateError::TooLarge { limit: MAX_MESSAGE }))
        );
        // Exactly at the limit is fine; one byte more is not.
        let mut stream = ZlibStream::with_limit(1000);
        assert_eq!(stream.push(&bomb(1000)).unwrap().unwrap().len(), 1000);
        let mut stream = ZlibStream::with_limit(1000);
        assert!(matches!(
            stream.push(&bomb(1001)),
            Some(Err(InflateError::TooLarge { .. }))
        ));
    }

    #[test]
    fn compressed_frames_that_never_end_a_message_are_bounded_too() {
        let mut stream = ZlibStream::with_limit(100);
        assert_eq!(stream.push(&[0x78; 60]), None);
        assert_eq!(
            stream.push(&[0x9c; 60]),
            Some(Err(InflateError::TooLarge { limit: 100 }))
        );
        assert!(stream.pending.is_empty(), "the buffer is freed");
    }
}
