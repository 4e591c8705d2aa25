//! Guild templates (developers/resources/guild-template.mdx): a guild's settings, roles and
//! channels saved under a code, with template-local ids (`0` is @everyone). A guild has at most
//! one (30031); creating, listing, syncing, changing and deleting it need MANAGE_GUILD; anyone
//! may read a template by code (10057 when unknown). `is_dirty` says whether the guild changed
//! since the last sync. Threads and channels of the community-only types are not saved.

use super::World;
use super::bans::MANAGE_GUILD;
use super::change::Refusal;
use super::invites::code_of;
use crate::rest::now_iso;
use serde_json::{Value, json};

/// The channel types a template saves (text, voice, category, forum); the community-only ones
/// (announcement, stage) and threads are left out.
const TEMPLATE_CHANNEL_TYPES: [u8; 4] = [0, 2, 4, 15];

/// A saved template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct TemplateRecord {
    pub(crate) code: String,
    pub(crate) guild_id: u64,
    pub(crate) name: String,
    pub(crate) description: Option<String>,
    pub(crate) creator_id: u64,
    pub(crate) created_at: String,
    pub(crate) updated_at: String,
    /// The guild as saved (`serialized_source_guild`).
    pub(crate) snapshot: Value,
}

/// Reads `name` (1–100 characters; required when `required`) and `description` (at most 120).
fn fields(
    body: &Value,
    required: bool,
) -> Result<(Option<String>, Option<Option<String>>), Refusal> {
    let name = match body.get("name") {
        None | Some(Value::Null) if !required => None,
        Some(Value::String(name)) if (1..=100).contains(&name.chars().count()) => {
            Some(name.clone())
        }
        _ => {
            return Err(Refusal::bad_request(
                50035,
                "name: Must be between 1 and 100 in length.",
            ));
        }
    };
    let description = match body.get("description") {
        None => None,
        Some(Value::Null) => Some(None),
        Some(Value::String(text)) if text.chars().count() <= 120 => Some(Some(text.clone())),
        Some(_) => {
            return Err(Refusal::bad_request(
                50035,
                "description: Must be 120 or fewer in length.",
            ));
        }
    };
    Ok((name, description))
}

impl World {
    /// The bot needs MANAGE_GUILD in `guild` (10004 unknown, 50013 without).
    fn manage_templates(&self, guild: u64) -> Result<(), Refusal> {
        let record = self
            .guilds
            .get(&guild)
            .ok_or_else(|| Refusal::unknown(10004, "Guild"))?;
        if record.permissions_of(self.bot_id) & MANAGE_GUILD == 0 {
            return Err(Refusal::missing_permissions());
        }
        Ok(())
    }

    /// The guild as a template saves it, with template-local ids in the guild's order.
    fn snapshot_of(&self, guild: u64) -> Value {
        let record = &self.guilds[&guild];
        let role_ids: Vec<u64> = record.roles.iter().map(|r| r.id).collect();
        let local_role = |id: u64| role_ids.iter().position(|r| *r == id);
        let channel_ids: Vec<u64> = record
            .channels
            .iter()
            .filter(|c| c.thread.is_none() && TEMPLATE_CHANNEL_TYPES.contains(&c.kind))
            .map(|c| c.id)
            .collect();
        let local_channel = |id: u64| channel_ids.iter().position(|c| *c == id);
        let roles: Vec<Value> = record
            .roles
            .iter()
            .enumerate()
            .map(|(i, r)| {
                json!({"id": i, "name": r.name, "permissions": r.permissions.to_string(),
                       "color": r.color, "colors": {"primary_color": r.color,
                       "secondary_color": null, "tertiary_color": null},
                       "hoist": r.hoist, "mentionable": r.mentionable, "icon": null,
                       "unicode_emoji": null})
            })
            .collect();
        let channels: Vec<Value> = record
            .channels
            .iter()
            .filter(|c| c.thread.is_none() && TEMPLATE_CHANNEL_TYPES.contains(&c.kind))
            .enumerate()
            .map(|(i, c)| {
                let overwrites: Vec<Value> = c
                    .overwrites
                    .iter()
                    .filter_map(|o| {
                        Some(json!({"id": local_role(o.id)?, "type": o.kind,
                                    "allow": o.allow.to_string(), "deny": o.deny.to_string()}))
                    })
                    .collect();
                json!({"id": i, "type": c.kind, "name": c.name, "position": c.position,
                       "topic": c.topic, "bitrate": 64000, "user_limit": 0, "nsfw": c.nsfw,
                       "rate_limit_per_user": c.rate_limit_per_user,
                       "parent_id": c.parent_id.and_then(local_channel),
                       "default_auto_archive_duration": null,
                       "permission_overwrites": overwrites, "available_tags": null,
                       "template": "", "default_reaction_emoji": null,
                       "default_thread_rate_limit_per_user": null, "default_sort_order": null,
                       "default_forum_layout": null, "default_tag_setting": null,
                       "theme_color": null})
            })
            .collect();
        json!({
            "name": record.name, "description": record.description, "region": "us-west",
            "verification_level": 0, "default_message_notifications": 0,
            "explicit_content_filter": 0, "preferred_locale": "en-US", "afk_channel_id": null,
            "afk_timeout": 300, "system_channel_id": null, "system_channel_flags": 0,
            "roles": roles, "channels": channels,
        })
    }

