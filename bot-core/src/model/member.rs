//! Guild members (developers/resources/guild.mdx, guild member object; spec
//! `GuildMemberResponse`).

use super::user::{AvatarDecoration, Collectibles};
use super::{Id, MemberFlags, Permissions, RoleMarker, Timestamp, User};
use serde::{Deserialize, Serialize};

/// A guild member whose user may be missing: as interactions, `MESSAGE_CREATE` and
/// `resolved.members` send it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PartialMember {
    /// The user, when the payload carries it (not in `resolved.members` nor in messages).
    #[serde(default)]
    pub user: Option<User>,
    /// The guild nickname.
    #[serde(default)]
    pub nick: Option<String>,
    /// The guild avatar hash.
    #[serde(default)]
    pub avatar: Option<String>,
    /// The member's role ids.
    #[serde(default)]
    pub roles: Vec<Id<RoleMarker>>,
    /// When the member joined.
    #[serde(default)]
    pub joined_at: Option<Timestamp>,
    /// The member's permissions in the channel, in interactions.
    #[serde(default)]
    pub permissions: Option<Permissions>,
    /// The guild banner hash.
    #[serde(default)]
    pub banner: Option<Box<str>>,
    /// Since when the member boosts the guild.
    #[serde(default)]
    pub premium_since: Option<Timestamp>,
    /// Whether the member is deafened in voice channels.
    #[serde(default)]
    pub deaf: bool,
    /// Whether the member is muted in voice channels.
    #[serde(default)]
    pub mute: bool,
    /// The member's flags.
    #[serde(default)]
    pub flags: MemberFlags,
    /// Whether the member has not yet passed the membership screening.
    #[serde(default)]
    pub pending: bool,
    /// Until when the member is timed out.
    #[serde(default)]
    pub communication_disabled_until: Option<Timestamp>,
    /// The guild avatar decoration.
    #[serde(default)]
    pub avatar_decoration_data: Option<AvatarDecoration>,
    /// The member's guild collectibles.
    #[serde(default)]
    pub collectibles: Option<Box<Collectibles>>,
}

/// A guild member with its user: what `GUILD_CREATE`, `GET /guilds/{id}/members` and a `Member`
/// option give.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Member {
    /// The user.
    pub user: User,
    /// The guild nickname.
    #[serde(default)]
    pub nick: Option<String>,
    /// The member's role ids.
    #[serde(default)]
    pub roles: Vec<Id<RoleMarker>>,
    /// When the member joined.
    #[serde(default)]
    pub joined_at: Option<Timestamp>,
    /// The member's permissions in the channel, in interactions.
    #[serde(default)]
    pub permissions: Option<Permissions>,
    /// The guild avatar hash.
    #[serde(default)]
    pub avatar: Option<String>,
    /// The guild banner hash.
    #[serde(default)]
    pub banner: Option<Box<str>>,
    /// Since when the member boosts the guild.
    #[serde(default)]
    pub premium_since: Option<Timestamp>,
    /// Whether the member is deafened in voice channels.
    #[serde(default)]
    pub deaf: bool,
    /// Whether the member is muted in voice channels.
    #[serde(default)]
    pub mute: bool,
    /// The member's flags.
    #[serde(default)]
    pub flags: MemberFlags,
    /// Whether the member has not yet passed the membership screening.
    #[serde(default)]
    pub pending: bool,
    /// Until when the member is timed out.
    #[serde(default)]
    pub communication_disabled_until: Option<Timestamp>,
    /// The guild avatar decoration.
    #[serde(default)]
    pub avatar_decoration_data: Option<AvatarDecoration>,
    /// The member's guild collectibles.
    #[serde(default)]
    pub collectibles: Option<Box<Collectibles>>,
}

impl Member {
    /// Joins a user with their member data (the member's own `user`, if any, is replaced).
    pub fn new(user: User, member: PartialMember) -> Self {
        Member {
            user,
            nick: member.nick,
            roles: member.roles,
            joined_at: member.joined_at,
            permissions: member.permissions,
            avatar: member.avatar,
            banner: member.banner,
            premium_since: member.premium_since,
            deaf: member.deaf,
            mute: member.mute,
            flags: member.flags,
            pending: member.pending,
            communication_disabled_until: member.communication_disabled_until,
            avatar_decoration_data: member.avatar_decoration_data,
            collectibles: member.collectibles,
        }
    }

    /// The name to show in the guild: the nickname, else the user's display name.
    pub fn display_name(&self) -> &str {
        self.nick
            .as_deref()
            .unwrap_or_else(|| self.user.display_name())
    }

    /// A mention of the member (`<@id>`).
    pub fn mention(&self) -> String {
        self.user.mention()
    }

    /// Whether the member is timed out at `now`.
    pub fn is_timed_out(&self, now: Timestamp) -> bool {
        self.communication_disabled_until
            .is_some_and(|until| until > now)
    }
}

impl From<Member> for PartialMember {
    fn from(member: Member) -> Self {
        PartialMember {
            user: Some(member.user),
            nick: member.nick,
            avatar: member.avatar,
            roles: member.roles,
            joined_at: member.joined_at,
            permissions: member.permissions,
            banner: member.banner,
            premium_since: member.premium_since,
            deaf: member.deaf,
            mute: member.mute,
            flags: member.flags,
            pending: member.pending,
            communication_disabled_until: member.communication_disabled_until,
            avatar_decoration_data: member.avatar_decoration_data,
            collectibles: member.collectibles,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_member_decodes() {
        // developers/resources/guild.mdx, "Example Guild Member".
        let member: Member = serde_json::from_value(serde_json::json!({
            "user": {"id": "80351110224678912", "username": "Nelly", "discriminator": "1337"},
            "nick": "NOT API SUPPORT",
            "avatar": null,
            "banner": null,
            "roles": [],
            "joined_at": "2015-04-26T06:26:56.936000+00:00",
            "deaf": false,
            "mute": false,
            "flags": 2,
            "communication_disabled_until": "2015-04-27T06:26:56.936000+00:00"
        }))
        .unwrap();
        assert_eq!(member.display_name(), "NOT API SUPPORT");
        assert_eq!(member.flags, MemberFlags::from_bits_retain(2));
        let at = Timestamp::parse("2015-04-26T12:00:00Z").unwrap();
        assert!(member.is_timed_out(at));
        assert!(!member.is_timed_out(Timestamp::parse("2016-01-01T00:00:00Z").unwrap()));
    }

    #[test]
    fn fixture_members_decode() {
        let fixture = super::super::test_fixture;
        let member: Member =
            serde_json::from_value(fixture("guild_create.composed.json", "/d/members/0")).unwrap();
        assert_eq!(member.nick.as_deref(), Some("NOT API SUPPORT"));
        let partial: PartialMember =
            serde_json::from_value(fixture("message_create.composed.json", "/d/member")).unwrap();
        assert!(partial.user.is_none() && !partial.pending);
        let user = member.user.clone();
        let joined = Member::new(user, PartialMember::from(member.clone()));
        assert_eq!(joined, member);
    }
}
