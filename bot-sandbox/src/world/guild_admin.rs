//! A guild's administration settings (developers/resources/guild.mdx): its widget (settings
//! and the public `widget.json`), its vanity invite (none in the sandbox), the voice regions,
//! all of its invites, and its incident actions (invites and DMs paused for at most 24 hours).
//! Each needs MANAGE_GUILD but the public widget.

use super::World;
use super::bans::MANAGE_GUILD;
use super::change::Refusal;
use super::invites::{iso_of, unix_now};
use serde_json::{Value, json};

/// A guild voice channel's type.
const GUILD_VOICE: u8 = 2;
/// The longest pause of invites or DMs, in seconds.
const MAX_PAUSE: u64 = 24 * 60 * 60;

/// Discord's voice regions as `GET /voice/regions` lists them.
const REGIONS: &[(&str, &str)] = &[
    ("us-west", "US West"),
    ("us-east", "US East"),
    ("us-central", "US Central"),
    ("us-south", "US South"),
    ("rotterdam", "Rotterdam"),
    ("singapore", "Singapore"),
    ("japan", "Japan"),
    ("brazil", "Brazil"),
    ("sydney", "Sydney"),
    ("india", "India"),
];

/// A guild's settings of this module.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct GuildAdminRecord {
    pub(crate) widget_enabled: bool,
    pub(crate) widget_channel: Option<u64>,
    /// Unix seconds.
    pub(crate) invites_disabled_until: Option<u64>,
    /// Unix seconds.
    pub(crate) dms_disabled_until: Option<u64>,
}

/// The voice regions, the first one `optimal` when `closest`.
pub(crate) fn voice_regions(closest: bool) -> Value {
    REGIONS
        .iter()
        .enumerate()
        .map(|(i, (id, name))| {
            json!({"id": id, "name": name, "optimal": closest && i == 0,
                   "deprecated": false, "custom": false})
        })
        .collect()
}

/// Reads a pause: `null` (none) or an ISO 8601 time at most 24 hours ahead; Unix seconds.
fn pause(body: &Value, field: &str) -> Result<Option<u64>, Refusal> {
    let bad = || {
        Refusal::bad_request(
            50035,
            &format!("{field}: Must be a time at most 24 hours from now."),
        )
    };
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => {
            let utc = text.replace("+00:00", "Z");
            let time = humantime::parse_rfc3339_weak(&utc).map_err(|_| bad())?;
            let seconds = time
                .duration_since(std::time::UNIX_EPOCH)
                .map_err(|_| bad())?
                .as_secs();
            if seconds > unix_now() + MAX_PAUSE {
                return Err(bad());
            }
            Ok(Some(seconds))
        }
        Some(_) => Err(bad()),
    }
}

impl World {
    /// The bot needs MANAGE_GUILD in `guild` (10004 unknown, 50013 without).
    fn require_manage_guild(&self, guild: u64) -> Result<(), Refusal> {
        let record = self
            .guilds
            .get(&guild)
            .ok_or_else(|| Refusal::unknown(10004, "Guild"))?;
        if record.permissions_of(self.bot_id) & MANAGE_GUILD == 0 {
            return Err(Refusal::missing_permissions());
        }
        Ok(())
    }

    fn admin_record(&self, guild: u64) -> GuildAdminRecord {
        self.guild_admin.get(&guild).cloned().unwrap_or_default()
    }

    /// The widget's settings.
    pub(crate) fn widget_settings(&self, guild: u64) -> Result<Value, Refusal> {
        self.require_manage_guild(guild)?;
        let record = self.admin_record(guild);
        Ok(json!({
            "enabled": record.widget_enabled,
            "channel_id": record.widget_channel.map(|c| c.to_string()),
        }))
    }

