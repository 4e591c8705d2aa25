//! The application's SKUs, entitlements and subscriptions (developers/resources/sku.mdx,
//! entitlement.mdx, subscription.mdx). The sandbox seeds two SKUs (a user subscription and a
//! consumable); tests add more, purchases and subscriptions through the handle. Test
//! entitlements are granted and taken back over REST (ENTITLEMENT_CREATE / _DELETE), and a
//! consumable's entitlement is consumed (ENTITLEMENT_UPDATE). Entitlement events belong to no
//! guild: they go to shard 0, whatever the intents.

use super::World;
use super::change::{Changed, Refusal};
use super::invites::iso_of;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// SKU types (developers/resources/sku.mdx "SKU Types").
pub(crate) const DURABLE: u8 = 2;
/// A consumable one-time purchase.
pub(crate) const CONSUMABLE: u8 = 3;
/// A recurring subscription.
pub(crate) const SUBSCRIPTION: u8 = 5;
/// SKU flags: AVAILABLE, GUILD_SUBSCRIPTION, USER_SUBSCRIPTION.
const AVAILABLE: u64 = 1 << 2;
const GUILD_SUBSCRIPTION: u64 = 1 << 7;
const USER_SUBSCRIPTION: u64 = 1 << 8;
/// Entitlement types: PURCHASE, TEST_MODE_PURCHASE, APPLICATION_SUBSCRIPTION.
const PURCHASE: u8 = 1;
const TEST_MODE_PURCHASE: u8 = 4;
const APPLICATION_SUBSCRIPTION: u8 = 8;
/// A subscription's period, in seconds (30 days).
pub(super) const PERIOD: u64 = 30 * 24 * 3600;

/// A SKU of the application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SkuRecord {
    pub(crate) id: u64,
    pub(crate) kind: u8,
    pub(crate) name: String,
    pub(crate) flags: u64,
}

/// Whom an entitlement belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Owner {
    Guild(u64),
    User(u64),
}

/// An entitlement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct EntitlementRecord {
    pub(crate) id: u64,
    pub(crate) sku: u64,
    pub(crate) owner: Owner,
    pub(crate) kind: u8,
    pub(crate) deleted: bool,
    pub(crate) consumed: bool,
    /// Unix seconds; `None` for test entitlements (Discord gives them no dates).
    pub(crate) starts_at: Option<u64>,
    pub(crate) ends_at: Option<u64>,
}

/// A user's subscription to SKUs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SubscriptionRecord {
    pub(crate) id: u64,
    pub(crate) user: u64,
    pub(crate) sku: u64,
    pub(crate) entitlement: u64,
    pub(crate) period_start: u64,
    pub(crate) status: u8,
}

/// The application's store: SKUs, entitlements and subscriptions by id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Store {
    pub(crate) skus: Vec<SkuRecord>,
    pub(crate) entitlements: BTreeMap<u64, EntitlementRecord>,
    pub(crate) subscriptions: BTreeMap<u64, SubscriptionRecord>,
}

/// Seconds since the epoch.
pub(crate) fn now_seconds() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The filters of `GET /applications/{id}/entitlements`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct EntitlementFilter {
    pub(crate) user: Option<u64>,
    pub(crate) skus: Vec<u64>,
    pub(crate) guild: Option<u64>,
    pub(crate) before: Option<u64>,
    pub(crate) after: Option<u64>,
    pub(crate) limit: usize,
    pub(crate) exclude_ended: bool,
    pub(crate) exclude_deleted: bool,
}

impl EntitlementRecord {
    fn json(&self, application: u64) -> Value {
        let (user, guild) = match self.owner {
            Owner::User(user) => (Some(user), None),
            Owner::Guild(guild) => (None, Some(guild)),
        };
        let mut value = json!({
            "id": self.id.to_string(),
            "sku_id": self.sku.to_string(),
            "application_id": application.to_string(),
            "type": self.kind,
            "deleted": self.deleted,
            "consumed": self.consumed,
            "starts_at": self.starts_at.map(iso_of),
            "ends_at": self.ends_at.map(iso_of),
            "guild_id": guild.map(|g| g.to_string()),
        });
        if let Some(user) = user {
            value["user_id"] = json!(user.to_string());
        }
        value
    }

    fn ended(&self, now: u64) -> bool {
        self.ends_at.is_some_and(|end| end <= now)
    }
}

impl SkuRecord {
    pub(crate) fn json(&self, application: u64) -> Value {
        json!({
            "id": self.id.to_string(),
            "type": self.kind,
            "application_id": application.to_string(),
            "name": self.name,
            "slug": self.name.to_ascii_lowercase().replace(' ', "-"),
            "flags": self.flags,
        })
    }
}

impl World {
    /// The SKUs every sandbox starts with: a user subscription and a consumable.
    pub(crate) fn seed_skus(&mut self) {
        self.add_sku("Sandbox Premium", SUBSCRIPTION, false);
        self.add_sku("Sandbox Coins", CONSUMABLE, false);
    }

