//! Users as the cache keeps them: once per user, whatever number of guilds they share with the
//! bot, in a compact form.

use super::ImageHash;
use crate::model::{
    AvatarDecoration, Collectibles, Id, PrimaryGuild, Timestamp, User, UserFlags, UserMarker,
};

/// A cached user: the fields Pycord's `User` exposes from gateway data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CachedUser {
    id: Id<UserMarker>,
    name: Box<str>,
    global_name: Option<Box<str>>,
    /// The legacy discriminator as a number (0 for migrated users).
    discriminator: u16,
    avatar: Option<ImageHash>,
    /// A banner and its colour: gateway payloads seldom carry them.
    profile: Option<Box<Profile>>,
    public_flags: UserFlags,
    bot: bool,
    system: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Profile {
    banner: Option<ImageHash>,
    accent_color: Option<u32>,
    avatar_decoration: Option<AvatarDecoration>,
    collectibles: Option<Collectibles>,
    primary_guild: Option<PrimaryGuild>,
}

impl CachedUser {
    /// The cached form of `user`.
    pub fn new(user: &User) -> Self {
        CachedUser {
            id: user.id,
            name: user.username.clone(),
            global_name: user.global_name.clone(),
            discriminator: user
                .discriminator
                .as_deref()
                .and_then(|d| d.parse().ok())
                .unwrap_or(0),
            avatar: user.avatar.as_deref().map(ImageHash::parse),
            profile: (user.banner.is_some()
                || user.accent_color.is_some()
                || user.avatar_decoration_data.is_some()
                || user.collectibles.is_some()
                || user.primary_guild.is_some())
            .then(|| {
                Box::new(Profile {
                    banner: user.banner.as_deref().map(ImageHash::parse),
                    accent_color: user.accent_color,
                    avatar_decoration: user.avatar_decoration_data.as_deref().cloned(),
                    collectibles: user.collectibles.as_deref().cloned(),
                    primary_guild: user.primary_guild.as_deref().cloned(),
                })
            }),
            public_flags: user.public_flags.unwrap_or_default(),
            bot: user.bot,
            system: user.system,
        }
    }

    /// Whether `user` says something this one does not (what a user update changes).
    pub(crate) fn differs_from(&self, user: &User) -> bool {
        *self != CachedUser::new(user)
    }

    /// The user's id.
    pub fn id(&self) -> Id<UserMarker> {
        self.id
    }

    /// The unique username (Pycord's `name`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The display name the user set, if any.
    pub fn global_name(&self) -> Option<&str> {
        self.global_name.as_deref()
    }

    /// The global name, else the username.
    pub fn display_name(&self) -> &str {
        self.global_name().unwrap_or(&self.name)
    }

    /// The legacy discriminator, as Discord writes it (`"0"` for migrated users).
    pub fn discriminator(&self) -> String {
        if self.discriminator == 0 {
            "0".to_owned()
        } else {
            format!("{:04}", self.discriminator)
        }
    }

    /// The avatar hash, if the user has one.
    pub fn avatar(&self) -> Option<&ImageHash> {
        self.avatar.as_ref()
    }

    /// The banner hash (present when the payload carried it).
    pub fn banner(&self) -> Option<&ImageHash> {
        self.profile.as_ref().and_then(|p| p.banner.as_ref())
    }

    /// The banner colour (present when the payload carried it).
    pub fn accent_color(&self) -> Option<u32> {
        self.profile.as_ref().and_then(|p| p.accent_color)
    }

    /// The avatar decoration (Pycord's `avatar_decoration`), when the payload carried it.
    pub fn avatar_decoration(&self) -> Option<&AvatarDecoration> {
        self.profile
            .as_ref()
            .and_then(|p| p.avatar_decoration.as_ref())
    }

    /// The collectibles — the nameplate (Pycord's `collectibles` and `nameplate`).
    pub fn collectibles(&self) -> Option<&Collectibles> {
        self.profile.as_ref().and_then(|p| p.collectibles.as_ref())
    }

    /// The guild tag shown beside the name (Pycord's `primary_guild`).
    pub fn primary_guild(&self) -> Option<&PrimaryGuild> {
        self.profile.as_ref().and_then(|p| p.primary_guild.as_ref())
    }

    /// When the account was created, from its id (Pycord's `created_at`).
    pub fn created_at(&self) -> Timestamp {
        self.id.created_at()
    }

    /// Which of Discord's default avatars the user has when it has none (Pycord's
    /// `default_avatar`): `(id >> 22) % 6` for a migrated user, `discriminator % 5` else.
    pub fn default_avatar_index(&self) -> u8 {
        let index = if self.discriminator == 0 {
            (self.id.get() >> 22) % 6
        } else {
            u64::from(self.discriminator) % 5
        };
        index as u8
    }

    /// Whether the user has a username without a discriminator (Pycord's `is_migrated`).
    pub fn is_migrated(&self) -> bool {
        self.discriminator == 0
    }

    /// The link to the user's profile (Pycord's `jump_url`).
    pub fn jump_url(&self) -> String {
        format!("https://discord.com/users/{}", self.id)
    }

    /// The public badges.
    pub fn public_flags(&self) -> UserFlags {
        self.public_flags
    }

    /// Whether the user is a bot.
    pub fn bot(&self) -> bool {
        self.bot
    }

    /// Whether the user is Discord's official system user.
    pub fn system(&self) -> bool {
        self.system
    }

    /// `<@id>`.
    pub fn mention(&self) -> String {
        format!("<@{}>", self.id)
    }
}
