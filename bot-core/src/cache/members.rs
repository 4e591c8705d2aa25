//! Guild members as the cache keeps them: one compact record per guild and user, the user
//! itself kept once (see `users.rs`); [`MemberRef`] joins the two for a reader.

use super::{CachedUser, ImageHash};
use crate::event::GuildMemberUpdate;
use crate::model::{
    AvatarDecoration, GuildMarker, Id, Member, MemberFlags, Message, PartialMember, RoleMarker,
    Timestamp, UserMarker,
};
use std::ops::Deref;
use std::sync::Arc;

/// A cached guild member, without its user (read it through a [`MemberRef`]). The fields most
/// members lack (a guild avatar, a boost, a timeout, flags) share one optional box, so a plain
/// member costs 64 bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CachedMember {
    user_id: Id<UserMarker>,
    nick: Option<Box<str>>,
    roles: Box<[Id<RoleMarker>]>,
    joined_at: CompactTime,
    rare: Option<Box<Rare>>,
    deaf: bool,
    mute: bool,
    pending: bool,
}

/// What few members have.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
struct Rare {
    avatar: Option<ImageHash>,
    banner: Option<ImageHash>,
    avatar_decoration: Option<Box<AvatarDecoration>>,
    premium_since: Option<Timestamp>,
    communication_disabled_until: Option<Timestamp>,
    flags: MemberFlags,
}

impl Rare {
    /// `None` when there is nothing rare.
    fn boxed(self) -> Option<Box<Rare>> {
        (self != Rare::default()).then(|| Box::new(self))
    }
}

/// A timestamp in 8 bytes (`i64::MIN`: none).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct CompactTime(i64);

impl CompactTime {
    fn new(time: Option<Timestamp>) -> Self {
        CompactTime(time.map_or(i64::MIN, Timestamp::unix_micros))
    }

    fn get(self) -> Option<Timestamp> {
        (self.0 != i64::MIN).then(|| Timestamp::from_unix_micros(self.0))
    }
}

/// The fields a member payload (full or partial) gives the cache.
struct Fields<'a> {
    user_id: Id<UserMarker>,
    nick: Option<&'a str>,
    roles: &'a [Id<RoleMarker>],
    joined_at: Option<Timestamp>,
    avatar: Option<&'a str>,
    banner: Option<&'a str>,
    avatar_decoration: Option<&'a AvatarDecoration>,
    premium_since: Option<Timestamp>,
    communication_disabled_until: Option<Timestamp>,
    flags: MemberFlags,
    deaf: bool,
    mute: bool,
    pending: bool,
}

impl Fields<'_> {
    fn cached(self) -> CachedMember {
        CachedMember {
            user_id: self.user_id,
            nick: self.nick.map(Box::from),
            roles: self.roles.into(),
            joined_at: CompactTime::new(self.joined_at),
            rare: Rare {
                avatar: self.avatar.map(ImageHash::parse),
                banner: self.banner.map(ImageHash::parse),
                avatar_decoration: self.avatar_decoration.cloned().map(Box::new),
                premium_since: self.premium_since,
                communication_disabled_until: self.communication_disabled_until,
                flags: self.flags,
            }
            .boxed(),
            deaf: self.deaf,
            mute: self.mute,
            pending: self.pending,
        }
    }
}

impl CachedMember {
    /// The cached form of `member`.
    pub fn new(member: &Member) -> Self {
        Fields {
            user_id: member.user.id,
            nick: member.nick.as_deref(),
            roles: &member.roles,
            joined_at: member.joined_at,
            avatar: member.avatar.as_deref(),
            banner: member.banner.as_deref(),
            avatar_decoration: member.avatar_decoration_data.as_ref(),
            premium_since: member.premium_since,
            communication_disabled_until: member.communication_disabled_until,
            flags: member.flags,
            deaf: member.deaf,
            mute: member.mute,
            pending: member.pending,
        }
        .cached()
    }

    /// The cached form of a partial member (an interaction's, a message's) of the user
    /// `user_id`.
    pub fn from_partial(user_id: Id<UserMarker>, member: &PartialMember) -> Self {
        Fields {
            user_id,
            nick: member.nick.as_deref(),
            roles: &member.roles,
            joined_at: member.joined_at,
            avatar: member.avatar.as_deref(),
            banner: member.banner.as_deref(),
            avatar_decoration: member.avatar_decoration_data.as_ref(),
            premium_since: member.premium_since,
            communication_disabled_until: member.communication_disabled_until,
            flags: member.flags,
            deaf: member.deaf,
            mute: member.mute,
            pending: member.pending,
        }
        .cached()
    }

    fn rare(&self) -> Option<&Rare> {
        self.rare.as_deref()
    }

    /// The user's id.
    pub fn id(&self) -> Id<UserMarker> {
        self.user_id
    }

    /// The guild nickname, if set.
    pub fn nick(&self) -> Option<&str> {
        self.nick.as_deref()
    }

    /// The guild avatar hash, if set (Pycord's `guild_avatar`).
    pub fn guild_avatar(&self) -> Option<&ImageHash> {
        self.rare().and_then(|rare| rare.avatar.as_ref())
    }

    /// The guild banner hash, if set (Pycord's `guild_banner`).
    pub fn guild_banner(&self) -> Option<&ImageHash> {
        self.rare().and_then(|rare| rare.banner.as_ref())
    }

    /// The guild avatar decoration, if set (Pycord's `guild_avatar_decoration`).
    pub fn guild_avatar_decoration(&self) -> Option<&AvatarDecoration> {
        self.rare()
            .and_then(|rare| rare.avatar_decoration.as_deref())
    }