    /// Adds a SKU (`guild`: a guild subscription rather than a user one); its id.
    pub(crate) fn add_sku(&mut self, name: &str, kind: u8, guild: bool) -> u64 {
        let id = self.ids.next();
        let subscription = match (kind, guild) {
            (SUBSCRIPTION, true) => GUILD_SUBSCRIPTION,
            (SUBSCRIPTION, false) => USER_SUBSCRIPTION,
            _ => 0,
        };
        self.store.skus.push(SkuRecord {
            id,
            kind,
            name: name.to_owned(),
            flags: AVAILABLE | subscription,
        });
        id
    }

    /// The SKUs as `GET /applications/{id}/skus` lists them.
    pub(crate) fn skus_json(&self) -> Vec<Value> {
        self.store
            .skus
            .iter()
            .map(|s| s.json(self.application_id))
            .collect()
    }

    pub(super) fn sku(&self, id: u64) -> Option<&SkuRecord> {
        self.store.skus.iter().find(|s| s.id == id)
    }

    fn entitlement_event(&self, event: &'static str, id: u64) -> Changed<()> {
        let data = self.store.entitlements[&id].json(self.application_id);
        Changed::quiet(()).emit(event, None, None, data)
    }

    /// Records an entitlement and emits ENTITLEMENT_CREATE; its JSON.
    fn grant(&mut self, record: EntitlementRecord) -> Changed<Value> {
        let id = record.id;
        self.store.entitlements.insert(id, record);
        let value = self.store.entitlements[&id].json(self.application_id);
        Changed::quiet(value.clone()).emit("ENTITLEMENT_CREATE", None, None, value)
    }

    /// `POST /applications/{id}/entitlements`: a test entitlement of `sku` for a guild (owner
    /// type 1) or a user (2). 10027 for a SKU not the application's, 10004 / 10013 for an
    /// unknown owner.
    pub(crate) fn create_test_entitlement(
        &mut self,
        sku: u64,
        owner: u64,
        owner_type: u64,
    ) -> Result<Changed<Value>, Refusal> {
        if self.sku(sku).is_none() {
            return Err(Refusal::unknown(10027, "SKU"));
        }
        let owner = match owner_type {
            1 if self.guilds.contains_key(&owner) => Owner::Guild(owner),
            1 => return Err(Refusal::unknown(10004, "Guild")),
            2 if self.users.contains_key(&owner) => Owner::User(owner),
            2 => return Err(Refusal::unknown(10013, "User")),
            _ => {
                return Err(Refusal::bad_request(
                    50035,
                    "owner_type: Value must be one of {1, 2}.",
                ));
            }
        };
        let record = EntitlementRecord {
            id: self.ids.next(),
            sku,
            owner,
            kind: TEST_MODE_PURCHASE,
            deleted: false,
            consumed: false,
            starts_at: None,
            ends_at: None,
        };
        Ok(self.grant(record))
    }

    /// A user buys `sku` (a one-time purchase): ENTITLEMENT_CREATE; its id, `None` for an
    /// unknown user or SKU.
    pub(crate) fn purchase(&mut self, user: u64, sku: u64) -> Option<Changed<u64>> {
        if !self.users.contains_key(&user) || self.sku(sku).is_none() {
            return None;
        }
        let id = self.ids.next();
        let record = EntitlementRecord {
            id,
            sku,
            owner: Owner::User(user),
            kind: PURCHASE,
            deleted: false,
            consumed: false,
            starts_at: Some(now_seconds()),
            ends_at: None,
        };
        Some(self.grant(record).map(|_| id))
    }

    /// A user subscribes to `sku` for 30 days from now: the subscription and its entitlement
    /// (ENTITLEMENT_CREATE); `None` unless `sku` is a subscription SKU and the user known.
    pub(crate) fn subscribe(&mut self, user: u64, sku: u64) -> Option<Changed<(u64, u64)>> {
        if !self.users.contains_key(&user) || self.sku(sku)?.kind != SUBSCRIPTION {
            return None;
        }
        let (subscription, entitlement, now) = (self.ids.next(), self.ids.next(), now_seconds());
        self.store.subscriptions.insert(
            subscription,
            SubscriptionRecord {
                id: subscription,
                user,
                sku,
                entitlement,
                period_start: now,
                status: 0,
            },
        );
        let record = EntitlementRecord {
            id: entitlement,
            sku,
            owner: Owner::User(user),
            kind: APPLICATION_SUBSCRIPTION,
            deleted: false,
            consumed: false,
            starts_at: Some(now),
            ends_at: Some(now + PERIOD),
        };
        Some(self.grant(record).map(|_| (subscription, entitlement)))
    }

    /// An entitlement's period ends now (a subscription lapses): ENTITLEMENT_UPDATE with its
    /// `ends_at`; `false` for an unknown one.
    pub(crate) fn end_entitlement(&mut self, id: u64) -> Option<Changed<()>> {
        let record = self.store.entitlements.get_mut(&id)?;
        record.ends_at = Some(now_seconds().saturating_sub(1));
        Some(self.entitlement_event("ENTITLEMENT_UPDATE", id))
    }

