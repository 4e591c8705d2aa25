//! Subscriptions as `GET /skus/{sku}/subscriptions[/{id}]` shows them: one user's, per SKU,
//! with the period their entitlement covers.

use super::World;
use super::change::Refusal;
use super::invites::iso_of;
use super::monetization::{PERIOD, SubscriptionRecord};
use serde_json::{Value, json};

impl World {
    fn subscription_json(&self, record: &SubscriptionRecord) -> Value {
        let end = self
            .store
            .entitlements
            .get(&record.entitlement)
            .and_then(|e| e.ends_at)
            .unwrap_or(record.period_start + PERIOD);
        json!({
            "id": record.id.to_string(),
            "user_id": record.user.to_string(),
            "sku_ids": [record.sku.to_string()],
            "entitlement_ids": [record.entitlement.to_string()],
            "renewal_sku_ids": null,
            "current_period_start": iso_of(record.period_start),
            "current_period_end": iso_of(end),
            "status": record.status,
            "canceled_at": null,
        })
    }

    /// `GET /skus/{sku}/subscriptions`: `user`'s subscriptions to `sku`, newest first (or
    /// oldest first after `after` alone). 10027 for an unknown SKU; a bot must name the user.
    pub(crate) fn subscriptions_json(
        &self,
        sku: u64,
        user: Option<u64>,
        before: Option<u64>,
        after: Option<u64>,
        limit: usize,
    ) -> Result<Vec<Value>, Refusal> {
        if self.sku(sku).is_none() {
            return Err(Refusal::unknown(10027, "SKU"));
        }
        let user =
            user.ok_or_else(|| Refusal::bad_request(50035, "user_id: This field is required"))?;
        let matching = self.store.subscriptions.values().filter(|s| {
            s.sku == sku
                && s.user == user
                && before.is_none_or(|b| s.id < b)
                && after.is_none_or(|a| s.id > a)
        });
        let ordered: Vec<&SubscriptionRecord> = if after.is_some() && before.is_none() {
            matching.collect()
        } else {
            matching.rev().collect()
        };
        Ok(ordered
            .into_iter()
            .take(limit)
            .map(|s| self.subscription_json(s))
            .collect())
    }

    /// One subscription to `sku` (10027 for an unknown SKU, 404 for an unknown subscription).
    pub(crate) fn subscription(&self, sku: u64, id: u64) -> Result<Value, Refusal> {
        if self.sku(sku).is_none() {
            return Err(Refusal::unknown(10027, "SKU"));
        }
        self.store
            .subscriptions
            .get(&id)
            .filter(|s| s.sku == sku)
            .map(|s| self.subscription_json(s))
            .ok_or_else(|| Refusal {
                status: 404,
                code: 0,
                message: "404: Not Found".to_owned(),
            })
    }
}
