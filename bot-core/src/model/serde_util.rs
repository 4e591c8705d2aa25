//! Small helpers for the models' serde attributes.

/// `skip_serializing_if` for booleans that default to `false`.
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde passes a reference"
)]
pub(crate) fn is_false(value: &bool) -> bool {
    !*value
}
