//! What a test does and reads about webhooks through the handle: one made as the bot makes it,
//! and a webhook as `GET /webhooks/{id}` shows it.

use crate::SandboxHandle;
use serde_json::Value;

impl SandboxHandle {
    /// An incoming webhook named `name` in `channel`, made as the bot makes one (it needs
    /// MANAGE_WEBHOOKS there; WEBHOOKS_UPDATE): its id and token, `None` if Discord would
    /// refuse it.
    pub fn create_webhook(&self, channel: u64, name: &str) -> Option<(u64, String)> {
        let created = self
            .shared
            .change(|world| world.create_webhook(channel, name.to_owned(), None))
            .ok()?;
        let id = created["id"].as_str()?.parse().ok()?;
        let token = created["token"].as_str()?.to_owned();
        Some((id, token))
    }

    /// A webhook as `GET /webhooks/{id}` shows it (whatever the bot's permissions), if it
    /// exists.
    pub fn webhook(&self, id: u64) -> Option<Value> {
        let world = self.shared.world();
        world.webhooks.get(&id).map(|w| world.webhook_json(w))
    }
}
