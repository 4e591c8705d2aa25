//! Users: the user object, its avatar decoration, collectibles and primary guild
//! (developers/resources/user.mdx; spec `UserResponse`).

use super::enums::{int_enum, str_enum};
use super::{GuildMarker, Id, SkuMarker, UserFlags, UserMarker};
use serde::{Deserialize, Serialize};

int_enum! {
    /// A user's Nitro subscription (spec `PremiumTypes`).
    pub enum PremiumType: u8 {
        /// None.
        None = 0,
        /// Nitro Classic.
        NitroClassic = 1,
        /// Nitro.
        Nitro = 2,
        /// Nitro Basic.
        NitroBasic = 3,
    }
}

str_enum! {
    /// The background colour of a nameplate (spec `NameplatePalette`).
    pub enum NameplatePalette {
        /// Crimson.
        Crimson = "crimson",
        /// Berry.
        Berry = "berry",
        /// Sky.
        Sky = "sky",
        /// Teal.
        Teal = "teal",
        /// Forest.
        Forest = "forest",
        /// Bubble gum.
        BubbleGum = "bubble_gum",
        /// Violet.
        Violet = "violet",
        /// Cobalt.
        Cobalt = "cobalt",
        /// Clover.
        Clover = "clover",
        /// Lemon.
        Lemon = "lemon",
        /// White.
        White = "white",
        /// Black.
        Black = "black",
    }
}

/// A Discord user (developers/resources/user.mdx).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct User {
    /// The user's id.
    pub id: Id<UserMarker>,
    /// The unique username.
    pub username: Box<str>,
    /// The display name, if set.
    #[serde(default)]
    pub global_name: Option<Box<str>>,
    /// The legacy discriminator (`"0"` for migrated users).
    #[serde(default)]
    pub discriminator: Option<Box<str>>,
    /// The avatar hash.
    #[serde(default)]
    pub avatar: Option<Box<str>>,
    /// Whether the user is a bot.
    #[serde(default)]
    pub bot: bool,
    /// Whether the user is Discord's official system user.
    #[serde(default)]
    pub system: bool,
    /// The banner hash (only from `GET /users/{id}`).
    #[serde(default)]
    pub banner: Option<Box<str>>,
    /// The banner colour, when there is no banner image.
    #[serde(default)]
    pub accent_color: Option<u32>,
    /// The public badges.
    #[serde(default)]
    pub public_flags: Option<UserFlags>,
    /// All the user's flags (the current user only).
    #[serde(default)]
    pub flags: Option<UserFlags>,
    /// The Nitro subscription (the current user only).
    #[serde(default)]
    pub premium_type: Option<PremiumType>,
    /// Whether two-factor authentication is on (the current user only).
    #[serde(default)]
    pub mfa_enabled: Option<bool>,
    /// Whether the email is verified (the current user only).
    #[serde(default)]
    pub verified: Option<bool>,
    /// The chosen language (the current user only).
    #[serde(default)]
    pub locale: Option<Box<str>>,
    /// The email (the current user, with the `email` scope).
    #[serde(default)]
    pub email: Option<Box<str>>,
    /// The avatar decoration.
    #[serde(default)]
    pub avatar_decoration_data: Option<Box<AvatarDecoration>>,
    /// The user's collectibles (nameplate).
    #[serde(default)]
    pub collectibles: Option<Box<Collectibles>>,
    /// The guild whose tag the user shows.
    #[serde(default)]
    pub primary_guild: Option<Box<PrimaryGuild>>,
}

impl User {
    /// The name to show: the display name, else the username.
    pub fn display_name(&self) -> &str {
        self.global_name.as_deref().unwrap_or(&self.username)
    }

    /// A mention of the user (`<@id>`).
    pub fn mention(&self) -> String {
        format!("<@{}>", self.id)
    }
}

/// A user as a presence update may carry it: only the id is sure to be there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PartialUser {
    /// The user's id.
    pub id: Id<UserMarker>,
    /// The unique username, when sent.
    #[serde(default)]
    pub username: Option<String>,
    /// The display name, when sent.
    #[serde(default)]
    pub global_name: Option<String>,
    /// The legacy discriminator, when sent.
    #[serde(default)]
    pub discriminator: Option<String>,
    /// The avatar hash, when sent.
    #[serde(default)]
    pub avatar: Option<String>,
    /// Whether the user is a bot, when sent.
    #[serde(default)]
    pub bot: Option<bool>,
}

