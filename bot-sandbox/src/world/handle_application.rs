//! What a test sets up and reads about the application through the handle: its SKUs, users'
//! purchases and subscriptions (each emits ENTITLEMENT_CREATE as Discord does), a lapsing
//! entitlement (ENTITLEMENT_UPDATE), running activity instances, and the application object as
//! REST shows it.

use super::monetization::{CONSUMABLE, DURABLE, SUBSCRIPTION};
use crate::SandboxHandle;
use serde_json::Value;

/// What a SKU sells (developers/resources/sku.mdx "SKU Types").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SkuKind {
    /// A one-time purchase kept for good.
    Durable,
    /// A one-time purchase used up when consumed.
    Consumable,
    /// A recurring subscription, of a user.
    UserSubscription,
    /// A recurring subscription, of a guild.
    GuildSubscription,
}

impl SandboxHandle {
    /// Adds a SKU to the application (`GET /applications/{id}/skus` lists it after the two
    /// the sandbox seeds: "Sandbox Premium", a user subscription, and "Sandbox Coins", a
    /// consumable); its id.
    pub fn add_sku(&self, name: &str, kind: SkuKind) -> u64 {
        let (kind, guild) = match kind {
            SkuKind::Durable => (DURABLE, false),
            SkuKind::Consumable => (CONSUMABLE, false),
            SkuKind::UserSubscription => (SUBSCRIPTION, false),
            SkuKind::GuildSubscription => (SUBSCRIPTION, true),
        };
        self.shared.world().add_sku(name, kind, guild)
    }

    /// The application's SKUs, as `GET /applications/{id}/skus` lists them.
    pub fn skus(&self) -> Vec<Value> {
        self.shared.world().skus_json()
    }

    /// `user` buys `sku` (a one-time purchase): ENTITLEMENT_CREATE; the entitlement's id, `None`
    /// for an unknown user or SKU.
    pub fn purchase(&self, user: u64, sku: u64) -> Option<u64> {
        self.shared
            .change(|world| world.purchase(user, sku).ok_or_else(refused))
            .ok()
    }

    /// `user` subscribes to the subscription SKU `sku` for 30 days from now:
    /// ENTITLEMENT_CREATE; the subscription's and the entitlement's ids, `None` for an unknown
    /// user or a SKU that is not a subscription.
    pub fn subscribe(&self, user: u64, sku: u64) -> Option<(u64, u64)> {
        self.shared
            .change(|world| world.subscribe(user, sku).ok_or_else(refused))
            .ok()
    }

    /// An entitlement's period ends now: ENTITLEMENT_UPDATE with its `ends_at`; `false` for an
    /// unknown entitlement.
    pub fn end_entitlement(&self, entitlement: u64) -> bool {
        self.shared
            .change(|world| world.end_entitlement(entitlement).ok_or_else(refused))
            .is_ok()
    }

    /// An entitlement as `GET /applications/{id}/entitlements/{id}` shows it (deleted ones
    /// too).
    pub fn entitlement(&self, entitlement: u64) -> Option<Value> {
        self.shared.world().entitlement_json(entitlement).ok()
    }

    /// Starts the application's activity in `channel` with `users` in it; the instance id
    /// (`GET /applications/{id}/activity-instances/{instance}` shows it), `None` for an unknown
    /// channel.
    pub fn start_activity_instance(&self, channel: u64, users: &[u64]) -> Option<String> {
        self.shared.world().start_activity_instance(channel, users)
    }

    /// The application object, as `GET /applications/@me` shows it.
    pub fn application(&self) -> Value {
        self.shared.world().application_json()
    }
}

/// The refusal of a handle change Discord would not make (unknown user, SKU or entitlement).
fn refused() -> super::Refusal {
    super::Refusal::unknown(10029, "Entitlement")
}
