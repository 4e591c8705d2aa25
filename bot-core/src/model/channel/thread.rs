//! Thread-specific parts of a channel: metadata and members (developers/resources/channel.mdx).

use crate::model::enums::int_enum;
use crate::model::{ChannelMarker, Id, PartialMember, Timestamp, UserMarker};
use serde::{Deserialize, Serialize};

int_enum! {
    /// After how many minutes of inactivity a thread is archived.
    pub enum AutoArchiveDuration: u16 {
        /// One hour (60).
        Hour = 60,
        /// One day (1440).
        Day = 1440,
        /// Three days (4320).
        ThreeDays = 4320,
        /// One week (10080).
        Week = 10080,
    }
}

impl AutoArchiveDuration {
    /// The duration in minutes.
    pub const fn minutes(self) -> u16 {
        self.value()
    }
}

/// The fields only threads have.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ThreadMetadata {
    /// Whether the thread is archived.
    #[serde(default)]
    pub archived: bool,
    /// After how long without activity it is archived.
    pub auto_archive_duration: AutoArchiveDuration,
    /// When its archive status last changed.
    #[serde(default)]
    pub archive_timestamp: Option<Timestamp>,
    /// Whether it is locked (only `MANAGE_THREADS` may unarchive it).
    #[serde(default)]
    pub locked: bool,
    /// Whether non-moderators may add other non-moderators (private threads only).
    #[serde(default)]
    pub invitable: Option<bool>,
    /// When it was created (threads created after 2022-01-09).
    #[serde(default)]
    pub create_timestamp: Option<Timestamp>,
}

/// A user who joined a thread.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ThreadMember {
    /// The thread (absent in GUILD_CREATE's threads).
    #[serde(default)]
    pub id: Option<Id<ChannelMarker>>,
    /// The user (absent in GUILD_CREATE's threads).
    #[serde(default)]
    pub user_id: Option<Id<UserMarker>>,
    /// When the user last joined the thread.
    pub join_timestamp: Timestamp,
    /// The user's thread settings (notifications; the bits are not documented).
    #[serde(default)]
    pub flags: u64,
    /// The guild member, when asked for (`with_member`).
    #[serde(default)]
    pub member: Option<Box<PartialMember>>,
}
