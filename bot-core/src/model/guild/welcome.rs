//! Welcome screens and onboarding (developers/resources/guild.mdx; spec
//! `GuildWelcomeScreenResponse`, `GuildOnboardingResponse`).

use crate::model::enums::int_enum;
use crate::model::{ChannelMarker, EmojiMarker, GuildMarker, Id, OnboardingMarker, RoleMarker};
use serde::{Deserialize, Serialize};

/// What a community guild shows new members.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WelcomeScreen {
    /// The guild's description on the screen.
    #[serde(default)]
    pub description: Option<Box<str>>,
    /// The channels shown (up to 5).
    #[serde(default)]
    pub welcome_channels: Vec<WelcomeScreenChannel>,
}

/// A channel on a welcome screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WelcomeScreenChannel {
    /// The channel.
    pub channel_id: Id<ChannelMarker>,
    /// What is said of it.
    #[serde(default)]
    pub description: Box<str>,
    /// The custom emoji's id.
    #[serde(default)]
    pub emoji_id: Option<Id<EmojiMarker>>,
    /// The custom emoji's name, or the unicode emoji.
    #[serde(default)]
    pub emoji_name: Option<Box<str>>,
}

int_enum! {
    /// What counts towards onboarding's requirements (spec `GuildOnboardingMode`).
    pub enum OnboardingMode: u8 {
        /// Default channels only.
        Default = 0,
        /// Default channels and questions.
        Advanced = 1,
    }
}

int_enum! {
    /// How an onboarding question is shown (spec `OnboardingPromptType`).
    pub enum OnboardingPromptType: u8 {
        /// Multiple choice.
        MultipleChoice = 0,
        /// A dropdown.
        Dropdown = 1,
    }
}

/// A guild's onboarding flow (`GET /guilds/{id}/onboarding`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Onboarding {
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// The questions.
    #[serde(default)]
    pub prompts: Vec<OnboardingPrompt>,
    /// The channels members get by default.
    #[serde(default)]
    pub default_channel_ids: Vec<Id<ChannelMarker>>,
    /// Whether onboarding is on.
    #[serde(default)]
    pub enabled: bool,
    /// What counts towards its requirements.
    #[serde(default = "default_mode")]
    pub mode: OnboardingMode,
}

fn default_mode() -> OnboardingMode {
    OnboardingMode::Default
}

/// An onboarding question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OnboardingPrompt {
    /// The question's id.
    pub id: Id<OnboardingMarker>,
    /// How it is shown.
    #[serde(rename = "type")]
    pub kind: OnboardingPromptType,
    /// The answers.
    #[serde(default)]
    pub options: Vec<OnboardingPromptOption>,
    /// The question.
    pub title: Box<str>,
    /// Whether only one answer may be picked.
    #[serde(default)]
    pub single_select: bool,
    /// Whether it must be answered.
    #[serde(default)]
    pub required: bool,
    /// Whether it is asked during onboarding (else only in Channels & Roles).
    #[serde(default)]
    pub in_onboarding: bool,
}

/// An answer to an onboarding question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OnboardingPromptOption {
    /// The answer's id.
    pub id: Id<OnboardingMarker>,
    /// The channels a member who picks it is added to.
    #[serde(default)]
    pub channel_ids: Vec<Id<ChannelMarker>>,
    /// The roles a member who picks it gets.
    #[serde(default)]
    pub role_ids: Vec<Id<RoleMarker>>,
    /// Its emoji.
    #[serde(default)]
    pub emoji: Option<OnboardingEmoji>,
    /// The answer.
    pub title: Box<str>,
    /// Its description.
    #[serde(default)]
    pub description: Option<Box<str>>,
}

/// The emoji of an onboarding answer (spec `SettingsEmojiResponse`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OnboardingEmoji {
    /// A custom emoji's id.
    #[serde(default)]
    pub id: Option<Id<EmojiMarker>>,
    /// The custom emoji's name, or the unicode emoji.
    #[serde(default)]
    pub name: Option<Box<str>>,
    /// Whether it is animated.
    #[serde(default)]
    pub animated: bool,
}
