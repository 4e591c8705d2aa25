//! Transport compression: `zlib-stream`, one deflate context per connection, each message
//! flushed with Z_SYNC_FLUSH so it ends in `00 00 ff ff` (GW L511-589).

use flate2::{Compress, Compression, FlushCompress, Status};

/// Encodes outgoing payloads for one connection.
pub(crate) struct Encoder {
    deflate: Option<Compress>,
}

impl std::fmt::Debug for Encoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Encoder")
            .field("zlib_stream", &self.deflate.is_some())
            .finish()
    }
}

impl Encoder {
    pub(crate) fn new(zlib_stream: bool) -> Self {
        Encoder {
            deflate: zlib_stream.then(|| Compress::new(Compression::fast(), true)),
        }
    }

    /// Whether frames are binary (compressed) rather than text.
    pub(crate) fn is_compressed(&self) -> bool {
        self.deflate.is_some()
    }

    /// The bytes of one message: compressed and sync-flushed, or the text as is.
    pub(crate) fn encode(&mut self, text: &str) -> Vec<u8> {
        let Some(deflate) = &mut self.deflate else {
            return text.as_bytes().to_vec();
        };
        let mut out = Vec::with_capacity(text.len() / 2 + 64);
        let mut input = text.as_bytes();
        loop {
            out.reserve(input.len() / 2 + 64);
            let before_in = deflate.total_in();
            let status = deflate.compress_vec(input, &mut out, FlushCompress::Sync);
            let consumed = (deflate.total_in() - before_in) as usize;
            input = &input[consumed..];
            let flushed = out.ends_with(&[0, 0, 0xff, 0xff]);
            match status {
                Ok(Status::Ok | Status::BufError) if input.is_empty() && flushed => return out,
                Ok(_) => continue,
                Err(_) => return out,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{Decompress, FlushDecompress};

    #[test]
    fn messages_end_with_the_sync_marker_and_share_one_context() {
        let mut encoder = Encoder::new(true);
        let first = encoder.encode(r#"{"op":10,"d":{"heartbeat_interval":41250}}"#);
        let second = encoder.encode(r#"{"op":11}"#);
        assert!(first.ends_with(&[0, 0, 0xff, 0xff]));
        assert!(second.ends_with(&[0, 0, 0xff, 0xff]));
        let mut inflate = Decompress::new(true);
        let mut text = Vec::with_capacity(256);
        inflate
            .decompress_vec(&first, &mut text, FlushDecompress::Sync)
            .unwrap();
        assert_eq!(text, br#"{"op":10,"d":{"heartbeat_interval":41250}}"#);
        let mut text = Vec::with_capacity(256);
        inflate
            .decompress_vec(&second, &mut text, FlushDecompress::Sync)
            .unwrap();
        assert_eq!(text, br#"{"op":11}"#);
    }
}
