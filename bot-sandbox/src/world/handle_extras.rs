//! What a test does and reads about a channel's extras through the handle: users voting in
//! polls, the invites, webhooks and voice-channel status the bot made, and group DMs with the
//! `gdm.join` grants that fill them.

use crate::SandboxHandle;
use serde_json::Value;

impl SandboxHandle {
    /// `user` votes for `answer` (1, 2, …) of a message's poll: MESSAGE_POLL_VOTE_ADD
    /// (GUILD_MESSAGE_POLLS), after a REMOVE of their other answer when the poll allows one
    /// answer only; `false` if Discord would refuse it (unknown poll or answer, ended poll).
    pub fn vote_poll(&self, user: u64, channel: u64, message: u64, answer: u32) -> bool {
        self.shared
            .change(|world| world.poll_vote(channel, message, user, answer, true))
            .is_ok()
    }

    /// `user` takes back a vote for `answer`: MESSAGE_POLL_VOTE_REMOVE; `false` if refused.
    pub fn unvote_poll(&self, user: u64, channel: u64, message: u64, answer: u32) -> bool {
        self.shared
            .change(|world| world.poll_vote(channel, message, user, answer, false))
            .is_ok()
    }

    /// The invites of a channel, as `GET /channels/{id}/invites` shows them (whatever the
    /// bot's permissions).
    pub fn channel_invites(&self, channel: u64) -> Vec<Value> {
        let world = self.shared.world();
        world
            .invites
            .iter()
            .filter(|i| i.channel_id == channel)
            .map(|i| world.invite_json(i))
            .collect()
    }

    /// The webhooks of a channel, as `GET /channels/{id}/webhooks` shows them (whatever the
    /// bot's permissions).
    pub fn channel_webhooks(&self, channel: u64) -> Vec<Value> {
        let world = self.shared.world();
        world
            .webhooks
            .values()
            .filter(|w| w.channel_id == channel)
            .map(|w| world.webhook_json(w))
            .collect()
    }

    /// The live stage of a stage channel, as `GET /stage-instances/{channel}` shows it.
    pub fn stage_instance(&self, channel: u64) -> Option<Value> {
        self.shared.world().stages.get(&channel).map(|s| s.json())
    }

    /// A voice channel's status, if set.
    pub fn voice_status(&self, channel: u64) -> Option<String> {
        self.shared.world().voice_statuses.get(&channel).cloned()
    }

    /// `user` authorizes the application with OAuth2's `gdm.join` scope: the access token the
    /// bot passes to add them to a group DM (`PUT /channels/{id}/recipients/{user}`).
    pub fn grant_gdm_join(&self, user: u64) -> String {
        self.grant_access_token(user, &["gdm.join"])
    }

    /// A group DM the bot made with these users (as `POST /users/@me/channels` with their
    /// access tokens makes it); its id, `None` for an unknown user or a bot.
    pub fn add_group_dm(&self, recipients: &[u64]) -> Option<u64> {
        self.shared.world().add_group_dm(recipients)
    }

    /// The users in a group DM besides its owner, in the order they were added.
    pub fn group_dm_recipients(&self, channel: u64) -> Vec<u64> {
        self.shared
            .world()
            .group_dms
            .get(&channel)
            .map(|g| g.recipients.clone())
            .unwrap_or_default()
    }
}
