//! Channel invites: made by the bot over REST (CREATE_INSTANT_INVITE), listed with their
//! metadata (MANAGE_CHANNELS). A new invite emits INVITE_CREATE (GUILD_INVITES).

use super::World;
use super::change::{Changed, Refusal};
use super::channels::{MANAGE_CHANNELS, is_thread};
use serde_json::{Value, json};

/// CREATE_INSTANT_INVITE.
pub(crate) const CREATE_INSTANT_INVITE: u64 = 1;

/// Discord's default lifetime of an invite: a day.
const DEFAULT_MAX_AGE: u64 = 86_400;

/// An invite to a guild channel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct InviteRecord {
    /// The code (`discord.gg/{code}`).
    pub(crate) code: String,
    pub(crate) guild_id: u64,
    pub(crate) channel_id: u64,
    pub(crate) inviter: u64,
    /// Seconds it is valid for (0: for ever).
    pub(crate) max_age: u64,
    /// Uses it allows (0: unlimited).
    pub(crate) max_uses: u64,
    pub(crate) temporary: bool,
    pub(crate) uses: u64,
    /// When it was made, in seconds since the Unix epoch.
    pub(crate) created: u64,
    /// The users it is for, when it is a targeted invite.
    pub(crate) target_users: Option<Vec<u64>>,
    /// The last job that read an uploaded list of target users.
    pub(crate) target_job: Option<super::invite_codes::TargetJob>,
}

/// What a create-invite body asks for, checked as Discord checks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct InviteRequest {
    pub(crate) max_age: u64,
    pub(crate) max_uses: u64,
    pub(crate) temporary: bool,
    pub(crate) unique: bool,
}

/// 400 / 50035 with the field's error as its message (the route renders Discord's field-error
/// body from it).
fn form_error(message: &str) -> Refusal {
    Refusal::bad_request(50035, message)
}

impl InviteRequest {
    /// Reads a create-invite body: `max_age` 0–604800, `max_uses` 0–100 (else 50035).
    pub(crate) fn of(body: &Value) -> Result<Self, Refusal> {
        let number = |key: &str, default: u64, max: u64| match body.get(key) {
            None | Some(Value::Null) => Ok(default),
            Some(value) => value
                .as_u64()
                .filter(|n| *n <= max)
                .ok_or_else(|| form_error(&format!("{key}: must be between 0 and {max}"))),
        };
        let flag = |key: &str| body.get(key).and_then(Value::as_bool).unwrap_or(false);
        Ok(InviteRequest {
            max_age: number("max_age", DEFAULT_MAX_AGE, 604_800)?,
            max_uses: number("max_uses", 0, 100)?,
            temporary: flag("temporary"),
            unique: flag("unique"),
        })
    }
}

/// Seconds since the Unix epoch.
pub(crate) fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// A time in seconds since the Unix epoch as Discord writes timestamps.
pub(crate) fn iso_of(seconds: u64) -> String {
    let time = std::time::UNIX_EPOCH + std::time::Duration::from_secs(seconds);
    humantime::format_rfc3339_micros(time)
        .to_string()
        .replace('Z', "+00:00")
}

/// An invite code from an id: 8 letters and digits.
pub(crate) fn code_of(id: u64) -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut n = id ^ (id >> 22).rotate_left(17);
    (0..8)
        .map(|_| {
            let c = ALPHABET[(n % ALPHABET.len() as u64) as usize] as char;
            n /= ALPHABET.len() as u64;
            c
        })
        .collect()
}

