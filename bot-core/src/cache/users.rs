//! Users as the cache keeps them: once per user, whatever number of guilds they share with the
//! bot, in a compact form.

use super::ImageHash;
use crate::model::{Id, User, UserFlags, UserMarker};

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
            profile: (user.banner.is_some() || user.accent_color.is_some()).then(|| {
                Box::new(Profile {
                    banner: user.banner.as_deref().map(ImageHash::parse),
                    accent_color: user.accent_color,
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
