//! Crowds for member tests: many members seeded at once, and the presences of users (GE
//! "Presence Update"), which decide who is offline for GUILD_CREATE's `large_threshold` and what
//! `presences` GUILD_CREATE and GUILD_MEMBERS_CHUNK carry.
//!
//! A user without a presence set is offline. Presences are the gateway's: a user's status is the
//! same in every guild they share with the bot.

use super::GatewayControl;
use crate::SandboxHandle;
use serde_json::{Value, json};

/// The statuses a user may have (GE "Status Types"; `invisible` is shown to others as offline).
const STATUSES: [&str; 5] = ["online", "idle", "dnd", "invisible", "offline"];

/// A user's presence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PresenceRecord {
    /// `online`, `idle`, `dnd` or `offline` (an `invisible` user is stored as `offline`).
    pub(crate) status: &'static str,
}

impl PresenceRecord {
    /// Whether others see the user offline.
    pub(crate) fn offline(&self) -> bool {
        self.status == "offline"
    }

    /// The partial presence of GUILD_CREATE's and GUILD_MEMBERS_CHUNK's `presences`: `user` with
    /// only its `id`, `status`, `activities` and `client_status` (the desktop client, unless
    /// offline: an offline client is absent).
    pub(crate) fn json(&self, user: u64) -> Value {
        let client_status = if self.offline() {
            json!({})
        } else {
            json!({"desktop": self.status})
        };
        json!({
            "user": {"id": user.to_string()},
            "status": self.status,
            "activities": [],
            "client_status": client_status,
        })
    }
}

/// `status` as stored: one of [`STATUSES`], `invisible` as `offline`; `None` for another string.
fn stored_status(status: &str) -> Option<&'static str> {
    let known = STATUSES.iter().find(|s| **s == status)?;
    Some(if *known == "invisible" {
        "offline"
    } else {
        known
    })
}

impl GatewayControl {
    /// Sets `user`'s status (`online`, `idle`, `dnd`, `invisible` or `offline`; `invisible` is
    /// seen as `offline`) and sends PRESENCE_UPDATE (`user: {id}`, `guild_id`, `status`,
    /// `activities: []`, `client_status`) in every guild the user is a member of, to the sessions
    /// with GUILD_PRESENCES. Before the bot connects it only seeds: members who are not offline are
    /// the ones GUILD_CREATE keeps in a large guild. `false` for an unknown user or status.
    pub fn set_presence(&self, user: u64, status: &str) -> bool {
        let Some(status) = stored_status(status) else {
            return false;
        };
        let guilds: Vec<u64> = {
            let world = self.shared.world();
            if !world.users.contains_key(&user) {
                return false;
            }
            world
                .guilds
                .values()
                .filter(|g| g.member(user).is_some())
                .map(|g| g.id)
                .collect()
        };
        let record = PresenceRecord { status };
        let mut event = record.json(user);
        self.shared.gateway.lock().presences.insert(user, record);
        for guild in guilds {
            event["guild_id"] = json!(guild.to_string());
            self.shared.gateway.dispatch_to_guild(
                &self.shared,
                Some(guild),
                "PRESENCE_UPDATE",
                event.clone(),
            );
        }
        true
    }

    /// `user`'s status as others see it (`offline` unless set with
    /// [`GatewayControl::set_presence`]).
    pub fn presence(&self, user: u64) -> &'static str {
        self.shared
            .gateway
            .lock()
            .presences
            .get(&user)
            .map_or("offline", |p| p.status)
    }
}

impl SandboxHandle {
    /// Seeds `count` new users named `"{prefix}{n}"` (`n` from 0) as members of `guild`, without
    /// roles, and returns their ids in order. No event is sent (members who were there before the
    /// bot looked) and each is offline ([`GatewayControl::set_presence`] changes that), so a
    /// guild of thousands is cheap to build for member-list tests. Empty for an unknown guild.
    pub fn seed_members(&self, guild: u64, count: usize, prefix: &str) -> Vec<u64> {
        let mut world = self.shared.world();
        if !world.guilds.contains_key(&guild) {
            return Vec::new();
        }
        let mut ids = Vec::with_capacity(count);
        for n in 0..count {
            let user = world.add_user(&format!("{prefix}{n}"));
            world.add_member(guild, user, &[]);
            ids.push(user);
        }
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_stored_as_others_see_them() {
        assert_eq!(stored_status("online"), Some("online"));
        assert_eq!(stored_status("dnd"), Some("dnd"));
        assert_eq!(stored_status("invisible"), Some("offline"));
        assert_eq!(stored_status("away"), None);
        let offline = PresenceRecord { status: "offline" };
        assert!(offline.offline());
        assert_eq!(offline.json(7)["client_status"], json!({}));
        let idle = PresenceRecord { status: "idle" };
        assert_eq!(
            idle.json(7),
            json!({"user": {"id": "7"}, "status": "idle", "activities": [],
                   "client_status": {"desktop": "idle"}})
        );
    }
}