    fn template_json(&self, template: &TemplateRecord) -> Value {
        let dirty = self.guilds.contains_key(&template.guild_id)
            && self.snapshot_of(template.guild_id) != template.snapshot;
        json!({
            "code": template.code,
            "name": template.name,
            "description": template.description,
            "usage_count": 0,
            "creator_id": template.creator_id.to_string(),
            "creator": self.public_user_json_by_id(template.creator_id),
            "created_at": template.created_at,
            "updated_at": template.updated_at,
            "source_guild_id": template.guild_id.to_string(),
            "serialized_source_guild": template.snapshot,
            "is_dirty": dirty,
        })
    }

    fn template_of(&self, guild: u64, code: &str) -> Result<&TemplateRecord, Refusal> {
        self.templates
            .get(code)
            .filter(|t| t.guild_id == guild)
            .ok_or_else(|| Refusal::unknown(10057, "Guild Template"))
    }

    /// A template by code, for anyone.
    pub(crate) fn template(&self, code: &str) -> Result<Value, Refusal> {
        self.templates
            .get(code)
            .map(|t| self.template_json(t))
            .ok_or_else(|| Refusal::unknown(10057, "Guild Template"))
    }

    /// The guild's templates.
    pub(crate) fn guild_templates(&self, guild: u64) -> Result<Value, Refusal> {
        self.manage_templates(guild)?;
        Ok(self
            .templates
            .values()
            .filter(|t| t.guild_id == guild)
            .map(|t| self.template_json(t))
            .collect())
    }

    /// Saves the guild as a template (30031 when it has one).
    pub(crate) fn create_template(&mut self, guild: u64, body: &Value) -> Result<Value, Refusal> {
        self.manage_templates(guild)?;
        let (name, description) = fields(body, true)?;
        if self.templates.values().any(|t| t.guild_id == guild) {
            return Err(Refusal::bad_request(
                30031,
                "A server template already exists",
            ));
        }
        let id = self.ids.next();
        let code: String = format!("{}{}", code_of(id), code_of(id.rotate_left(13)))
            .chars()
            .take(12)
            .collect();
        let now = now_iso();
        let template = TemplateRecord {
            code: code.clone(),
            guild_id: guild,
            name: name.unwrap_or_default(),
            description: description.flatten(),
            creator_id: self.bot_id,
            created_at: now.clone(),
            updated_at: now,
            snapshot: self.snapshot_of(guild),
        };
        let data = self.template_json(&template);
        self.templates.insert(code, template);
        Ok(data)
    }

    /// Saves the guild again into its template.
    pub(crate) fn sync_template(&mut self, guild: u64, code: &str) -> Result<Value, Refusal> {
        self.manage_templates(guild)?;
        self.template_of(guild, code)?;
        let snapshot = self.snapshot_of(guild);
        let template = self
            .templates
            .get_mut(code)
            .ok_or_else(|| Refusal::unknown(10057, "Guild Template"))?;
        template.snapshot = snapshot;
        template.updated_at = now_iso();
        let template = template.clone();
        Ok(self.template_json(&template))
    }

    /// Changes a template's name or description.
    pub(crate) fn edit_template(
        &mut self,
        guild: u64,
        code: &str,
        body: &Value,
    ) -> Result<Value, Refusal> {
        self.manage_templates(guild)?;
        self.template_of(guild, code)?;
        let (name, description) = fields(body, false)?;
        let template = self
            .templates
            .get_mut(code)
            .ok_or_else(|| Refusal::unknown(10057, "Guild Template"))?;
        if let Some(name) = name {
            template.name = name;
        }
        if let Some(description) = description {
            template.description = description;
        }
        let template = template.clone();
        Ok(self.template_json(&template))
    }

    /// Deletes a template: the template as it was.
    pub(crate) fn delete_template(&mut self, guild: u64, code: &str) -> Result<Value, Refusal> {
        self.manage_templates(guild)?;
        self.template_of(guild, code)?;
        let removed = self
            .templates
            .remove(code)
            .ok_or_else(|| Refusal::unknown(10057, "Guild Template"))?;
        Ok(self.template_json(&removed))
    }
}
