//! Invites by code: resolved by anyone who has the code (with the guild's counts when asked),
//! revoked by a bot with MANAGE_CHANNELS in the invite's channel or MANAGE_GUILD (INVITE_DELETE,
//! GUILD_INVITES), and the users a targeted invite is for — read and replaced as a CSV file by
//! its inviter or a bot with MANAGE_GUILD, with the job that reads the file.

use super::World;
use super::bans::MANAGE_GUILD;
use super::change::{Changed, Refusal};
use super::channels::MANAGE_CHANNELS;
use super::invites::{InviteRecord, iso_of, unix_now};
use serde_json::{Value, json};

/// The job that read the last uploaded list of target users. The sandbox reads the file at
/// once, so a job is complete when it exists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct TargetJob {
    pub(crate) users: u64,
    /// When it ran, in seconds since the Unix epoch.
    pub(crate) at: u64,
}

/// The metadata fields Get Invite leaves out.
const METADATA: [&str; 5] = ["uses", "max_uses", "max_age", "temporary", "created_at"];

impl World {
    /// The live invite with `code` (10006 when unknown or expired).
    fn live_invite(&self, code: &str) -> Result<&InviteRecord, Refusal> {
        let now = unix_now();
        self.invites
            .iter()
            .find(|i| i.code == code && (i.max_age == 0 || i.created + i.max_age > now))
            .ok_or_else(|| Refusal::unknown(10006, "Invite"))
    }

    /// An invite as Get Invite shows it: no metadata; with `with_counts`, the guild's
    /// approximate member and presence counts (every member counts as present).
    pub(crate) fn resolve_invite(&self, code: &str, with_counts: bool) -> Result<Value, Refusal> {
        let invite = self.live_invite(code)?;
        let mut value = self.invite_json(invite);
        if let Some(map) = value.as_object_mut() {
            for key in METADATA {
                map.remove(key);
            }
            if with_counts {
                let members = self
                    .guilds
                    .get(&invite.guild_id)
                    .map_or(0, |g| g.members.len());
                map.insert("approximate_member_count".to_owned(), members.into());
                map.insert("approximate_presence_count".to_owned(), members.into());
            }
        }
        Ok(value)
    }

    /// The bot revokes an invite (MANAGE_CHANNELS in its channel, or MANAGE_GUILD):
    /// INVITE_DELETE `{channel_id, guild_id, code}`; the invite as it was.
    pub(crate) fn revoke_invite(&mut self, code: &str) -> Result<Changed<Value>, Refusal> {
        let invite = self.live_invite(code)?.clone();
        let bot = self.bot_id;
        let manage_guild = self
            .guilds
            .get(&invite.guild_id)
            .is_some_and(|g| g.permissions_of(bot) & MANAGE_GUILD != 0);
        if !manage_guild && !self.can(bot, invite.channel_id, MANAGE_CHANNELS) {
            return Err(Refusal::missing_permissions());
        }
        let mut reply = self.resolve_invite(code, false)?;
        reply["expires_at"] = self.invite_json(&invite)["expires_at"].clone();
        self.invites.retain(|i| i.code != invite.code);
        let data = json!({
            "channel_id": invite.channel_id.to_string(),
            "guild_id": invite.guild_id.to_string(),
            "code": invite.code,
        });
        Ok(Changed::quiet(reply).emit(
            "INVITE_DELETE",
            Some(invite.guild_id),
            Some(invite.channel_id),
            data,
        ))
    }

    /// The invite, when the bot made it or has MANAGE_GUILD in its guild (else 50013).
    fn own_invite(&mut self, code: &str) -> Result<&mut InviteRecord, Refusal> {
        let bot = self.bot_id;
        let guild = self.live_invite(code)?.guild_id;
        let manage_guild = self
            .guilds
            .get(&guild)
            .is_some_and(|g| g.permissions_of(bot) & MANAGE_GUILD != 0);
        let invite = self
            .invites
            .iter_mut()
            .find(|i| i.code == code)
            .ok_or_else(|| Refusal::unknown(10006, "Invite"))?;
        if invite.inviter != bot && !manage_guild {
            return Err(Refusal::missing_permissions());
        }
        Ok(invite)
    }

    /// The CSV file of an invite's target users: a `user_id` header, then one id a line. An
    /// invite without target users is 10006.
    pub(crate) fn invite_target_users(&mut self, code: &str) -> Result<String, Refusal> {
        let invite = self.own_invite(code)?;
        let users = invite
            .target_users
            .as_ref()
            .ok_or_else(|| Refusal::unknown(10006, "Invite"))?;
        let mut csv = String::from("user_id\n");
        for user in users {
            csv.push_str(&format!("{user}\n"));
        }
        Ok(csv)
    }

    /// Replaces an invite's target users with the ids of an uploaded CSV file (the first column
    /// of each line; a header is skipped). An empty list, or an id of no user, is 50035.
    pub(crate) fn set_invite_target_users(
        &mut self,
        code: &str,
        csv: &str,
    ) -> Result<Changed<()>, Refusal> {
        let mut users = Vec::new();
        for cell in csv
            .lines()
            .filter_map(|l| l.split(',').next())
            .map(str::trim)
        {
            match cell.trim_matches('"').parse::<u64>() {
                Ok(id) if self.users.contains_key(&id) => users.push(id),
                Ok(id) => {
                    return Err(Refusal::bad_request(
                        50035,
                        &format!("target_users_file: Invalid user ids: {id}"),
                    ));
                }
                // The header, or a blank line.
                Err(_) => {}
            }
        }
        if users.is_empty() {
            return Err(Refusal::bad_request(
                50035,
                "target_users_file: The file lists no users.",
            ));
        }
        let invite = self.own_invite(code)?;
        invite.target_job = Some(TargetJob {
            users: users.len() as u64,
            at: unix_now(),
        });
        invite.target_users = Some(users);
        Ok(Changed::quiet(()))
    }

    /// The status of the job that read an invite's last list of target users (status 0 and
    /// nothing else when none was uploaded; 2, completed, after one was).
    pub(crate) fn invite_target_job(&mut self, code: &str) -> Result<Value, Refusal> {
        let invite = self.own_invite(code)?;
        Ok(match &invite.target_job {
            Some(job) => json!({
                "status": 2,
                "total_users": job.users,
                "processed_users": job.users,
                "created_at": iso_of(job.at),
                "completed_at": iso_of(job.at),
                "error_message": null,
            }),
            None => json!({
                "status": 0, "total_users": 0, "processed_users": 0,
                "created_at": null, "completed_at": null, "error_message": null,
            }),
        })
    }
}
