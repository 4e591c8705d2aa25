//! A guild's stickers (developers/resources/sticker.mdx): uploaded as `multipart/form-data`
//! (PNG, APNG or GIF of at most 512 KiB; Lottie only for verified or partnered guilds, which
//! the sandbox's are not). The same permissions as emojis; 5 stickers a guild without boosts
//! (30039 past that). Each change emits GUILD_STICKERS_UPDATE (GUILD_EXPRESSIONS) and over REST
//! an audit-log entry (STICKER_CREATE 90, _UPDATE 91, _DELETE 92).

use super::World;
use super::change::{Changed, Refusal};
use super::emojis::{CREATE_GUILD_EXPRESSIONS, MANAGE_GUILD_EXPRESSIONS, invalid};
use serde_json::{Value, json};

/// The most bytes of a sticker's file.
const MAX_STICKER_BYTES: usize = 512 * 1024;
/// The stickers a guild without boosts holds.
const STICKER_SLOTS: usize = 5;

/// A guild sticker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct StickerRecord {
    pub(crate) id: u64,
    pub(crate) name: String,
    pub(crate) tags: String,
    pub(crate) description: Option<String>,
    /// 1 PNG, 2 APNG, 4 GIF.
    pub(crate) format_type: u8,
    pub(crate) creator: u64,
}

/// What a sticker upload carries: its text fields and its file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct StickerUpload {
    pub(crate) name: Option<String>,
    pub(crate) tags: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) file: Option<Vec<u8>>,
}

/// The format of a sticker file by its first bytes (50035 for anything else).
fn format_of(bytes: &[u8]) -> Result<u8, Refusal> {
    if bytes.len() > MAX_STICKER_BYTES {
        return Err(invalid("file", "File cannot be larger than 512.0 kb."));
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        let animated = bytes.windows(4).any(|w| w == b"acTL");
        Ok(if animated { 2 } else { 1 })
    } else if bytes.starts_with(b"GIF8") {
        Ok(4)
    } else if bytes.trim_ascii_start().starts_with(b"{") {
        Err(invalid(
            "file",
            "Lottie stickers need a verified or partnered guild.",
        ))
    } else {
        Err(invalid("file", "Invalid Asset"))
    }
}

/// Checks a sticker's texts as Discord does (50035 otherwise).
fn check_texts(
    name: Option<&str>,
    tags: Option<&str>,
    description: Option<&str>,
) -> Result<(), Refusal> {
    if name.is_some_and(|n| !(2..=30).contains(&n.chars().count())) {
        return Err(invalid("name", "Must be between 2 and 30 in length."));
    }
    if tags.is_some_and(|t| !(1..=200).contains(&t.chars().count())) {
        return Err(invalid("tags", "Must be between 1 and 200 in length."));
    }
    if description.is_some_and(|d| !d.is_empty() && !(2..=100).contains(&d.chars().count())) {
        return Err(invalid(
            "description",
            "Must be between 2 and 100 in length.",
        ));
    }
    Ok(())
}

impl World {
    /// A sticker as REST and GUILD_STICKERS_UPDATE show it (with its uploader when the bot may
    /// manage or create expressions).
    fn sticker_json(&self, guild: u64, sticker: &StickerRecord) -> Value {
        let mut value = json!({
            "id": sticker.id.to_string(),
            "name": sticker.name,
            "tags": sticker.tags,
            "type": 2,
            "format_type": sticker.format_type,
            "description": sticker.description,
            "available": true,
            "guild_id": guild.to_string(),
        });
        let shows = self.guilds.get(&guild).is_some_and(|g| {
            g.permissions_of(self.bot_id) & (MANAGE_GUILD_EXPRESSIONS | CREATE_GUILD_EXPRESSIONS)
                != 0
        });
        if shows && let Some(user) = self.public_user_json_by_id(sticker.creator) {
            value["user"] = user;
        }
        value
    }

