//! SKUs, entitlements and subscriptions (developers/resources/sku.mdx, entitlement.mdx,
//! subscription.mdx; spec `EntitlementResponse`, `SubscriptionResponse`).

use super::enums::int_enum;
use super::serde_util::nullable_vec;
use super::{
    ApplicationMarker, EntitlementMarker, GuildMarker, Id, SkuFlags, SkuMarker, SubscriptionMarker,
    Timestamp, UserMarker,
};
use serde::{Deserialize, Serialize};

int_enum! {
    /// What a SKU sells.
    pub enum SkuType: u8 {
        /// A durable one-time purchase.
        Durable = 2,
        /// A consumable one-time purchase.
        Consumable = 3,
        /// A recurring subscription.
        Subscription = 5,
        /// The group Discord makes for each subscription SKU (unused).
        SubscriptionGroup = 6,
    }
}

int_enum! {
    /// How an entitlement was granted.
    pub enum EntitlementType: u8 {
        /// Bought by the user.
        Purchase = 1,
        /// A Nitro subscription.
        PremiumSubscription = 2,
        /// Gifted by the developer.
        DeveloperGift = 3,
        /// Bought by a developer in test mode.
        TestModePurchase = 4,
        /// Granted while the SKU was free.
        FreePurchase = 5,
        /// Gifted by another user.
        UserGift = 6,
        /// Claimed free with Nitro.
        PremiumPurchase = 7,
        /// An app subscription.
        ApplicationSubscription = 8,
        /// A quest reward.
        QuestReward = 10,
    }
}

int_enum! {
    /// A subscription's state (spec `SubscriptionResponseStatusType`).
    pub enum SubscriptionStatus: u8 {
        /// Active, and will renew.
        Active = 0,
        /// Inactive, not charged.
        Inactive = 1,
        /// Active, and will not renew.
        Ending = 2,
    }
}

/// A premium offering of an application (`GET /applications/{id}/skus`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Sku {
    /// The SKU's id.
    pub id: Id<SkuMarker>,
    /// What it sells.
    #[serde(rename = "type")]
    pub kind: SkuType,
    /// The application.
    pub application_id: Id<ApplicationMarker>,
    /// Its customer-facing name.
    pub name: Box<str>,
    /// Its url slug.
    #[serde(default)]
    pub slug: Box<str>,
    /// Its flags (availability, guild or user subscription).
    #[serde(default)]
    pub flags: SkuFlags,
}

/// A user's or guild's access to a SKU (`ENTITLEMENT_CREATE`, `GET .../entitlements`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Entitlement {
    /// The entitlement's id.
    pub id: Id<EntitlementMarker>,
    /// The SKU.
    pub sku_id: Id<SkuMarker>,
    /// The application.
    pub application_id: Id<ApplicationMarker>,
    /// The user granted it.
    #[serde(default)]
    pub user_id: Option<Id<UserMarker>>,
    /// How it was granted.
    #[serde(rename = "type")]
    pub kind: EntitlementType,
    /// Whether it was deleted.
    #[serde(default)]
    pub deleted: bool,
    /// From when it is valid.
    #[serde(default)]
    pub starts_at: Option<Timestamp>,
    /// Until when it is valid.
    #[serde(default)]
    pub ends_at: Option<Timestamp>,
    /// The guild granted it.
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
    /// Whether a consumable was consumed.
    #[serde(default)]
    pub consumed: Option<bool>,
}

impl Entitlement {
    /// Whether it grants access at `now`: not deleted, not consumed, and within its dates.
    pub fn is_active(&self, now: Timestamp) -> bool {
        !self.deleted
            && self.consumed != Some(true)
            && self.starts_at.is_none_or(|start| start <= now)
            && self.ends_at.is_none_or(|end| now < end)
    }
}

/// A user's recurring payment for SKUs (`SUBSCRIPTION_CREATE`, `GET /skus/{id}/subscriptions`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Subscription {
    /// The subscription's id.
    pub id: Id<SubscriptionMarker>,
    /// The subscriber.
    pub user_id: Id<UserMarker>,
    /// The SKUs subscribed to.
    #[serde(default)]
    pub sku_ids: Vec<Id<SkuMarker>>,
    /// The entitlements it granted.
    #[serde(default)]
    pub entitlement_ids: Vec<Id<EntitlementMarker>>,
    /// The SKUs it will renew to.
    #[serde(default, deserialize_with = "nullable_vec")]
    pub renewal_sku_ids: Vec<Id<SkuMarker>>,
    /// The current period's start.
    pub current_period_start: Timestamp,
    /// The current period's end.
    pub current_period_end: Timestamp,
    /// Its state.
    pub status: SubscriptionStatus,
    /// When it was canceled.
    #[serde(default)]
    pub canceled_at: Option<Timestamp>,
    /// The payment's country (ISO 3166-1 alpha-2; with the private scope only).
    #[serde(default)]
    pub country: Option<Box<str>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn documented_examples_decode() {
        let sku: Sku = serde_json::from_value(json!({
            "id": "1088510058284990888", "type": 5, "dependent_sku_id": null,
            "application_id": "788708323867885999", "manifest_labels": null,
            "access_type": 1, "name": "Test Premium", "features": [], "release_date": null,
            "premium": false, "slug": "test-premium", "flags": 128, "show_age_gate": false
        }))
        .unwrap();
        assert_eq!(sku.kind, SkuType::Subscription);
        assert_eq!(sku.flags.bits(), 128);
        let entitlement: Entitlement = serde_json::from_value(json!({
            "id": "1019653849998299136", "sku_id": "1019475255913222144",
            "application_id": "1019370614521200640", "user_id": "771129655544643584",
            "promotion_id": null, "type": 8, "deleted": false, "gift_code_flags": 0,
            "consumed": false, "starts_at": "2022-09-14T17:00:18.704163+00:00",
            "ends_at": "2022-10-14T17:00:18.704163+00:00", "guild_id": "1015034326372454400",
            "subscription_id": "1019653835926409216"
        }))
        .unwrap();
        assert_eq!(entitlement.kind, EntitlementType::ApplicationSubscription);
        assert!(entitlement.is_active(Timestamp::parse("2022-10-01T00:00:00Z").unwrap()));
        assert!(!entitlement.is_active(Timestamp::parse("2022-11-01T00:00:00Z").unwrap()));
        let subscription: Subscription = serde_json::from_value(json!({
            "id": "1278078770116427839", "user_id": "1088605110638227537",
            "sku_ids": ["1158857122189168803"], "entitlement_ids": [],
            "renewal_sku_ids": null,
            "current_period_start": "2024-08-27T19:48:44.406602+00:00",
            "current_period_end": "2024-09-27T19:48:44.406602+00:00",
            "status": 0, "canceled_at": null
        }))
        .unwrap();
        assert_eq!(subscription.status, SubscriptionStatus::Active);
        assert!(subscription.renewal_sku_ids.is_empty());
    }
}