    /// Whether the member is timed out now (Pycord's `timed_out`).
    pub fn timed_out(&self) -> bool {
        self.communication_disabled_until()
            .is_some_and(|until| until > Timestamp::now())
    }

    /// The member's role ids (without the guild's `@everyone`).
    pub fn role_ids(&self) -> &[Id<RoleMarker>] {
        &self.roles
    }

    /// Whether the member has the role `role`.
    pub fn has_role(&self, role: Id<RoleMarker>) -> bool {
        self.roles.contains(&role)
    }

    /// When the member joined.
    pub fn joined_at(&self) -> Option<Timestamp> {
        self.joined_at.get()
    }

    /// Since when the member boosts the guild.
    pub fn premium_since(&self) -> Option<Timestamp> {
        self.rare().and_then(|rare| rare.premium_since)
    }

    /// Until when the member is timed out (Pycord's `communication_disabled_until`).
    pub fn communication_disabled_until(&self) -> Option<Timestamp> {
        self.rare()
            .and_then(|rare| rare.communication_disabled_until)
    }

    /// The member's flags.
    pub fn flags(&self) -> MemberFlags {
        self.rare().map(|rare| rare.flags).unwrap_or_default()
    }

    /// Whether the member is deafened in voice channels.
    pub fn deaf(&self) -> bool {
        self.deaf
    }

    /// Whether the member is muted in voice channels.
    pub fn mute(&self) -> bool {
        self.mute
    }

    /// Whether the member has not yet passed the membership screening.
    pub fn pending(&self) -> bool {
        self.pending
    }

    /// `<@id>`.
    pub fn mention(&self) -> String {
        format!("<@{}>", self.user_id)
    }
}

/// A cached member with its user: two shared handles, cheap to clone, that keep nothing
/// locked. It derefs to the [`CachedMember`]; [`user`](Self::user) gives the user.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberRef {
    pub(crate) guild_id: Id<GuildMarker>,
    pub(crate) member: Arc<CachedMember>,
    pub(crate) user: Arc<CachedUser>,
}

impl MemberRef {
    /// The guild.
    pub fn guild_id(&self) -> Id<GuildMarker> {
        self.guild_id
    }

    /// The user.
    pub fn user(&self) -> &CachedUser {
        &self.user
    }

    /// The username (Pycord's `name`).
    pub fn name(&self) -> &str {
        self.user.name()
    }

    /// The nickname, else the global name, else the username (Pycord's `display_name`).
    pub fn display_name(&self) -> &str {
        self.member
            .nick()
            .unwrap_or_else(|| self.user.display_name())
    }

    /// The guild avatar, else the user's (Pycord's `display_avatar`, as a hash; `None`: the
    /// default avatar, [`CachedUser::default_avatar_index`]).
    pub fn display_avatar(&self) -> Option<&ImageHash> {
        self.member.guild_avatar().or(self.user.avatar())
    }

    /// The guild banner, else the user's (Pycord's `display_banner`).
    pub fn display_banner(&self) -> Option<&ImageHash> {
        self.member.guild_banner().or(self.user.banner())
    }

    /// The guild avatar decoration, else the user's (Pycord's `display_avatar_decoration`).
    pub fn display_avatar_decoration(&self) -> Option<&AvatarDecoration> {
        self.member
            .guild_avatar_decoration()
            .or(self.user.avatar_decoration())
    }

    /// The user's global name (Pycord's `global_name`).
    pub fn global_name(&self) -> Option<&str> {
        self.user.global_name()
    }

    /// When the account was created (Pycord's `created_at`).
    pub fn created_at(&self) -> Timestamp {
        self.user.created_at()
    }

    /// Whether `message` mentions the member: by user, by one of its roles, or `@everyone`
    /// (Pycord's `mentioned_in`).
    pub fn mentioned_in(&self, message: &Message) -> bool {
        message.mention_everyone
            || message
                .mentions
                .iter()
                .any(|user| user.id == self.user.id())
            || message
                .mention_roles
                .iter()
                .any(|role| self.member.has_role(*role))
    }

    /// Whether the user is a bot.
    pub fn bot(&self) -> bool {
        self.user.bot()
    }
}

impl Deref for MemberRef {
    type Target = CachedMember;

    fn deref(&self) -> &CachedMember {
        &self.member
    }
}

impl CachedMember {
    /// This member after `update` (GUILD_MEMBER_UPDATE sends the fields it has; absent ones
    /// keep their value).
    pub(super) fn updated(&self, update: &GuildMemberUpdate) -> CachedMember {
        let mut rare = self.rare().cloned().unwrap_or_default();
        rare.avatar = update.avatar.as_deref().map(ImageHash::parse);
        rare.banner = update.banner.as_deref().map(ImageHash::parse);
        rare.avatar_decoration = update.avatar_decoration_data.clone();
        rare.premium_since = update.premium_since;
        rare.communication_disabled_until = update.communication_disabled_until;
        if let Some(flags) = update.flags {
            rare.flags = flags;
        }
        CachedMember {
            user_id: self.user_id,
            nick: update.nick.as_deref().map(Box::from),
            roles: update.roles.as_slice().into(),
            joined_at: match update.joined_at {
                Some(at) => CompactTime::new(Some(at)),
                None => self.joined_at,
            },
            rare: rare.boxed(),
            deaf: update.deaf.unwrap_or(self.deaf),
            mute: update.mute.unwrap_or(self.mute),
            pending: update.pending.unwrap_or(self.pending),
        }
    }
}
