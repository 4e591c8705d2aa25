//! Invites (developers/resources/invite.mdx; spec `GuildInviteResponse`,
//! `GroupDMInviteResponse`, `FriendInviteResponse`).

use super::enums::int_enum;
use super::flags::flags_serde;
use super::{
    Application, ChannelMarker, GuildFeature, GuildMarker, Id, NsfwLevel, ScheduledEvent,
    Timestamp, User, VerificationLevel,
};
use bot_spec::ChannelType;
use serde::{Deserialize, Serialize};

int_enum! {
    /// What an invite is to (spec `InviteTypes`).
    pub enum InviteType: u8 {
        /// A guild.
        Guild = 0,
        /// A group DM.
        GroupDm = 1,
        /// A friendship.
        Friend = 2,
    }
}

int_enum! {
    /// What a voice-channel invite opens (spec `InviteTargetTypes`).
    pub enum InviteTargetType: u8 {
        /// A user's stream.
        Stream = 1,
        /// An embedded application (an Activity).
        EmbeddedApplication = 2,
        /// A role subscription purchase.
        RoleSubscriptionsPurchase = 3,
    }
}

bitflags::bitflags! {
    /// An invite's flags.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct InviteFlags: u64 {
        /// A guest invite to a voice channel.
        const IS_GUEST_INVITE = 1 << 0;
    }
}
flags_serde!(InviteFlags, u64, false);

/// An invite (`GET /invites/{code}`), with its metadata when listed from a guild or channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Invite {
    /// What it is to.
    #[serde(rename = "type", default = "guild_invite")]
    pub kind: InviteType,
    /// The code (`discord.gg/{code}`).
    pub code: Box<str>,
    /// The guild.
    #[serde(default)]
    pub guild: Option<Box<InviteGuild>>,
    /// The channel.
    #[serde(default)]
    pub channel: Option<InviteChannel>,
    /// Who made it.
    #[serde(default)]
    pub inviter: Option<Box<User>>,
    /// What a voice-channel invite opens.
    #[serde(default)]
    pub target_type: Option<InviteTargetType>,
    /// Whose stream it opens.
    #[serde(default)]
    pub target_user: Option<Box<User>>,
    /// The embedded application it opens.
    #[serde(default)]
    pub target_application: Option<Box<Application>>,
    /// About how many members (with `with_counts`).
    #[serde(default)]
    pub approximate_member_count: Option<u32>,
    /// About how many members are online (with `with_counts`).
    #[serde(default)]
    pub approximate_presence_count: Option<u32>,
    /// When it expires.
    #[serde(default)]
    pub expires_at: Option<Timestamp>,
    /// The scheduled event it is for.
    #[serde(default)]
    pub guild_scheduled_event: Option<Box<ScheduledEvent>>,
    /// Its flags.
    #[serde(default)]
    pub flags: InviteFlags,
    /// How many times it was used (metadata).
    #[serde(default)]
    pub uses: Option<u32>,
    /// How many uses it allows, `0` for unlimited (metadata).
    #[serde(default)]
    pub max_uses: Option<u32>,
    /// For how many seconds it is valid, `0` for ever (metadata).
    #[serde(default)]
    pub max_age: Option<u32>,
    /// Whether it gives temporary membership (metadata).
    #[serde(default)]
    pub temporary: Option<bool>,
    /// When it was made (metadata).
    #[serde(default)]
    pub created_at: Option<Timestamp>,
}

fn guild_invite() -> InviteType {
    InviteType::Guild
}

/// The guild an invite is to (spec `InviteGuildResponse`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InviteGuild {
    /// The guild's id.
    pub id: Id<GuildMarker>,
    /// Its name.
    pub name: Box<str>,
    /// The invite splash hash.
    #[serde(default)]
    pub splash: Option<Box<str>>,
    /// The banner hash.
    #[serde(default)]
    pub banner: Option<Box<str>>,
    /// The description.
    #[serde(default)]
    pub description: Option<Box<str>>,
    /// The icon hash.
    #[serde(default)]
    pub icon: Option<Box<str>>,
    /// The features.
    #[serde(default)]
    pub features: Vec<GuildFeature>,
    /// What a member needs before talking.
    #[serde(default)]
    pub verification_level: Option<VerificationLevel>,
    /// The vanity code.
    #[serde(default)]
    pub vanity_url_code: Option<Box<str>>,
    /// The age rating.
    #[serde(default)]
    pub nsfw_level: Option<NsfwLevel>,
    /// How many boosts.
    #[serde(default)]
    pub premium_subscription_count: Option<u32>,
}

/// The channel an invite is to (spec `InviteChannelResponse`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InviteChannel {
    /// The channel's id.
    pub id: Id<ChannelMarker>,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: ChannelType,
    /// Its name.
    #[serde(default)]
    pub name: Option<Box<str>>,
    /// A group DM's icon hash.
    #[serde(default)]
    pub icon: Option<Box<str>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn documented_invite_decodes() {
        // developers/resources/invite.mdx, "Example Invite Object" and its metadata.
        let invite: Invite = serde_json::from_value(json!({
            "type": 0,
            "code": "0vCdhLbwjZZTWZLD",
            "guild": {
                "id": "165176875973476352", "name": "CS:GO Fraggers Only",
                "splash": null, "banner": null, "description": "Very good description",
                "icon": null, "features": ["NEWS", "DISCOVERABLE"],
                "verification_level": 2, "vanity_url_code": null, "nsfw_level": 0,
                "premium_subscription_count": 5
            },
            "channel": {"id": "165176875973476352", "name": "illuminati", "type": 0},
            "inviter": {"id": "115590097100865541", "username": "speed",
                        "avatar": "deadbeef", "discriminator": "7653", "public_flags": 131328},
            "target_type": 1,
            "target_user": {"id": "165176875973476352", "username": "bob",
                            "avatar": "deadbeef", "discriminator": "1234", "public_flags": 64},
            "approximate_member_count": 15,
            "approximate_presence_count": 8,
            "expires_at": "2021-05-29T18:12:04.196000+00:00",
            "uses": 0, "max_uses": 0, "max_age": 0, "temporary": false,
            "created_at": "2016-03-31T19:15:39.954000+00:00",
            "flags": 1
        }))
        .unwrap();
        assert_eq!(invite.kind, InviteType::Guild);
        assert_eq!(invite.target_type, Some(InviteTargetType::Stream));
        assert_eq!(
            invite.channel.as_ref().unwrap().kind,
            ChannelType::GuildText
        );
        assert_eq!(
            invite.guild.as_ref().unwrap().verification_level,
            Some(VerificationLevel::Medium)
        );
        assert!(invite.flags.contains(InviteFlags::IS_GUEST_INVITE));
        let back: Invite = serde_json::from_value(serde_json::to_value(&invite).unwrap()).unwrap();
        assert_eq!(back, invite);
    }
}
