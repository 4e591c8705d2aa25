//! Image hashes (avatars, banners) kept in 17 bytes instead of a 34-byte string.

use std::fmt;

/// An image hash as Discord sends it (`"a_"` for animated, then 32 hex digits), stored as its
/// 16 bytes; a hash of another shape is kept as sent.
///
/// ```
/// use bot_core::cache::ImageHash;
/// let hash = ImageHash::parse("a_1269e74af4df7417b13759eae50c83dc");
/// assert!(hash.is_animated());
/// assert_eq!(hash.to_string(), "a_1269e74af4df7417b13759eae50c83dc");
/// assert_eq!(ImageHash::parse("not-hex").to_string(), "not-hex");
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ImageHash(Repr);

#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    Hex { bytes: [u8; 16], animated: bool },
    Other(Box<str>),
}

impl ImageHash {
    /// The hash of `text`.
    pub fn parse(text: &str) -> ImageHash {
        let (animated, hex) = match text.strip_prefix("a_") {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        match hex_bytes(hex) {
            Some(bytes) => ImageHash(Repr::Hex { bytes, animated }),
            None => ImageHash(Repr::Other(text.into())),
        }
    }

    /// Whether the image is animated (a GIF).
    pub fn is_animated(&self) -> bool {
        match &self.0 {
            Repr::Hex { animated, .. } => *animated,
            Repr::Other(text) => text.starts_with("a_"),
        }
    }
}

/// The 16 bytes of 32 lowercase hex digits.
fn hex_bytes(hex: &str) -> Option<[u8; 16]> {
    let digits = hex.as_bytes();
    if digits.len() != 32 {
        return None;
    }
    let mut bytes = [0u8; 16];
    for (byte, pair) in bytes.iter_mut().zip(digits.chunks_exact(2)) {
        let high = digit(pair[0])?;
        let low = digit(pair[1])?;
        *byte = high << 4 | low;
    }
    Some(bytes)
}

fn digit(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    }
}

impl fmt::Display for ImageHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Hex { bytes, animated } => {
                if *animated {
                    f.write_str("a_")?;
                }
                for byte in bytes {
                    write!(f, "{byte:02x}")?;
                }
                Ok(())
            }
            Repr::Other(text) => f.write_str(text),
        }
    }
}

impl fmt::Debug for ImageHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ImageHash({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_round_trips_and_uppercase_or_short_ones_are_kept_as_sent() {
        for text in [
            "1269e74af4df7417b13759eae50c83dc",
            "a_00000000000000000000000000000000",
            "1269E74AF4DF7417B13759EAE50C83DC",
            "a_short",
            "",
        ] {
            assert_eq!(ImageHash::parse(text).to_string(), text);
        }
        assert!(!ImageHash::parse("1269e74af4df7417b13759eae50c83dc").is_animated());
        assert!(std::mem::size_of::<ImageHash>() <= 24);
    }
}
