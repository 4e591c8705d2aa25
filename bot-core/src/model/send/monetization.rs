//! What a bot sends about entitlements: who a test entitlement is for (Create Test
//! Entitlement), and which entitlements a listing asks for (List Entitlements' filters).

use super::problem::{self, RequestProblem};
use crate::model::{GuildMarker, Id, SkuMarker, UserMarker};
use serde_json::{Value, json};

/// The most SKUs one entitlement listing filters by.
pub const MAX_ENTITLEMENT_SKUS: usize = 100;

/// Who a test entitlement is granted to (spec `EntitlementOwnerTypes`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EntitlementOwner {
    /// A guild (for a guild subscription SKU).
    Guild(Id<GuildMarker>),
    /// A user (for a user subscription SKU).
    User(Id<UserMarker>),
}

impl EntitlementOwner {
    /// The body of `POST /applications/{id}/entitlements` granting `sku` to this owner.
    pub(crate) fn body(self, sku: Id<SkuMarker>) -> Value {
        let (owner, kind) = match self {
            EntitlementOwner::Guild(id) => (id.get(), 1),
            EntitlementOwner::User(id) => (id.get(), 2),
        };
        json!({"sku_id": sku.to_string(), "owner_id": owner.to_string(), "owner_type": kind})
    }
}

/// Which of the application's entitlements a listing returns (Pycord's `entitlements(user,
/// skus, before, after, limit, guild, exclude_ended)`, and Discord's `exclude_deleted`).
/// `before` and `after` are entitlement ids (a snowflake of a time works: every id made
/// earlier, or later).
///
/// ```
/// use bot_core::model::{EntitlementQuery, Id};
/// let query = EntitlementQuery::new().user(Id::new(80351110224678912)).exclude_ended(true);
/// assert!(query.check().is_ok());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
#[must_use]
pub struct EntitlementQuery {
    /// Only this user's.
    pub user: Option<Id<UserMarker>>,
    /// Only those for these SKUs (at most 100).
    pub skus: Vec<Id<SkuMarker>>,
    /// Only those with smaller ids; the listing then goes newest first.
    pub before: Option<u64>,
    /// Only those with larger ids; without `before`, the listing goes oldest first.
    pub after: Option<u64>,
    /// Only this guild's.
    pub guild: Option<Id<GuildMarker>>,
    /// Leave out those that ended.
    pub exclude_ended: bool,
    /// Leave out deleted ones (Discord's default: yes).
    pub exclude_deleted: bool,
}

impl Default for EntitlementQuery {
    fn default() -> Self {
        EntitlementQuery {
            user: None,
            skus: Vec::new(),
            before: None,
            after: None,
            guild: None,
            exclude_ended: false,
            exclude_deleted: true,
        }
    }
}

impl EntitlementQuery {
    /// Every entitlement not deleted.
    pub fn new() -> Self {
        EntitlementQuery::default()
    }

    /// Only `user`'s.
    pub fn user(mut self, user: Id<UserMarker>) -> Self {
        self.user = Some(user);
        self
    }

    /// Only those for these SKUs.
    pub fn skus(mut self, skus: impl IntoIterator<Item = Id<SkuMarker>>) -> Self {
        self.skus = skus.into_iter().collect();
        self
    }

    /// Only those before this id (newest first).
    pub fn before(mut self, id: impl Into<u64>) -> Self {
        self.before = Some(id.into());
        self
    }

    /// Only those after this id.
    pub fn after(mut self, id: impl Into<u64>) -> Self {
        self.after = Some(id.into());
        self
    }

    /// Only `guild`'s.
    pub fn guild(mut self, guild: Id<GuildMarker>) -> Self {
        self.guild = Some(guild);
        self
    }

    /// Whether to leave out those that ended.
    pub fn exclude_ended(mut self, exclude: bool) -> Self {
        self.exclude_ended = exclude;
        self
    }

    /// Whether to leave out deleted ones.
    pub fn exclude_deleted(mut self, exclude: bool) -> Self {
        self.exclude_deleted = exclude;
        self
    }

    /// Checks Discord's limits: at most 100 SKUs, none twice.
    pub fn check(&self) -> Result<(), RequestProblem> {
        problem::count("skus", self.skus.len(), 0, MAX_ENTITLEMENT_SKUS)?;
        let mut seen = std::collections::HashSet::new();
        for sku in &self.skus {
            if !seen.insert(*sku) {
                return Err(RequestProblem::Duplicate {
                    field: "skus",
                    id: sku.get(),
                });
            }
        }
        Ok(())
    }

    /// The query string's filters (no cursor, no limit), each starting with `&`.
    pub(crate) fn filters(&self) -> String {
        let mut query = String::new();
        if let Some(user) = self.user {
            query.push_str(&format!("&user_id={user}"));
        }
        if !self.skus.is_empty() {
            let skus: Vec<String> = self.skus.iter().map(ToString::to_string).collect();
            query.push_str(&format!("&sku_ids={}", skus.join("%2C")));
        }
        if let Some(guild) = self.guild {
            query.push_str(&format!("&guild_id={guild}"));
        }
        query.push_str(&format!(
            "&exclude_ended={}&exclude_deleted={}",
            self.exclude_ended, self.exclude_deleted
        ));
        query
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owners_and_filters_encode_as_discord_reads_them() {
        assert_eq!(
            EntitlementOwner::Guild(Id::new(5)).body(Id::new(9)),
            json!({"sku_id": "9", "owner_id": "5", "owner_type": 1})
        );
        let query = EntitlementQuery::new()
            .user(Id::new(1))
            .skus([Id::new(2), Id::new(3)])
            .guild(Id::new(4))
            .exclude_ended(true);
        assert_eq!(
            query.filters(),
            "&user_id=1&sku_ids=2%2C3&guild_id=4&exclude_ended=true&exclude_deleted=true"
        );
        let twice = EntitlementQuery::new().skus([Id::new(2), Id::new(2)]);
        assert_eq!(
            twice.check(),
            Err(RequestProblem::Duplicate {
                field: "skus",
                id: 2
            })
        );
    }
}