/// A user's avatar decoration (spec `UserAvatarDecorationResponse`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AvatarDecoration {
    /// The decoration's asset hash.
    pub asset: Box<str>,
    /// The SKU the decoration comes from.
    #[serde(default)]
    pub sku_id: Option<Id<SkuMarker>>,
}

/// A user's collectibles (spec `UserCollectiblesResponse`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Collectibles {
    /// The nameplate.
    #[serde(default)]
    pub nameplate: Option<Nameplate>,
}

/// A nameplate shown behind a user's name (spec `UserNameplateResponse`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Nameplate {
    /// The SKU it comes from.
    #[serde(default)]
    pub sku_id: Option<Id<SkuMarker>>,
    /// The asset's path.
    pub asset: Box<str>,
    /// Its label.
    #[serde(default)]
    pub label: Box<str>,
    /// Its background colour.
    pub palette: NameplatePalette,
}

/// The guild whose tag a user shows next to their name (spec `UserPrimaryGuildResponse`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PrimaryGuild {
    /// The guild.
    #[serde(default)]
    pub identity_guild_id: Option<Id<GuildMarker>>,
    /// Whether the user shows the tag (`None` when the guild's tag was cleared).
    #[serde(default)]
    pub identity_enabled: Option<bool>,
    /// The tag's text (up to 4 characters).
    #[serde(default)]
    pub tag: Option<Box<str>>,
    /// The badge's hash.
    #[serde(default)]
    pub badge: Option<Box<str>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_user_decodes() {
        // developers/resources/user.mdx, "Example User".
        let user: User = serde_json::from_value(serde_json::json!({
            "id": "80351110224678912",
            "username": "Nelly",
            "discriminator": "1337",
            "avatar": "8342729096ea3675442027381ff50dfe",
            "verified": true,
            "email": "nelly@discord.com",
            "flags": 64,
            "banner": "06c16474723fe537c283b8efa61a30c8",
            "accent_color": 16711680,
            "premium_type": 1,
            "public_flags": 64,
            "avatar_decoration_data": {
                "sku_id": "1144058844004233369",
                "asset": "a_fed43ab12698df65902ba06727e20c0e"
            },
            "collectibles": {"nameplate": {
                "sku_id": "2247558840304243311", "asset": "nameplates/nameplates/twilight/",
                "label": "", "palette": "cobalt"
            }},
            "primary_guild": {
                "identity_guild_id": "1234647491267808778", "identity_enabled": true,
                "tag": "DISC", "badge": "7d1734ae5a615e82bc7a4033b98fade8"
            },
            "some_future_field": [1, 2]
        }))
        .unwrap();
        assert_eq!(user.public_flags, Some(UserFlags::HYPESQUAD_ONLINE_HOUSE_1));
        assert_eq!(user.premium_type, Some(PremiumType::NitroClassic));
        assert_eq!(user.accent_color, Some(0xff0000));
        assert_eq!(user.display_name(), "Nelly");
        let nameplate = user.collectibles.unwrap().nameplate.unwrap();
        assert_eq!(nameplate.palette, NameplatePalette::Cobalt);
        assert_eq!(user.primary_guild.unwrap().tag.as_deref(), Some("DISC"));
    }

    #[test]
    fn unknown_values_are_kept() {
        let user: User = serde_json::from_value(serde_json::json!({
            "id": "1", "username": "a", "premium_type": 9, "public_flags": 1_u64 << 40,
            "collectibles": {"nameplate": {"asset": "x", "label": "", "palette": "mauve"}}
        }))
        .unwrap();
        assert_eq!(user.premium_type, Some(PremiumType::Unknown(9)));
        assert_eq!(user.public_flags.unwrap().bits(), 1 << 40);
        let palette = user.collectibles.unwrap().nameplate.unwrap().palette;
        assert_eq!(palette, NameplatePalette::Unknown("mauve".into()));
    }

    #[test]
    fn ready_and_message_fixture_users_decode() {
        for (file, pointer) in [
            ("ready.composed.json", "/d/user"),
            ("message_create.composed.json", "/d/author"),
            ("guild_create.composed.json", "/d/members/0/user"),
        ] {
            let user: User = serde_json::from_value(super::super::test_fixture(file, pointer))
                .unwrap_or_else(|e| panic!("{file}: {e}"));
            assert!(user.id.get() > 0);
        }
    }
}