    /// Changes the widget's settings (`enabled`, `channel_id` a channel of the guild).
    pub(crate) fn edit_widget(&mut self, guild: u64, body: &Value) -> Result<Value, Refusal> {
        self.require_manage_guild(guild)?;
        let mut record = self.admin_record(guild);
        if let Some(enabled) = body.get("enabled").and_then(Value::as_bool) {
            record.widget_enabled = enabled;
        }
        match body.get("channel_id") {
            None => {}
            Some(Value::Null) => record.widget_channel = None,
            Some(id) => {
                let channel = id
                    .as_str()
                    .and_then(|s| s.parse().ok())
                    .filter(|c| self.guilds[&guild].channel(*c).is_some())
                    .ok_or_else(|| Refusal::bad_request(50035, "channel_id: Unknown channel."))?;
                record.widget_channel = Some(channel);
            }
        }
        self.guild_admin.insert(guild, record);
        self.widget_settings(guild)
    }

    /// The public widget: 50004 when it is off; the voice channels @everyone sees, and the
    /// members (everyone is online in the sandbox) anonymized, at most 100.
    pub(crate) fn widget_json(&self, guild: u64) -> Result<Value, Refusal> {
        let record = self
            .guilds
            .get(&guild)
            .ok_or_else(|| Refusal::unknown(10004, "Guild"))?;
        if !self.admin_record(guild).widget_enabled {
            return Err(Refusal {
                status: 403,
                code: 50004,
                message: "Widget Disabled".to_owned(),
            });
        }
        let channels: Vec<Value> = record
            .channels
            .iter()
            .filter(|c| c.kind == GUILD_VOICE)
            .map(|c| json!({"id": c.id.to_string(), "name": c.name, "position": c.position}))
            .collect();
        let members: Vec<Value> = record
            .members
            .iter()
            .take(100)
            .enumerate()
            .filter_map(|(i, m)| {
                let user = self.users.get(&m.user_id)?;
                Some(json!({
                    "id": i.to_string(), "username": user.username, "discriminator": "0000",
                    "avatar": null, "status": "online",
                    "avatar_url": format!("https://cdn.discordapp.com/widget-avatars/{i}"),
                }))
            })
            .collect();
        Ok(json!({
            "id": guild.to_string(),
            "name": record.name,
            "instant_invite": null,
            "channels": channels,
            "presence_count": members.len(),
            "members": members,
        }))
    }

    /// The vanity invite: the sandbox's guilds have none.
    pub(crate) fn vanity_url(&self, guild: u64) -> Result<Value, Refusal> {
        self.require_manage_guild(guild)?;
        Ok(json!({"code": null, "uses": 0}))
    }

    /// The guild's voice regions.
    pub(crate) fn guild_regions(&self, guild: u64) -> Result<Value, Refusal> {
        if !self.guilds.contains_key(&guild) {
            return Err(Refusal::unknown(10004, "Guild"));
        }
        Ok(voice_regions(true))
    }

    /// The invites of every channel of the guild, oldest first.
    pub(crate) fn guild_invites(&self, guild: u64) -> Result<Value, Refusal> {
        self.require_manage_guild(guild)?;
        Ok(self
            .invites
            .iter()
            .filter(|i| i.guild_id == guild)
            .map(|i| self.invite_json(i))
            .collect())
    }

    /// Pauses or resumes invites and DMs.
    pub(crate) fn incident_actions(&mut self, guild: u64, body: &Value) -> Result<Value, Refusal> {
        self.require_manage_guild(guild)?;
        let invites = pause(body, "invites_disabled_until")?;
        let dms = pause(body, "dms_disabled_until")?;
        let mut record = self.admin_record(guild);
        record.invites_disabled_until = invites;
        record.dms_disabled_until = dms;
        self.guild_admin.insert(guild, record);
        Ok(json!({
            "invites_disabled_until": invites.map(iso_of),
            "dms_disabled_until": dms.map(iso_of),
            "dm_spam_detected_at": null,
            "raid_detected_at": null,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pauses_are_at_most_a_day() {
        let soon = iso_of(unix_now() + 3600);
        assert!(pause(&json!({"x": soon}), "x").unwrap().is_some());
        let late = iso_of(unix_now() + 2 * MAX_PAUSE);
        assert!(pause(&json!({"x": late}), "x").is_err());
        assert_eq!(pause(&json!({"x": null}), "x").unwrap(), None);
        assert!(pause(&json!({"x": "yesterday"}), "x").is_err());
    }
}
