//! Bodies of a guild's administration routes: its widget settings (Modify Guild Widget) and its
//! incident actions (Modify Guild Incident Actions, paused for at most 24 hours, checked before
//! sending).

use super::problem::RequestProblem;
use crate::model::{ChannelMarker, Id, Timestamp};
use serde::Serialize;

/// The longest invites or DMs may be paused: 24 hours, in seconds.
pub const MAX_INCIDENT_PAUSE_SECONDS: i64 = 24 * 60 * 60;

/// Changes to a guild's widget settings; what is left `None` stays. Needs MANAGE_GUILD.
///
/// ```
/// use bot_core::model::{EditWidgetSettings, Id};
/// let edit = EditWidgetSettings::new().enabled(true).channel(Some(Id::new(41771983423143937)));
/// assert_eq!(edit.enabled, Some(true));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
#[must_use]
pub struct EditWidgetSettings {
    /// Whether the widget is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// The channel its invite leads to (`Some(None)`: none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<Option<Id<ChannelMarker>>>,
}

impl EditWidgetSettings {
    /// No change yet.
    pub fn new() -> Self {
        EditWidgetSettings::default()
    }

    /// Turns the widget on or off.
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(enabled);
        self
    }

    /// The channel its invite leads to.
    pub fn channel(mut self, channel: Option<Id<ChannelMarker>>) -> Self {
        self.channel_id = Some(channel);
        self
    }
}

/// A guild's incident actions: invites and DMs between members paused until a time at most 24
/// hours ahead (`None`: resumed). Needs MANAGE_GUILD.
///
/// ```
/// use bot_core::model::{IncidentActions, Timestamp};
/// let in_an_hour = Timestamp::from_unix_seconds(Timestamp::now().unix_seconds() + 3600);
/// assert!(IncidentActions::new(Some(in_an_hour), None).check(Timestamp::now()).is_ok());
/// let in_two_days = Timestamp::from_unix_seconds(Timestamp::now().unix_seconds() + 172_800);
/// assert!(IncidentActions::new(Some(in_two_days), None).check(Timestamp::now()).is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
#[must_use]
pub struct IncidentActions {
    /// Until when invites are paused.
    pub invites_disabled_until: Option<Timestamp>,
    /// Until when DMs between members are paused.
    pub dms_disabled_until: Option<Timestamp>,
}

impl IncidentActions {
    /// Invites and DMs paused until these times (`None`: not paused).
    pub fn new(invites: Option<Timestamp>, dms: Option<Timestamp>) -> Self {
        IncidentActions {
            invites_disabled_until: invites,
            dms_disabled_until: dms,
        }
    }

    /// Checks that neither pause ends more than 24 hours after `now`.
    pub fn check(&self, now: Timestamp) -> Result<(), RequestProblem> {
        for (field, until) in [
            ("invites_disabled_until", self.invites_disabled_until),
            ("dms_disabled_until", self.dms_disabled_until),
        ] {
            if let Some(until) = until {
                let ahead = until.unix_seconds() - now.unix_seconds();
                super::problem::range(field, ahead, i64::MIN, MAX_INCIDENT_PAUSE_SECONDS)?;
            }
        }
        Ok(())
    }
}
