//! Files sent inline as data URIs (`data:image/png;base64,...`): an emoji's image, an event's
//! cover, a soundboard sound. The type is read from the file's first bytes, and the size checked
//! against the route's limit, before sending.

use super::problem::RequestProblem;
use base64::Engine;

/// The most bytes of an emoji's image: 256 KiB.
pub const MAX_EMOJI_BYTES: usize = 256 * 1024;

/// The image types Discord takes inline, by their first bytes.
fn image_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(b"\xff\xd8\xff") {
        Some("image/jpeg")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("image/gif")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else {
        None
    }
}

/// Checks that `bytes` (the argument `field`) is a PNG, JPEG, GIF or WebP image of 1 to
/// `max` bytes.
pub(crate) fn check_image(
    field: &'static str,
    bytes: &[u8],
    max: usize,
) -> Result<(), RequestProblem> {
    if bytes.is_empty() || bytes.len() > max {
        return Err(RequestProblem::OutOfRange {
            field,
            value: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
            min: 1,
            max: max as i64,
        });
    }
    match image_type(bytes) {
        Some(_) => Ok(()),
        None => Err(RequestProblem::NotAllowed {
            field,
            why: "not a PNG, JPEG, GIF or WebP image",
        }),
    }
}

/// `bytes` as a data URI with its image type, or `None` when it is not an image Discord takes.
///
/// ```
/// use bot_core::model::image_data_uri;
/// let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
/// assert!(image_data_uri(png).unwrap().starts_with("data:image/png;base64,iVBORw0KGgo"));
/// assert_eq!(image_data_uri(b"plain text"), None);
/// ```
pub fn image_data_uri(bytes: &[u8]) -> Option<String> {
    image_type(bytes).map(|kind| data_uri(kind, bytes))
}

/// `bytes` as a data URI of `kind`.
pub(crate) fn data_uri(kind: &str, bytes: &[u8]) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
    format!("data:{kind};base64,{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_recognised_and_sized() {
        assert_eq!(image_type(b"GIF89a..."), Some("image/gif"));
        assert_eq!(image_type(b"\xff\xd8\xff\xe0"), Some("image/jpeg"));
        assert_eq!(image_type(b"RIFF\0\0\0\0WEBPVP8 "), Some("image/webp"));
        assert!(check_image("image", b"GIF89a", 10).is_ok());
        assert!(matches!(
            check_image("image", b"GIF89a", 3),
            Err(RequestProblem::OutOfRange { max: 3, .. })
        ));
        assert!(matches!(
            check_image("image", b"", 3),
            Err(RequestProblem::OutOfRange { value: 0, .. })
        ));
        assert!(matches!(
            check_image("image", b"%PDF-1.4", 100),
            Err(RequestProblem::NotAllowed { .. })
        ));
        assert_eq!(
            data_uri("audio/ogg", b"OggS"),
            "data:audio/ogg;base64,T2dnUw=="
        );
    }
}
