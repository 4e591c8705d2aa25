//! What a test does and reads about a guild's emojis and scheduled events through the handle:
//! users subscribing to events (GUILD_SCHEDULED_EVENT_USER_ADD / _REMOVE), and the emojis and
//! events as Discord would show them.

use crate::SandboxHandle;
use serde_json::Value;

impl SandboxHandle {
    /// `user` says they are interested in a scheduled event (or, with `occurrence`, in one
    /// exception of a recurring one): GUILD_SCHEDULED_EVENT_USER_ADD
    /// (GUILD_SCHEDULED_EVENTS); `false` for an unknown event or a user not in its guild.
    pub fn subscribe_to_event(&self, user: u64, event: u64, occurrence: Option<u64>) -> bool {
        self.shared
            .change(|world| world.subscribe_to_event(event, user, occurrence))
            .is_ok()
    }

    /// `user` is no longer interested: GUILD_SCHEDULED_EVENT_USER_REMOVE; `false` when they
    /// were not.
    pub fn unsubscribe_from_event(&self, user: u64, event: u64, occurrence: Option<u64>) -> bool {
        self.shared
            .change(|world| world.unsubscribe_from_event(event, user, occurrence))
            .is_ok()
    }

    /// A guild's custom emojis, as `GET /guilds/{id}/emojis` lists them.
    pub fn guild_emojis(&self, guild: u64) -> Vec<Value> {
        self.shared.world().guild_emojis_json(guild)
    }

    /// A guild's scheduled events, as `GET /guilds/{id}/scheduled-events?with_user_count=true`
    /// lists them.
    pub fn scheduled_events(&self, guild: u64) -> Vec<Value> {
        self.shared.world().guild_scheduled_events_json(guild, true)
    }
}
