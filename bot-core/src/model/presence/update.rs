//! What a bot sends for its own presence: IDENTIFY's `presence` and the op 3 payload
//! (developers/events/gateway-events.mdx, Update Presence).

use super::{Activity, Status};
use serde::{Deserialize, Serialize};

/// A bot's presence: its status and activities.
///
/// ```
/// use bot_core::model::{Activity, Status, UpdatePresence};
/// let presence = UpdatePresence::new(Status::Dnd).activity(Activity::playing("chess"));
/// assert_eq!(
///     serde_json::to_value(&presence).unwrap(),
///     serde_json::json!({
///         "since": null,
///         "activities": [{"name": "chess", "type": 0}],
///         "status": "dnd",
///         "afk": false
///     })
/// );
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdatePresence {
    /// Since when the bot is idle, in Unix milliseconds (`None`: not idle).
    #[serde(default)]
    pub since: Option<u64>,
    /// The activities shown.
    #[serde(default)]
    pub activities: Vec<Activity>,
    /// The status.
    #[serde(default)]
    pub status: Status,
    /// Whether the bot is AFK.
    #[serde(default)]
    pub afk: bool,
}

impl UpdatePresence {
    /// A presence with a status and no activity.
    pub fn new(status: Status) -> Self {
        UpdatePresence {
            status,
            ..UpdatePresence::default()
        }
    }

    /// Adds an activity (bots show the first).
    pub fn activity(mut self, activity: Activity) -> Self {
        self.activities.push(activity);
        self
    }

    /// Sets the status.
    pub fn status(mut self, status: Status) -> Self {
        self.status = status;
        self
    }

    /// Marks the bot idle since a Unix time in milliseconds.
    pub fn since(mut self, unix_ms: u64) -> Self {
        self.since = Some(unix_ms);
        self
    }

    /// Sets whether the bot is AFK.
    pub fn afk(mut self, afk: bool) -> Self {
        self.afk = afk;
        self
    }
}

impl From<Activity> for UpdatePresence {
    /// Online, showing one activity.
    fn from(activity: Activity) -> Self {
        UpdatePresence::new(Status::Online).activity(activity)
    }
}

impl From<Status> for UpdatePresence {
    fn from(status: Status) -> Self {
        UpdatePresence::new(status)
    }
}
