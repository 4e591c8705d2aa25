//! What a message sent through an interaction's webhook says about the interaction, as Discord
//! renders it (MSG "Message Interaction Metadata Object").

use super::{InteractionRecord, World};
use serde_json::{Value, json};

impl World {
    fn invoker_json(&self, user: u64) -> Value {
        self.public_user_json_by_id(user)
            .unwrap_or_else(|| Self::unknown_user_json(user, "unknown"))
    }

    /// `interaction_metadata`: `id`, `type`, `user`, `authorizing_integration_owners`; on a
    /// follow-up `original_response_message_id`; `target_user` on a user command's messages and
    /// `target_message_id` on a message command's.
    pub(crate) fn interaction_metadata_json(
        &self,
        record: &InteractionRecord,
        original_response: Option<&str>,
    ) -> Value {
        let invoker = &record.invoker;
        // RR "Authorizing Integration Owners Object": the guild installation, keyed "0", names the
        // guild; in the bot's DM (the sandbox's only guild-less interactions) its value is "0".
        let owners = match record.guild_id {
            Some(guild) => json!({"0": guild.to_string()}),
            None => json!({"0": "0"}),
        };
        let mut value = json!({
            "id": record.id.to_string(),
            "type": invoker.interaction_type,
            "user": self.invoker_json(invoker.user),
            "authorizing_integration_owners": owners,
        });
        if let Some(id) = original_response {
            value["original_response_message_id"] = json!(id);
        }
        if let Some(target) = invoker.target_user {
            value["target_user"] = self.invoker_json(target);
        }
        if let Some(target) = invoker.target_message {
            value["target_message_id"] = json!(target.to_string());
        }
        value
    }

    /// The deprecated `interaction` field Discord still sends beside `interaction_metadata`:
    /// `id`, `type`, `name` (with group and subcommand names) and `user`.
    pub(crate) fn message_interaction_json(&self, record: &InteractionRecord) -> Value {
        json!({
            "id": record.id.to_string(),
            "type": record.invoker.interaction_type,
            "name": record.invoker.command,
            "user": self.invoker_json(record.invoker.user),
        })
    }

    /// The message a message command ran on, for the original response's `referenced_message`.
    pub(crate) fn target_message(&self, record: &InteractionRecord) -> Option<&Value> {
        let target = record.invoker.target_message?.to_string();
        self.messages
            .get(&record.channel_id?)?
            .iter()
            .find(|m| m.get("id").and_then(Value::as_str) == Some(target.as_str()))
    }
}
