//! Custom emojis (developers/resources/emoji.mdx): a guild's and the application's. A guild's
//! are created with CREATE_GUILD_EXPRESSIONS; changed or deleted with MANAGE_GUILD_EXPRESSIONS,
//! or with CREATE_GUILD_EXPRESSIONS for the bot's own. Each change emits GUILD_EMOJIS_UPDATE
//! (GUILD_EXPRESSIONS) with the whole list, and over REST an audit-log entry (EMOJI_CREATE 60,
//! _UPDATE 61, _DELETE 62). A guild holds 50 static and 50 animated emojis (30008 past that),
//! the application 2 000. Images are data URIs of at most 256 KiB.

use super::World;
use super::audit::{AuditEntry, REST_REQUEST};
use super::change::{Changed, Emitted, Refusal};
use base64::Engine;
use serde_json::{Value, json};

/// MANAGE_GUILD_EXPRESSIONS.
pub(crate) const MANAGE_GUILD_EXPRESSIONS: u64 = 1 << 30;
/// CREATE_GUILD_EXPRESSIONS.
pub(crate) const CREATE_GUILD_EXPRESSIONS: u64 = 1 << 43;
/// The most bytes of an emoji's image.
const MAX_EMOJI_BYTES: usize = 256 * 1024;
/// The static (and the animated) emojis a guild without boosts holds.
const GUILD_EMOJI_SLOTS: usize = 50;
/// The emojis an application holds.
const APPLICATION_EMOJI_SLOTS: usize = 2000;

/// A custom emoji.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct EmojiRecord {
    pub(crate) id: u64,
    pub(crate) name: String,
    pub(crate) roles: Vec<u64>,
    pub(crate) animated: bool,
    /// Who uploaded it.
    pub(crate) creator: u64,
}

/// A 50035 refusal for `field`.
pub(crate) fn invalid(field: &str, message: &str) -> Refusal {
    Refusal::bad_request(50035, &format!("{field}: {message}"))
}

/// The bytes of a data URI (`data:{kind};base64,...`) whose type is one of `kinds`, of at most
/// `max` bytes, checked as Discord checks uploads (50035 otherwise). The type and the bytes.
pub(crate) fn decode_data_uri(
    field: &str,
    text: &str,
    kinds: &[&str],
    max: usize,
) -> Result<(String, Vec<u8>), Refusal> {
    let bad = || invalid(field, "Invalid image data");
    let rest = text.strip_prefix("data:").ok_or_else(bad)?;
    let (kind, data) = rest.split_once(";base64,").ok_or_else(bad)?;
    if !kinds.contains(&kind) {
        return Err(invalid(field, "Unsupported file type"));
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data)
        .map_err(|_| bad())?;
    if bytes.is_empty() {
        return Err(bad());
    }
    if bytes.len() > max {
        return Err(invalid(
            field,
            &format!("File cannot be larger than {:.1} kb.", max as f64 / 1024.0),
        ));
    }
    Ok((kind.to_owned(), bytes))
}

/// An emoji's name: 2–32 letters, digits and underscores (50035 otherwise).
fn emoji_name(body: &Value, required: bool) -> Result<Option<String>, Refusal> {
    match body.get("name") {
        None | Some(Value::Null) if !required => Ok(None),
        Some(Value::String(name))
            if (2..=32).contains(&name.chars().count())
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') =>
        {
            Ok(Some(name.clone()))
        }
        None | Some(Value::Null) => Err(invalid("name", "This field is required")),
        Some(_) => Err(invalid(
            "name",
            "Must be between 2 and 32 in length and contain only letters, digits and underscores.",
        )),
    }
}

