//! A guild's soundboard sounds (developers/resources/soundboard.mdx): MP3 or Ogg data URIs of at
//! most 512 KiB, a volume from 0 to 1, an emoji. The same permissions as emojis; 8 sounds a
//! guild without boosts (30045 past that). Each change emits GUILD_SOUNDBOARD_SOUND_CREATE /
//! _UPDATE / _DELETE (GUILD_EXPRESSIONS) and over REST an audit-log entry (130, 131, 132).

use super::World;
use super::change::{Changed, Refusal};
use super::emojis::{CREATE_GUILD_EXPRESSIONS, MANAGE_GUILD_EXPRESSIONS, decode_data_uri, invalid};
use serde_json::{Value, json};

/// The sounds a guild without boosts holds.
const SOUND_SLOTS: usize = 8;

/// A guild's sound.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SoundRecord {
    pub(crate) id: u64,
    pub(crate) guild: u64,
    pub(crate) name: String,
    pub(crate) volume: f64,
    pub(crate) emoji_id: Option<u64>,
    pub(crate) emoji_name: Option<String>,
    pub(crate) creator: u64,
}

/// Reads the fields a create or modify body sets onto `sound` (50035 when out of range).
fn apply(sound: &mut SoundRecord, body: &Value) -> Result<(), Refusal> {
    match body.get("name") {
        None => {}
        Some(Value::String(name)) if (2..=32).contains(&name.chars().count()) => {
            sound.name = name.clone();
        }
        Some(_) => return Err(invalid("name", "Must be between 2 and 32 in length.")),
    }
    match body.get("volume") {
        None | Some(Value::Null) => {}
        Some(volume) => {
            sound.volume = volume
                .as_f64()
                .filter(|v| (0.0..=1.0).contains(v))
                .ok_or_else(|| invalid("volume", "Must be between 0 and 1."))?;
        }
    }
    if let Some(emoji) = body.get("emoji_id") {
        sound.emoji_id = emoji.as_str().and_then(|s| s.parse().ok());
    }
    match body.get("emoji_name") {
        None => {}
        Some(Value::Null) => sound.emoji_name = None,
        Some(Value::String(emoji)) if (1..=32).contains(&emoji.chars().count()) => {
            sound.emoji_name = Some(emoji.clone());
        }
        Some(_) => return Err(invalid("emoji_name", "Must be between 1 and 32 in length.")),
    }
    Ok(())
}

impl World {
    /// A sound as REST and the gateway show it.
    fn sound_json(&self, sound: &SoundRecord) -> Value {
        let mut value = json!({
            "name": sound.name,
            "sound_id": sound.id.to_string(),
            "volume": sound.volume,
            "emoji_id": sound.emoji_id.map(|id| id.to_string()),
            "emoji_name": sound.emoji_name,
            "guild_id": sound.guild.to_string(),
            "available": true,
        });
        if let Some(user) = self.public_user_json_by_id(sound.creator) {
            value["user"] = user;
        }
        value
    }

    /// `GET /guilds/{guild}/soundboard-sounds`: `{items}`.
    pub(crate) fn guild_sounds(&self, guild: u64) -> Result<Value, Refusal> {
        self.acting_guild(guild)?;
        let items: Vec<Value> = self
            .sounds
            .values()
            .filter(|s| s.guild == guild)
            .map(|s| self.sound_json(s))
            .collect();
        Ok(json!({ "items": items }))
    }

    /// `GET /guilds/{guild}/soundboard-sounds/{sound}` (10097 when unknown).
    pub(crate) fn guild_sound(&self, guild: u64, sound: u64) -> Result<Value, Refusal> {
        self.acting_guild(guild)?;
        self.sounds
            .get(&sound)
            .filter(|s| s.guild == guild)
            .map(|s| self.sound_json(s))
            .ok_or_else(|| Refusal::unknown(10097, "Sound"))
    }

