//! The application's role-connection metadata records (Update Application Role Connection
//! Metadata Records), with Discord's limits checked before sending: at most 5 records, keys of
//! 1 to 50 characters of `a-z`, `0-9` and `_` (each key once), names of 1 to 100 characters and
//! descriptions of 1 to 200, in every locale too.

use super::problem::{self, RequestProblem};
use crate::model::RoleConnectionMetadata;

/// The most metadata records of an application.
pub const MAX_ROLE_CONNECTION_METADATA: usize = 5;

/// Checks a list of metadata records against Discord's limits.
///
/// ```
/// use bot_core::model::{RoleConnectionMetadata, RoleConnectionMetadataType, check_role_connection_metadata};
/// let won = RoleConnectionMetadata::new(
///     RoleConnectionMetadataType::IntegerGreaterThanOrEqual, "matches_won", "Matches won", "At least");
/// assert!(check_role_connection_metadata(&[won.clone()]).is_ok());
/// assert!(check_role_connection_metadata(&vec![won; 6]).is_err());
/// ```
pub fn check_role_connection_metadata(
    records: &[RoleConnectionMetadata],
) -> Result<(), RequestProblem> {
    problem::count("records", records.len(), 0, MAX_ROLE_CONNECTION_METADATA)?;
    let mut keys = std::collections::HashSet::new();
    for record in records {
        problem::length("key", &record.key, 1, 50)?;
        if !record
            .key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        {
            return Err(RequestProblem::NotAllowed {
                field: "key",
                why: "a key holds only a-z, 0-9 and _",
            });
        }
        if !keys.insert(&record.key) {
            return Err(RequestProblem::NotAllowed {
                field: "key",
                why: "each key may appear once",
            });
        }
        problem::length("name", &record.name, 1, 100)?;
        problem::length("description", &record.description, 1, 200)?;
        for name in record.name_localizations.iter() {
            problem::length("name_localizations", &name.value, 1, 100)?;
        }
        for description in record.description_localizations.iter() {
            problem::length("description_localizations", &description.value, 1, 200)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RoleConnectionMetadataType;

    fn record(key: &str) -> RoleConnectionMetadata {
        RoleConnectionMetadata::new(RoleConnectionMetadataType::BooleanEqual, key, "n", "d")
    }

    #[test]
    fn keys_counts_and_lengths_are_checked() {
        assert!(check_role_connection_metadata(&[record("a_1"), record("b")]).is_ok());
        assert!(check_role_connection_metadata(&[]).is_ok());
        for bad in ["", "Upper", "with-dash", &"k".repeat(51)] {
            assert!(
                check_role_connection_metadata(&[record(bad)]).is_err(),
                "{bad:?}"
            );
        }
        assert!(check_role_connection_metadata(&[record("a"), record("a")]).is_err());
        let many: Vec<_> = (0..6).map(|i| record(&format!("k{i}"))).collect();
        assert!(matches!(
            check_role_connection_metadata(&many),
            Err(RequestProblem::Count {
                field: "records",
                count: 6,
                ..
            })
        ));
        let mut long = record("k");
        long.description = "d".repeat(201).into();
        assert!(check_role_connection_metadata(&[long]).is_err());
    }
}