/// An emoji's roles: snowflakes of the guild's roles (50035 otherwise).
fn emoji_roles(world: &World, guild: u64, body: &Value) -> Result<Option<Vec<u64>>, Refusal> {
    let Some(roles) = body.get("roles").filter(|r| !r.is_null()) else {
        return Ok(None);
    };
    let known = &world.guilds[&guild].roles;
    let roles = roles
        .as_array()
        .ok_or_else(|| invalid("roles", "Must be an array"))?
        .iter()
        .map(|role| {
            role.as_str()
                .and_then(|s| s.parse::<u64>().ok())
                .filter(|id| known.iter().any(|r| r.id == *id))
                .ok_or_else(|| invalid("roles", "Unknown role"))
        })
        .collect::<Result<Vec<u64>, Refusal>>()?;
    Ok(Some(roles))
}

/// The image of a new emoji: its bytes, and whether it is animated (a GIF).
fn emoji_image(body: &Value) -> Result<bool, Refusal> {
    let image = body
        .get("image")
        .and_then(Value::as_str)
        .ok_or_else(|| invalid("image", "This field is required"))?;
    let (kind, bytes) = decode_data_uri(
        "image",
        image,
        &[
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/webp",
            "image/avif",
        ],
        MAX_EMOJI_BYTES,
    )?;
    Ok(kind == "image/gif" && bytes.starts_with(b"GIF8"))
}

impl World {
    /// An emoji as REST and GUILD_EMOJIS_UPDATE show it: with its creator when the bot may
    /// manage (or create) expressions in `guild` (`None`: the application's, always).
    pub(crate) fn emoji_json(&self, guild: Option<u64>, emoji: &EmojiRecord) -> Value {
        let mut value = json!({
            "id": emoji.id.to_string(),
            "name": emoji.name,
            "roles": emoji.roles.iter().map(u64::to_string).collect::<Vec<_>>(),
            "require_colons": true,
            "managed": false,
            "animated": emoji.animated,
            "available": true,
        });
        let shows_creator = guild.is_none_or(|guild| {
            self.guilds.get(&guild).is_some_and(|g| {
                g.permissions_of(self.bot_id)
                    & (MANAGE_GUILD_EXPRESSIONS | CREATE_GUILD_EXPRESSIONS)
                    != 0
            })
        });
        if shows_creator && let Some(user) = self.public_user_json_by_id(emoji.creator) {
            value["user"] = user;
        }
        value
    }

