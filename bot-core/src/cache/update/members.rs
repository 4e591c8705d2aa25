//! Members, users and voice states.

use super::super::members::CachedMember;
use super::super::{Cache, CachedUser, MemberCacheFlags, MemberRef, ResourceType, UserEntry};
use super::Derived;
use crate::event::{
    Event, EventKind, GuildMemberUpdate, MemberRemoved, MemberUpdated, UserUpdated,
    VoiceStateUpdated,
};
use crate::model::{GuildMarker, Id, Interaction, Member, User, UserMarker, VoiceState};
use std::sync::Arc;

impl Cache {
    pub(super) fn put_member(
        &self,
        guild: Id<GuildMarker>,
        member: &Member,
        from: MemberCacheFlags,
    ) {
        if self.config.keeps_members(from) {
            self.put_member_record(guild, CachedMember::new(member), &member.user);
        }
    }

    /// Keeps `member` (and its user, once).
    fn put_member_record(&self, guild: Id<GuildMarker>, member: CachedMember, user: &User) {
        let members = self.members.entry(guild).or_default().clone();
        let added = members.insert(member.id(), Arc::new(member)).is_none();
        self.put_user(user, added);
    }

    /// GUILD_MEMBER_UPDATE of a cached member: [`MemberUpdated`], and [`UserUpdated`] when its
    /// user's profile changed.
    pub(super) fn member_update(&self, update: &GuildMemberUpdate, out: &mut Derived<'_>) {
        let guild = update.guild_id;
        let id = update.user.id;
        let Some(members) = self.members.get(&guild).map(|m| m.clone()) else {
            return;
        };
        let before = self.member(guild, id);
        let Some(mut entry) = members.get_mut(&id) else {
            return;
        };
        let old = entry.clone();
        *entry = Arc::new(old.updated(update));
        drop(entry);
        let user_before = self.user(id);
        self.put_user(&update.user, false);
        let user_after = self.user(id);
        if let (Some(before), Some(after)) = (user_before, user_after)
            && !Arc::ptr_eq(&before, &after)
        {
            out.emit(EventKind::UserUpdated, || {
                Event::UserUpdated(UserUpdated { before, after })
            });
        }
        if let (Some(before), Some(after)) = (before, self.member(guild, id)) {
            out.emit(EventKind::MemberUpdated, || {
                Event::MemberUpdated(Box::new(MemberUpdated { before, after }))
            });
        }
    }

    /// GUILD_MEMBER_REMOVE: [`MemberRemoved`] when the member was cached.
    pub(super) fn member_remove(
        &self,
        guild: Id<GuildMarker>,
        user: Id<UserMarker>,
        out: &mut Derived<'_>,
    ) {
        let member = self.member(guild, user);
        let removed = self
            .members
            .get(&guild)
            .and_then(|members| members.remove(&user))
            .is_some();
        if removed {
            self.release_user(user);
        }
        self.voice_states.remove(&(guild, user));
        if let Some(member) = member {
            out.emit(EventKind::MemberRemoved, || {
                Event::MemberRemoved(MemberRemoved { member })
            });
        }
    }

    /// Keeps or refreshes `user`; `new_member` counts one more member of theirs.
    pub(super) fn put_user(&self, user: &User, new_member: bool) {
        if !self.config.keeps(ResourceType::USER) {
            return;
        }
        let mut entry = self.users.entry(user.id).or_insert_with(|| UserEntry {
            user: Arc::new(CachedUser::new(user)),
            members: 0,
        });
        if entry.user.differs_from(user) {
            entry.user = Arc::new(CachedUser::new(user));
        }
        if new_member {
            entry.members += 1;
        }
    }

    /// One member of `user`'s fewer; the user goes with the last.
    pub(super) fn release_user(&self, user: Id<UserMarker>) {
        self.users.remove_if_mut(&user, |_, entry| {
            entry.members = entry.members.saturating_sub(1);
            entry.members == 0
        });
    }

    /// VOICE_STATE_UPDATE: in a cached guild, [`VoiceStateUpdated`] with the member (cached, else
    /// the dispatch's) and the states before and after.
    pub(super) fn voice_state_update(&self, state: &VoiceState, out: &mut Derived<'_>) {
        let Some(guild) = state.guild_id else {
            return;
        };
        let key = (guild, state.user_id);
        let before = self.voice_states.get(&key).map(|s| s.clone());
        self.put_voice_state_in(guild, state);
        if !out.wants(EventKind::VoiceStateUpdated) || !self.guilds.contains_key(&guild) {
            return;
        }
        let member = self.member(guild, state.user_id).or_else(|| {
            state.member.as_ref().map(|member| MemberRef {
                guild_id: guild,
                member: Arc::new(CachedMember::new(member)),
                user: Arc::new(CachedUser::new(&member.user)),
            })
        });
        let Some(member) = member else {
            return;
        };
        let after = self.voice_states.get(&key).map(|s| s.clone()).or_else(|| {
            // Voice states not kept: the dispatch's, while in a channel.
            state.channel_id.map(|_| {
                let mut state = state.clone();
                state.member = None;
                Arc::new(state)
            })
        });
        out.emit(EventKind::VoiceStateUpdated, || {
            Event::VoiceStateUpdated(VoiceStateUpdated {
                member,
                before,
                after,
            })
        });
    }

    pub(super) fn put_voice_state_in(&self, guild: Id<GuildMarker>, state: &VoiceState) {
        if let Some(member) = &state.member {
            self.put_member(guild, member, MemberCacheFlags::VOICE);
        }
        if !self.config.keeps(ResourceType::VOICE_STATE) {
            return;
        }
        let key = (guild, state.user_id);
        if state.channel_id.is_some() {
            let mut state = state.clone();
            state.guild_id = Some(guild);
            state.member = None;
            self.voice_states.insert(key, Arc::new(state));
        } else {
            self.voice_states.remove(&key);
        }
    }

    /// An interaction's member, when `member_cache_flags` keep them.
    pub(super) fn interaction(&self, interaction: &Interaction) {
        if let (Some(guild), Some(member)) = (interaction.guild_id, &interaction.member)
            && let Some(user) = &member.user
            && self.config.keeps_members(MemberCacheFlags::INTERACTION)
        {
            self.put_member_record(guild, CachedMember::from_partial(user.id, member), user);
        }
    }
}
