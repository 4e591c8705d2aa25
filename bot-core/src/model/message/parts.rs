//! The smaller parts of a message: its type, activity, application, call and role
//! subscription data, and nonces (developers/resources/message.mdx).

use crate::model::enums::int_enum;
use crate::model::{ApplicationMarker, GenericMarker, Id, Timestamp, UserMarker};
use serde::{Deserialize, Serialize};

int_enum! {
    /// A message's type.
    pub enum MessageType: u8 {
        /// A regular message (0).
        Default = 0,
        /// A recipient was added to a group DM (1).
        RecipientAdd = 1,
        /// A recipient was removed from a group DM (2).
        RecipientRemove = 2,
        /// A call (3).
        Call = 3,
        /// The channel's name changed (4).
        ChannelNameChange = 4,
        /// The channel's icon changed (5).
        ChannelIconChange = 5,
        /// A message was pinned (6).
        ChannelPinnedMessage = 6,
        /// A member joined (7).
        UserJoin = 7,
        /// The guild was boosted (8).
        GuildBoost = 8,
        /// The guild reached boost tier 1 (9).
        GuildBoostTier1 = 9,
        /// The guild reached boost tier 2 (10).
        GuildBoostTier2 = 10,
        /// The guild reached boost tier 3 (11).
        GuildBoostTier3 = 11,
        /// A channel was followed (12).
        ChannelFollowAdd = 12,
        /// The guild was disqualified from discovery (14).
        GuildDiscoveryDisqualified = 14,
        /// The guild was requalified for discovery (15).
        GuildDiscoveryRequalified = 15,
        /// First discovery grace-period warning (16).
        GuildDiscoveryGracePeriodInitialWarning = 16,
        /// Last discovery grace-period warning (17).
        GuildDiscoveryGracePeriodFinalWarning = 17,
        /// A thread was created (18).
        ThreadCreated = 18,
        /// A reply (19).
        Reply = 19,
        /// A slash command's response (20).
        ChatInputCommand = 20,
        /// The first message of a thread (21).
        ThreadStarterMessage = 21,
        /// An invite reminder (22).
        GuildInviteReminder = 22,
        /// A context-menu command's response (23).
        ContextMenuCommand = 23,
        /// An auto-moderation action (24).
        AutoModerationAction = 24,
        /// A role subscription was purchased (25).
        RoleSubscriptionPurchase = 25,
        /// A premium upsell of an interaction (26).
        InteractionPremiumUpsell = 26,
        /// A stage started (27).
        StageStart = 27,
        /// A stage ended (28).
        StageEnd = 28,
        /// A stage speaker (29).
        StageSpeaker = 29,
        /// A stage's topic (31).
        StageTopic = 31,
        /// An application premium subscription (32).
        GuildApplicationPremiumSubscription = 32,
        /// Incident alert mode enabled (36).
        GuildIncidentAlertModeEnabled = 36,
        /// Incident alert mode disabled (37).
        GuildIncidentAlertModeDisabled = 37,
        /// A raid was reported (38).
        GuildIncidentReportRaid = 38,
        /// A reported raid was a false alarm (39).
        GuildIncidentReportFalseAlarm = 39,
        /// A purchase notification (44).
        PurchaseNotification = 44,
        /// A poll's results (46).
        PollResult = 46,
    }
}

#[allow(
    clippy::derivable_impls,
    reason = "int_enum! defines the enum; a derive cannot be added from here"
)]
impl Default for MessageType {
    fn default() -> Self {
        MessageType::Default
    }
}

int_enum! {
    /// The type of a message's Rich Presence activity.
    pub enum MessageActivityType: u8 {
        /// Join (1).
        Join = 1,
        /// Spectate (2).
        Spectate = 2,
        /// Listen (3).
        Listen = 3,
        /// Ask to join (5).
        JoinRequest = 5,
        /// Stream request (6).
        StreamRequest = 6,
    }
}

/// A Rich Presence activity invitation in a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageActivity {
    /// The activity's type.
    #[serde(rename = "type")]
    pub kind: MessageActivityType,
    /// The Rich Presence party.
    #[serde(default)]
    pub party_id: Option<String>,
}

/// The partial application of a Rich Presence message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageApplication {
    /// The application's id.
    pub id: Id<ApplicationMarker>,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Its description.
    #[serde(default)]
    pub description: String,
    /// Its icon hash.
    #[serde(default)]
    pub icon: Option<String>,
    /// Its cover image hash.
    #[serde(default)]
    pub cover_image: Option<String>,
}

/// The call of a call message in a DM.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageCall {
    /// Who took part.
    #[serde(default)]
    pub participants: Vec<Id<UserMarker>>,
    /// When it ended.
    #[serde(default)]
    pub ended_timestamp: Option<Timestamp>,
}

/// The role subscription of a `RoleSubscriptionPurchase` message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RoleSubscriptionData {
    /// The SKU and listing's id.
    pub role_subscription_listing_id: Id<GenericMarker>,
    /// The tier's name.
    #[serde(default)]
    pub tier_name: String,
    /// The months subscribed in all.
    #[serde(default)]
    pub total_months_subscribed: u32,
    /// Whether it is a renewal.
    #[serde(default)]
    pub is_renewal: bool,
}

/// A message's nonce: an integer or a string (up to 25 characters), echoed back in
/// MESSAGE_CREATE to match a sent message.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Nonce {
    /// An integer.
    Integer(i64),
    /// A string.
    String(String),
}

impl From<i64> for Nonce {
    fn from(n: i64) -> Self {
        Nonce::Integer(n)
    }
}

impl From<String> for Nonce {
    fn from(s: String) -> Self {
        Nonce::String(s)
    }
}

impl From<&str> for Nonce {
    fn from(s: &str) -> Self {
        Nonce::String(s.to_owned())
    }
}
