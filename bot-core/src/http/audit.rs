//! `X-Audit-Log-Reason`: the reason shown in the guild's audit log for a change, percent-encoded
//! UTF-8 of at most 512 characters (developers/resources/audit-log.mdx).

use super::RequestProblem;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// The header's name.
pub const AUDIT_LOG_REASON: &str = "X-Audit-Log-Reason";
/// The most characters of a reason.
pub const AUDIT_LOG_REASON_LIMIT: usize = 512;

/// Everything but RFC 3986's unreserved characters is encoded.
const ENCODED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The header value of `reason`, or the problem that keeps it from being sent.
pub(crate) fn encode(reason: &str) -> Result<String, RequestProblem> {
    let length = reason.chars().count();
    if length == 0 || length > AUDIT_LOG_REASON_LIMIT {
        return Err(RequestProblem::Length {
            field: "reason",
            length,
            min: 1,
            max: AUDIT_LOG_REASON_LIMIT,
        });
    }
    Ok(utf8_percent_encode(reason, ENCODED).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_percent_encoded_and_bounded() {
        assert_eq!(encode("spam, again").unwrap(), "spam%2C%20again");
        assert_eq!(encode("café ✓").unwrap(), "caf%C3%A9%20%E2%9C%93");
        assert_eq!(encode("a-b_c.d~e").unwrap(), "a-b_c.d~e");
        assert!(
            encode(&"é".repeat(512)).is_ok(),
            "512 characters, not bytes"
        );
        assert!(matches!(
            encode(&"x".repeat(513)),
            Err(RequestProblem::Length { length: 513, .. })
        ));
        assert!(encode("").is_err());
        // Line breaks cannot reach the header as they are.
        assert!(!encode("a\r\nX-Evil: 1").unwrap().contains('\n'));
    }
}