    /// A guild's emojis as GUILD_CREATE, REST and GUILD_EMOJIS_UPDATE list them.
    pub(crate) fn guild_emojis_json(&self, guild: u64) -> Vec<Value> {
        self.emojis
            .get(&guild)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|e| self.emoji_json(Some(guild), e))
            .collect()
    }

    /// `GET /guilds/{guild}/emojis/{emoji}` (10014 when unknown).
    pub(crate) fn guild_emoji(&self, guild: u64, emoji: u64) -> Result<Value, Refusal> {
        self.acting_guild(guild)?;
        self.emojis
            .get(&guild)
            .and_then(|list| list.iter().find(|e| e.id == emoji))
            .map(|e| self.emoji_json(Some(guild), e))
            .ok_or_else(|| Refusal::unknown(10014, "Emoji"))
    }

    /// GUILD_EMOJIS_UPDATE for `guild`, then the audit entry of a REST change.
    fn emojis_updated<T>(
        &mut self,
        changed: Changed<T>,
        guild: u64,
        action: u16,
        target: u64,
    ) -> Changed<T> {
        let data = json!({
            "guild_id": guild.to_string(),
            "emojis": self.guild_emojis_json(guild),
        });
        let mut changed = changed.emit("GUILD_EMOJIS_UPDATE", Some(guild), None, data);
        changed
            .events
            .extend(self.audit_expression(guild, action, target));
        changed
    }

    /// The audit-log entry of a change made over REST (`None` for a scripted change, or when
    /// the bot may not view the audit log).
    pub(crate) fn audit_expression(
        &mut self,
        guild: u64,
        action: u16,
        target: u64,
    ) -> Option<Emitted> {
        let reason = REST_REQUEST.try_with(|(_, reason)| reason.clone()).ok()?;
        let entry = AuditEntry {
            id: self.ids.next(),
            user_id: self.bot_id,
            action_type: action,
            target_id: Some(target),
            reason,
            options: None,
        };
        self.write_audit(guild, entry)
    }

    /// `POST /guilds/{guild}/emojis` `{name, image, roles?}`.
    pub(crate) fn create_guild_emoji(
        &mut self,
        guild: u64,
        body: &Value,
    ) -> Result<Changed<Value>, Refusal> {
        self.require_guild(guild, CREATE_GUILD_EXPRESSIONS)?;
        let name = emoji_name(body, true)?.unwrap_or_default();
        let roles = emoji_roles(self, guild, body)?.unwrap_or_default();
        let animated = emoji_image(body)?;
        let list = self.emojis.entry(guild).or_default();
        if list.iter().filter(|e| e.animated == animated).count() >= GUILD_EMOJI_SLOTS {
            return Err(Refusal::bad_request(
                30008,
                &format!("Maximum number of emojis reached ({GUILD_EMOJI_SLOTS})"),
            ));
        }
        let emoji = EmojiRecord {
            id: self.ids.next(),
            name,
            roles,
            animated,
            creator: self.bot_id,
        };
        let id = emoji.id;
        self.emojis.entry(guild).or_default().push(emoji.clone());
        let value = self.emoji_json(Some(guild), &emoji);
        Ok(self.emojis_updated(Changed::quiet(value), guild, 60, id))
    }

    /// The bot may change or delete `emoji`: MANAGE_GUILD_EXPRESSIONS, or
    /// CREATE_GUILD_EXPRESSIONS for its own (10014 unknown, 50013 otherwise). Its index.
    fn manageable_emoji(&self, guild: u64, emoji: u64) -> Result<usize, Refusal> {
        let record = self.acting_guild(guild)?;
        let index = self
            .emojis
            .get(&guild)
            .and_then(|list| list.iter().position(|e| e.id == emoji))
            .ok_or_else(|| Refusal::unknown(10014, "Emoji"))?;
        let have = record.permissions_of(self.bot_id);
        let own = self.emojis[&guild][index].creator == self.bot_id;
        if have & MANAGE_GUILD_EXPRESSIONS != 0 || (own && have & CREATE_GUILD_EXPRESSIONS != 0) {
            Ok(index)
        } else {
            Err(Refusal::missing_permissions())
        }
    }

    /// `PATCH /guilds/{guild}/emojis/{emoji}` `{name?, roles?}`.
    pub(crate) fn edit_guild_emoji(
        &mut self,
        guild: u64,
        emoji: u64,
        body: &Value,
    ) -> Result<Changed<Value>, Refusal> {
        let index = self.manageable_emoji(guild, emoji)?;
        let name = emoji_name(body, false)?;
        let roles = emoji_roles(self, guild, body)?;
        let record = &mut self.emojis.get_mut(&guild).expect("checked")[index];
        if let Some(name) = name {
            record.name = name;
        }
        if let Some(roles) = roles {
            record.roles = roles;
        }
        let record = record.clone();
        let value = self.emoji_json(Some(guild), &record);
        Ok(self.emojis_updated(Changed::quiet(value), guild, 61, emoji))
    }

    /// `DELETE /guilds/{guild}/emojis/{emoji}`.
    pub(crate) fn delete_guild_emoji(
        &mut self,
        guild: u64,
        emoji: u64,
    ) -> Result<Changed<()>, Refusal> {
        let index = self.manageable_emoji(guild, emoji)?;
        self.emojis.get_mut(&guild).expect("checked").remove(index);
        Ok(self.emojis_updated(Changed::quiet(()), guild, 62, emoji))
    }

    /// The application's emoji (10014 when unknown).
    fn app_emoji_index(&self, emoji: u64) -> Result<usize, Refusal> {
        self.app_emojis
            .iter()
            .position(|e| e.id == emoji)
            .ok_or_else(|| Refusal::unknown(10014, "Emoji"))
    }

    /// `GET /applications/{app}/emojis/{emoji}`.
    pub(crate) fn application_emoji(&self, emoji: u64) -> Result<Value, Refusal> {
        let index = self.app_emoji_index(emoji)?;
        Ok(self.emoji_json(None, &self.app_emojis[index]))
    }

    /// `POST /applications/{app}/emojis` `{name, image}`: names are unique in an
    /// application (50035 otherwise).
    pub(crate) fn create_application_emoji(&mut self, body: &Value) -> Result<Value, Refusal> {
        let name = emoji_name(body, true)?.unwrap_or_default();
        let animated = emoji_image(body)?;
        if self.app_emojis.iter().any(|e| e.name == name) {
            return Err(invalid("name", "APPLICATION_EMOJI_NAME_ALREADY_TAKEN"));
        }
        if self.app_emojis.len() >= APPLICATION_EMOJI_SLOTS {
            return Err(Refusal::bad_request(
                30008,
                &format!("Maximum number of emojis reached ({APPLICATION_EMOJI_SLOTS})"),
            ));
        }
        let emoji = EmojiRecord {
            id: self.ids.next(),
            name,
            roles: Vec::new(),
            animated,
            creator: self.bot_id,
        };
        let value = self.emoji_json(None, &emoji);
        self.app_emojis.push(emoji);
        Ok(value)
    }

    /// `PATCH /applications/{app}/emojis/{emoji}` `{name}`.
    pub(crate) fn edit_application_emoji(
        &mut self,
        emoji: u64,
        body: &Value,
    ) -> Result<Value, Refusal> {
        let index = self.app_emoji_index(emoji)?;
        if let Some(name) = emoji_name(body, false)? {
            if self
                .app_emojis
                .iter()
                .any(|e| e.name == name && e.id != emoji)
            {
                return Err(invalid("name", "APPLICATION_EMOJI_NAME_ALREADY_TAKEN"));
            }
            self.app_emojis[index].name = name;
        }
        Ok(self.emoji_json(None, &self.app_emojis[index]))
    }

    /// `DELETE /applications/{app}/emojis/{emoji}`.
    pub(crate) fn delete_application_emoji(&mut self, emoji: u64) -> Result<(), Refusal> {
        let index = self.app_emoji_index(emoji)?;
        self.app_emojis.remove(index);
        Ok(())
    }

    /// The application's emojis as `GET /applications/{app}/emojis` lists them.
    pub(crate) fn application_emojis_json(&self) -> Vec<Value> {
        self.app_emojis
            .iter()
            .map(|e| self.emoji_json(None, e))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_uris_are_checked() {
        let png = base64::engine::general_purpose::STANDARD.encode(b"\x89PNG\r\n\x1a\n");
        let (kind, bytes) = decode_data_uri(
            "image",
            &format!("data:image/png;base64,{png}"),
            &["image/png"],
            64,
        )
        .expect("a PNG");
        assert_eq!((kind.as_str(), bytes.len()), ("image/png", 8));
        let too_big = decode_data_uri(
            "image",
            &format!("data:image/png;base64,{png}"),
            &["image/png"],
            4,
        )
        .unwrap_err();
        assert_eq!(too_big.code, 50035);
        assert!(
            decode_data_uri("image", "data:text/plain;base64,aGk=", &["image/png"], 64).is_err()
        );
        assert!(decode_data_uri("image", "not a uri", &["image/png"], 64).is_err());
        assert!(emoji_name(&json!({"name": "ok_name1"}), true).is_ok());
        assert!(emoji_name(&json!({"name": "bad name"}), true).is_err());
        assert!(emoji_name(&json!({}), true).is_err());
        assert_eq!(emoji_name(&json!({}), false).unwrap(), None);
    }
}
