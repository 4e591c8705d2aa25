//! Activities: what users do (received, with every part), and what a bot shows (built with
//! [`Activity::playing`] and friends: a bot may set only name, type, url and state).

use crate::model::enums::int_enum;
use crate::model::{ActivityFlags, ApplicationMarker, EmojiMarker, Id};
use serde::{Deserialize, Serialize};

int_enum! {
    /// What kind of activity.
    pub enum ActivityType: u8 {
        /// "Playing {name}".
        Playing = 0,
        /// "Streaming {details}" (Twitch and YouTube urls only).
        Streaming = 1,
        /// "Listening to {name}".
        Listening = 2,
        /// "Watching {name}".
        Watching = 3,
        /// "{emoji} {state}": a custom status.
        Custom = 4,
        /// "Competing in {name}".
        Competing = 5,
    }
}

int_enum! {
    /// Which field shows in the member list's status text.
    pub enum StatusDisplayType: u8 {
        /// `name`.
        Name = 0,
        /// `state`.
        State = 1,
        /// `details`.
        Details = 2,
    }
}

/// An activity (game, stream, music, custom status, ...).
///
/// ```
/// use bot_core::model::Activity;
/// let activity = Activity::watching("the stars").state("and the moon");
/// assert_eq!(
///     serde_json::to_value(&activity).unwrap(),
///     serde_json::json!({"name": "the stars", "type": 3, "state": "and the moon"})
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Activity {
    /// The activity's name.
    pub name: Box<str>,
    /// Its kind.
    #[serde(rename = "type")]
    pub kind: ActivityType,
    /// The stream's url (streaming).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Box<str>>,
    /// When it was added to the session, in Unix milliseconds (received).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<u64>,
    /// When it started and ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamps: Option<ActivityTimestamps>,
    /// The game's application.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<Id<ApplicationMarker>>,
    /// Which field shows in the status text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_display_type: Option<StatusDisplayType>,
    /// What the player is doing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<Box<str>>,
    /// The link behind `details`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details_url: Option<Box<str>>,
    /// The party's status, or a custom status's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<Box<str>>,
    /// The link behind `state`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_url: Option<Box<str>>,
    /// A custom status's emoji.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji: Option<ActivityEmoji>,
    /// The player's party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<Box<ActivityParty>>,
    /// Images and their hover texts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assets: Option<Box<ActivityAssets>>,
    /// Secrets for joining and spectating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secrets: Option<Box<ActivitySecrets>>,
    /// Whether it is an instanced game session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<bool>,
    /// What the activity supports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<ActivityFlags>,
    /// Its buttons (received: labels only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub buttons: Vec<ActivityButton>,
}

impl Activity {
    /// An activity of a kind, with a name.
    pub fn new(kind: ActivityType, name: impl Into<Box<str>>) -> Self {
        Activity {
            name: name.into(),
            kind,
            url: None,
            created_at: None,
            timestamps: None,
            application_id: None,
            status_display_type: None,
            details: None,
            details_url: None,
            state: None,
            state_url: None,
            emoji: None,
            party: None,
            assets: None,
            secrets: None,
            instance: None,
            flags: None,
            buttons: Vec::new(),
        }
    }

    /// "Playing {name}".
    pub fn playing(name: impl Into<Box<str>>) -> Self {
        Activity::new(ActivityType::Playing, name)
    }

    /// "Streaming {name}", linking to a Twitch or YouTube `url`.
    pub fn streaming(name: impl Into<Box<str>>, url: impl Into<Box<str>>) -> Self {
        Activity::new(ActivityType::Streaming, name).url(url)
    }

    /// "Listening to {name}".
    pub fn listening(name: impl Into<Box<str>>) -> Self {
        Activity::new(ActivityType::Listening, name)
    }

    /// "Watching {name}".
    pub fn watching(name: impl Into<Box<str>>) -> Self {
        Activity::new(ActivityType::Watching, name)
    }

    /// "Competing in {name}".
    pub fn competing(name: impl Into<Box<str>>) -> Self {
        Activity::new(ActivityType::Competing, name)
    }

    /// A custom status showing `text`.
    pub fn custom(text: impl Into<Box<str>>) -> Self {
        Activity::new(ActivityType::Custom, "Custom Status").state(text)
    }

    /// Sets the state (the text under the name; a custom status's text).
    pub fn state(mut self, state: impl Into<Box<str>>) -> Self {
        self.state = Some(state.into());
        self
    }

    /// Sets the stream url.
    pub fn url(mut self, url: impl Into<Box<str>>) -> Self {
        self.url = Some(url.into());
        self
    }
}

/// When an activity started and ends, in Unix milliseconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActivityTimestamps {
    /// The start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<u64>,
    /// The end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<u64>,
}

/// A custom status's emoji.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActivityEmoji {
    /// Its name (the unicode emoji for a standard one).
    pub name: Box<str>,
    /// A custom emoji's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Id<EmojiMarker>>,
    /// Whether it is animated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub animated: Option<bool>,
}

/// A player's party.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActivityParty {
    /// The party's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Box<str>>,
    /// Its current and largest size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<[u32; 2]>,
}

/// An activity's images (asset ids, or `mp:` media-proxy paths) and their hover texts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActivityAssets {
    /// The large image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub large_image: Option<Box<str>>,
    /// The large image's hover text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub large_text: Option<Box<str>>,
    /// The large image's link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub large_url: Option<Box<str>>,
    /// The small image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small_image: Option<Box<str>>,
    /// The small image's hover text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small_text: Option<Box<str>>,
    /// The small image's link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small_url: Option<Box<str>>,
    /// A game invite's banner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invite_cover_image: Option<Box<str>>,
}

/// Secrets for Rich Presence joining and spectating.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActivitySecrets {
    /// For joining the party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub join: Option<Box<str>>,
    /// For spectating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spectate: Option<Box<str>>,
    /// For an instanced match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#match: Option<Box<str>>,
}

/// A Rich Presence button. The gateway sends only labels (bots never see the urls); it is sent
/// with its url.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "ButtonForm")]
#[non_exhaustive]
pub struct ActivityButton {
    /// The text shown (1-32 characters).
    pub label: Box<str>,
    /// The link (1-512 characters); `None` when received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Box<str>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum ButtonForm {
    Label(Box<str>),
    Link {
        label: Box<str>,
        #[serde(default)]
        url: Option<Box<str>>,
    },
}

impl From<ButtonForm> for ActivityButton {
    fn from(form: ButtonForm) -> Self {
        match form {
            ButtonForm::Label(label) => ActivityButton { label, url: None },
            ButtonForm::Link { label, url } => ActivityButton { label, url },
        }
    }
}