    /// The entitlements `filter` asks for: newest first, or oldest first after `after` alone.
    pub(crate) fn entitlements_json(&self, filter: &EntitlementFilter) -> Vec<Value> {
        let now = now_seconds();
        let wanted = |e: &&EntitlementRecord| {
            filter.user.is_none_or(|u| e.owner == Owner::User(u))
                && filter.guild.is_none_or(|g| e.owner == Owner::Guild(g))
                && (filter.skus.is_empty() || filter.skus.contains(&e.sku))
                && filter.before.is_none_or(|b| e.id < b)
                && filter.after.is_none_or(|a| e.id > a)
                && !(filter.exclude_ended && e.ended(now))
                && !(filter.exclude_deleted && e.deleted)
        };
        let matching = self.store.entitlements.values().filter(wanted);
        let ordered: Vec<&EntitlementRecord> = if filter.after.is_some() && filter.before.is_none()
        {
            matching.collect()
        } else {
            matching.rev().collect()
        };
        ordered
            .into_iter()
            .take(filter.limit)
            .map(|e| e.json(self.application_id))
            .collect()
    }

    /// One entitlement (10029 when unknown).
    pub(crate) fn entitlement_json(&self, id: u64) -> Result<Value, Refusal> {
        self.store
            .entitlements
            .get(&id)
            .map(|e| e.json(self.application_id))
            .ok_or_else(|| Refusal::unknown(10029, "Entitlement"))
    }

    /// Deletes a test entitlement: ENTITLEMENT_DELETE. 10029 for an unknown or deleted one;
    /// 400 for one that was not granted for testing.
    pub(crate) fn delete_test_entitlement(&mut self, id: u64) -> Result<Changed<()>, Refusal> {
        let record = self
            .store
            .entitlements
            .get_mut(&id)
            .filter(|e| !e.deleted)
            .ok_or_else(|| Refusal::unknown(10029, "Entitlement"))?;
        if record.kind != TEST_MODE_PURCHASE {
            return Err(Refusal::bad_request(
                50035,
                "entitlement_id: Only test entitlements can be deleted.",
            ));
        }
        record.deleted = true;
        Ok(self.entitlement_event("ENTITLEMENT_DELETE", id))
    }

    /// Consumes an entitlement of a consumable SKU: ENTITLEMENT_UPDATE with `consumed: true`.
    /// 10029 for an unknown or deleted one; 400 for one of another kind of SKU or already
    /// consumed.
    pub(crate) fn consume_entitlement(&mut self, id: u64) -> Result<Changed<()>, Refusal> {
        let record = self
            .store
            .entitlements
            .get(&id)
            .filter(|e| !e.deleted)
            .ok_or_else(|| Refusal::unknown(10029, "Entitlement"))?;
        if self.sku(record.sku).map(|s| s.kind) != Some(CONSUMABLE) {
            return Err(Refusal::bad_request(
                50035,
                "entitlement_id: Only entitlements of consumable SKUs can be consumed.",
            ));
        }
        if record.consumed {
            return Err(Refusal::bad_request(
                50035,
                "entitlement_id: This entitlement was already consumed.",
            ));
        }
        if let Some(record) = self.store.entitlements.get_mut(&id) {
            record.consumed = true;
        }
        Ok(self.entitlement_event("ENTITLEMENT_UPDATE", id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_entitlements_are_granted_consumed_and_deleted() {
        let mut world = World::new("bot", false);
        let user = world.add_user("buyer");
        let coins = world.add_sku("Coins", CONSUMABLE, false);
        let sword = world.add_sku("Sword", DURABLE, false);
        let granted = world.create_test_entitlement(coins, user, 2).unwrap();
        assert_eq!(granted.events[0].event, "ENTITLEMENT_CREATE");
        let id: u64 = granted.value["id"].as_str().unwrap().parse().unwrap();
        assert!(
            world.create_test_entitlement(coins, 1, 2).is_err(),
            "unknown user"
        );
        assert_eq!(
            world.create_test_entitlement(1, user, 2).unwrap_err().code,
            10027
        );
        world.consume_entitlement(id).unwrap();
        assert!(world.consume_entitlement(id).is_err(), "consumed once");
        let durable = world.create_test_entitlement(sword, user, 2).unwrap().value;
        let durable: u64 = durable["id"].as_str().unwrap().parse().unwrap();
        assert!(world.consume_entitlement(durable).is_err());
        let all = EntitlementFilter {
            limit: 100,
            exclude_deleted: true,
            ..EntitlementFilter::default()
        };
        assert_eq!(world.entitlements_json(&all).len(), 2);
        world.delete_test_entitlement(durable).unwrap();
        assert_eq!(world.entitlements_json(&all).len(), 1);
        let purchase = world.purchase(user, sword).unwrap().value;
        assert_eq!(
            world.delete_test_entitlement(purchase).unwrap_err().status,
            400
        );
    }
}