    /// `POST /guilds/{guild}/soundboard-sounds` `{name, sound, volume?, emoji_id?,
    /// emoji_name?}`: GUILD_SOUNDBOARD_SOUND_CREATE.
    pub(crate) fn create_guild_sound(
        &mut self,
        guild: u64,
        body: &Value,
    ) -> Result<Changed<Value>, Refusal> {
        self.require_guild(guild, CREATE_GUILD_EXPRESSIONS)?;
        if body.get("name").is_none_or(Value::is_null) {
            return Err(invalid("name", "This field is required"));
        }
        let data = body
            .get("sound")
            .and_then(Value::as_str)
            .ok_or_else(|| invalid("sound", "This field is required"))?;
        decode_data_uri("sound", data, &["audio/mpeg", "audio/ogg"], 512 * 1024)?;
        let mut sound = SoundRecord {
            id: self.ids.next(),
            guild,
            name: String::new(),
            volume: 1.0,
            emoji_id: None,
            emoji_name: None,
            creator: self.bot_id,
        };
        apply(&mut sound, body)?;
        if self.sounds.values().filter(|s| s.guild == guild).count() >= SOUND_SLOTS {
            return Err(Refusal::bad_request(
                30045,
                &format!("Maximum number of soundboard sounds reached ({SOUND_SLOTS})"),
            ));
        }
        let value = self.sound_json(&sound);
        let id = sound.id;
        self.sounds.insert(id, sound);
        let mut changed = Changed::quiet(value.clone()).emit(
            "GUILD_SOUNDBOARD_SOUND_CREATE",
            Some(guild),
            None,
            value,
        );
        changed.events.extend(self.audit_expression(guild, 130, id));
        Ok(changed)
    }

    /// The bot may change or delete `sound` (as for emojis).
    fn manageable_sound(&self, guild: u64, sound: u64) -> Result<(), Refusal> {
        let record = self.acting_guild(guild)?;
        let found = self
            .sounds
            .get(&sound)
            .filter(|s| s.guild == guild)
            .ok_or_else(|| Refusal::unknown(10097, "Sound"))?;
        let have = record.permissions_of(self.bot_id);
        let own = found.creator == self.bot_id;
        if have & MANAGE_GUILD_EXPRESSIONS != 0 || (own && have & CREATE_GUILD_EXPRESSIONS != 0) {
            Ok(())
        } else {
            Err(Refusal::missing_permissions())
        }
    }

    /// `PATCH /guilds/{guild}/soundboard-sounds/{sound}`: GUILD_SOUNDBOARD_SOUND_UPDATE.
    pub(crate) fn edit_guild_sound(
        &mut self,
        guild: u64,
        sound: u64,
        body: &Value,
    ) -> Result<Changed<Value>, Refusal> {
        self.manageable_sound(guild, sound)?;
        let mut record = self.sounds[&sound].clone();
        apply(&mut record, body)?;
        let value = self.sound_json(&record);
        self.sounds.insert(sound, record);
        let mut changed = Changed::quiet(value.clone()).emit(
            "GUILD_SOUNDBOARD_SOUND_UPDATE",
            Some(guild),
            None,
            value,
        );
        changed
            .events
            .extend(self.audit_expression(guild, 131, sound));
        Ok(changed)
    }

    /// `DELETE /guilds/{guild}/soundboard-sounds/{sound}`: GUILD_SOUNDBOARD_SOUND_DELETE.
    pub(crate) fn delete_guild_sound(
        &mut self,
        guild: u64,
        sound: u64,
    ) -> Result<Changed<()>, Refusal> {
        self.manageable_sound(guild, sound)?;
        self.sounds.remove(&sound);
        let data = json!({ "sound_id": sound.to_string(), "guild_id": guild.to_string() });
        let mut changed =
            Changed::quiet(()).emit("GUILD_SOUNDBOARD_SOUND_DELETE", Some(guild), None, data);
        changed
            .events
            .extend(self.audit_expression(guild, 132, sound));
        Ok(changed)
    }

    /// A guild's sounds as GUILD_CREATE's `soundboard_sounds` lists them.
    pub(crate) fn guild_sounds_json(&self, guild: u64) -> Vec<Value> {
        self.sounds
            .values()
            .filter(|s| s.guild == guild)
            .map(|s| self.sound_json(s))
            .collect()
    }
}