impl World {
    /// An invite as REST returns it (the spec's `GuildInviteResponse`), with its metadata.
    pub(crate) fn invite_json(&self, invite: &InviteRecord) -> Value {
        let guild = self.guilds.get(&invite.guild_id);
        let channel = self.guild_channel(invite.channel_id).map(|(_, c)| c);
        let expires = (invite.max_age > 0).then(|| iso_of(invite.created + invite.max_age));
        json!({
            "type": 0,
            "code": invite.code,
            "guild_id": invite.guild_id.to_string(),
            "guild": {
                "id": invite.guild_id.to_string(),
                "name": guild.map_or("", |g| g.name.as_str()),
                "splash": null, "banner": null, "description": null, "icon": null,
                "features": [], "verification_level": 0, "vanity_url_code": null,
                "nsfw_level": 0, "nsfw": false, "premium_subscription_count": 0,
            },
            "channel": {
                "id": invite.channel_id.to_string(),
                "type": channel.map_or(0, |c| c.kind),
                "name": channel.map(|c| c.name.clone()),
            },
            "inviter": self.public_user_json_by_id(invite.inviter),
            "max_age": invite.max_age,
            "max_uses": invite.max_uses,
            "temporary": invite.temporary,
            "uses": invite.uses,
            "created_at": iso_of(invite.created),
            "expires_at": expires,
            "flags": 0,
        })
    }

    /// The bot makes an invite to `channel` (CREATE_INSTANT_INVITE): INVITE_CREATE. Without
    /// `unique`, an invite of the bot's with the same settings is returned again, as Discord
    /// does, with no event.
    pub(crate) fn create_invite(
        &mut self,
        channel: u64,
        request: InviteRequest,
    ) -> Result<Changed<Value>, Refusal> {
        if self.dm_recipient(channel).is_some() {
            return Err(Refusal::bad_request(
                50003,
                "Cannot execute action on a DM channel",
            ));
        }
        self.require(channel, CREATE_INSTANT_INVITE)?;
        let Some((guild, record)) = self.guild_channel(channel) else {
            return Err(Refusal::unknown(10003, "Channel"));
        };
        if is_thread(record.kind) || record.kind == 4 {
            return Err(Refusal::bad_request(
                50024,
                "Cannot execute action on this channel type",
            ));
        }
        let bot = self.bot_id;
        if !request.unique
            && let Some(same) = self.invites.iter().find(|i| {
                i.channel_id == channel
                    && i.inviter == bot
                    && i.max_age == request.max_age
                    && i.max_uses == request.max_uses
                    && i.temporary == request.temporary
            })
        {
            return Ok(Changed::quiet(self.invite_json(same)));
        }
        let mut code = code_of(self.ids.next());
        while self.invites.iter().any(|i| i.code == code) {
            code = code_of(self.ids.next());
        }
        let invite = InviteRecord {
            code,
            guild_id: guild,
            channel_id: channel,
            inviter: bot,
            max_age: request.max_age,
            max_uses: request.max_uses,
            temporary: request.temporary,
            uses: 0,
            created: unix_now(),
            target_users: None,
            target_job: None,
        };
        let reply = self.invite_json(&invite);
        let event = json!({
            "channel_id": channel.to_string(),
            "code": invite.code,
            "created_at": reply["created_at"],
            "expires_at": reply["expires_at"],
            "guild_id": guild.to_string(),
            "inviter": reply["inviter"],
            "max_age": invite.max_age,
            "max_uses": invite.max_uses,
            "temporary": invite.temporary,
            "uses": 0,
        });
        self.invites.push(invite);
        Ok(Changed::quiet(reply).emit("INVITE_CREATE", Some(guild), Some(channel), event))
    }

    /// The invites of `channel`, oldest first (MANAGE_CHANNELS).
    pub(crate) fn channel_invites(&self, channel: u64) -> Result<Vec<Value>, Refusal> {
        self.require(channel, MANAGE_CHANNELS)?;
        Ok(self
            .invites
            .iter()
            .filter(|i| i.channel_id == channel)
            .map(|i| self.invite_json(i))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invite_bodies_are_checked() {
        let request = InviteRequest::of(&json!({})).expect("defaults");
        assert_eq!((request.max_age, request.max_uses), (86_400, 0));
        assert!(InviteRequest::of(&json!({"max_uses": 101})).is_err());
        assert!(InviteRequest::of(&json!({"max_age": "x"})).is_err());
        assert_eq!(code_of(12345).len(), 8);
    }
}
