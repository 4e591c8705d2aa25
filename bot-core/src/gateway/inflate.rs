//! Reading `zlib-stream` transport compression: one inflate context per connection; a message
//! is complete when the data ends with `00 00 ff ff` (GW L511-589).

use flate2::{Decompress, FlushDecompress};

/// Inflates one connection's binary frames into JSON text.
pub(crate) struct ZlibStream {
    inflate: Decompress,
    pending: Vec<u8>,
}

const SUFFIX: [u8; 4] = [0, 0, 0xff, 0xff];

impl ZlibStream {
    pub(crate) fn new() -> Self {
        ZlibStream {
            inflate: Decompress::new(true),
            pending: Vec::new(),
        }
    }

    /// Adds a frame; returns a message once one is complete.
    pub(crate) fn push(&mut self, frame: &[u8]) -> Option<Result<Vec<u8>, String>> {
        self.pending.extend_from_slice(frame);
        if !self.pending.ends_with(&SUFFIX) {
            return None;
        }
        let input = std::mem::take(&mut self.pending);
        let mut out = Vec::with_capacity(input.len() * 4);
        let mut consumed = 0;
        loop {
            out.reserve(64 * 1024);
            let before = self.inflate.total_in();
            if let Err(error) =
                self.inflate
                    .decompress_vec(&input[consumed..], &mut out, FlushDecompress::Sync)
            {
                return Some(Err(error.to_string()));
            }
            consumed += (self.inflate.total_in() - before) as usize;
            if consumed >= input.len() && out.len() < out.capacity() {
                return Some(Ok(out));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{Compress, Compression, FlushCompress};

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
    fn garbage_is_an_error_not_a_panic() {
        let mut stream = ZlibStream::new();
        assert!(stream.push(&[1, 2, 3, 0, 0, 0xff, 0xff]).unwrap().is_err());
    }
}