    /// A guild's stickers as REST and GUILD_STICKERS_UPDATE list them.
    pub(crate) fn guild_stickers_json(&self, guild: u64) -> Vec<Value> {
        self.stickers
            .get(&guild)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|s| self.sticker_json(guild, s))
            .collect()
    }

    /// A guild sticker by id, wherever it is: its guild and JSON (for `GET /stickers/{id}`).
    pub(crate) fn find_guild_sticker(&self, id: u64) -> Option<Value> {
        self.stickers.iter().find_map(|(guild, list)| {
            list.iter()
                .find(|s| s.id == id)
                .map(|s| self.sticker_json(*guild, s))
        })
    }

    /// `GET /guilds/{guild}/stickers/{sticker}` (10060 when unknown).
    pub(crate) fn guild_sticker(&self, guild: u64, sticker: u64) -> Result<Value, Refusal> {
        self.acting_guild(guild)?;
        self.stickers
            .get(&guild)
            .and_then(|list| list.iter().find(|s| s.id == sticker))
            .map(|s| self.sticker_json(guild, s))
            .ok_or_else(|| Refusal::unknown(10060, "Sticker"))
    }

    fn stickers_updated<T>(
        &mut self,
        changed: Changed<T>,
        guild: u64,
        action: u16,
        target: u64,
    ) -> Changed<T> {
        let data = json!({
            "guild_id": guild.to_string(),
            "stickers": self.guild_stickers_json(guild),
        });
        let mut changed = changed.emit("GUILD_STICKERS_UPDATE", Some(guild), None, data);
        changed
            .events
            .extend(self.audit_expression(guild, action, target));
        changed
    }

    /// `POST /guilds/{guild}/stickers` (multipart `name`, `tags`, `description`, `file`).
    pub(crate) fn create_guild_sticker(
        &mut self,
        guild: u64,
        upload: StickerUpload,
    ) -> Result<Changed<Value>, Refusal> {
        self.require_guild(guild, CREATE_GUILD_EXPRESSIONS)?;
        let name = upload
            .name
            .ok_or_else(|| invalid("name", "This field is required"))?;
        let tags = upload
            .tags
            .ok_or_else(|| invalid("tags", "This field is required"))?;
        let file = upload
            .file
            .ok_or_else(|| invalid("file", "This field is required"))?;
        check_texts(Some(&name), Some(&tags), upload.description.as_deref())?;
        let format_type = format_of(&file)?;
        if self.stickers.get(&guild).map_or(0, Vec::len) >= STICKER_SLOTS {
            return Err(Refusal::bad_request(
                30039,
                &format!("Maximum number of stickers reached ({STICKER_SLOTS})"),
            ));
        }
        let sticker = StickerRecord {
            id: self.ids.next(),
            name,
            tags,
            description: upload.description.filter(|d| !d.is_empty()),
            format_type,
            creator: self.bot_id,
        };
        let id = sticker.id;
        let value = self.sticker_json(guild, &sticker);
        self.stickers.entry(guild).or_default().push(sticker);
        Ok(self.stickers_updated(Changed::quiet(value), guild, 90, id))
    }

    /// The bot may change or delete `sticker` (as for emojis). Its index.
    fn manageable_sticker(&self, guild: u64, sticker: u64) -> Result<usize, Refusal> {
        let record = self.acting_guild(guild)?;
        let list = self.stickers.get(&guild).map_or(&[][..], Vec::as_slice);
        let index = list
            .iter()
            .position(|s| s.id == sticker)
            .ok_or_else(|| Refusal::unknown(10060, "Sticker"))?;
        let have = record.permissions_of(self.bot_id);
        let own = list[index].creator == self.bot_id;
        if have & MANAGE_GUILD_EXPRESSIONS != 0 || (own && have & CREATE_GUILD_EXPRESSIONS != 0) {
            Ok(index)
        } else {
            Err(Refusal::missing_permissions())
        }
    }

    /// `PATCH /guilds/{guild}/stickers/{sticker}` `{name?, tags?, description?}`.
    pub(crate) fn edit_guild_sticker(
        &mut self,
        guild: u64,
        sticker: u64,
        body: &Value,
    ) -> Result<Changed<Value>, Refusal> {
        let index = self.manageable_sticker(guild, sticker)?;
        let text = |key: &str| body.get(key).and_then(Value::as_str).map(str::to_owned);
        let (name, tags, description) = (text("name"), text("tags"), text("description"));
        check_texts(name.as_deref(), tags.as_deref(), description.as_deref())?;
        let record = &mut self.stickers.get_mut(&guild).expect("checked")[index];
        if let Some(name) = name {
            record.name = name;
        }
        if let Some(tags) = tags {
            record.tags = tags;
        }
        if body.get("description").is_some() {
            record.description = description.filter(|d| !d.is_empty());
        }
        let record = record.clone();
        let value = self.sticker_json(guild, &record);
        Ok(self.stickers_updated(Changed::quiet(value), guild, 91, sticker))
    }

    /// `DELETE /guilds/{guild}/stickers/{sticker}`.
    pub(crate) fn delete_guild_sticker(
        &mut self,
        guild: u64,
        sticker: u64,
    ) -> Result<Changed<()>, Refusal> {
        let index = self.manageable_sticker(guild, sticker)?;
        self.stickers
            .get_mut(&guild)
            .expect("checked")
            .remove(index);
        Ok(self.stickers_updated(Changed::quiet(()), guild, 92, sticker))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sticker_files_are_recognised() {
        assert_eq!(format_of(b"\x89PNG\r\n\x1a\n....").unwrap(), 1);
        assert_eq!(format_of(b"\x89PNG\r\n\x1a\n..acTL..").unwrap(), 2);
        assert_eq!(format_of(b"GIF89a").unwrap(), 4);
        assert_eq!(format_of(b"{\"v\": \"5.5\"}").unwrap_err().code, 50035);
        assert_eq!(
            format_of(&vec![0; MAX_STICKER_BYTES + 1]).unwrap_err().code,
            50035
        );
        assert!(check_texts(Some("ok"), Some("t"), Some("")).is_ok());
        assert!(check_texts(Some("o"), None, None).is_err());
        assert!(check_texts(None, None, Some("x")).is_err());
    }
}
