//! The users an invite is for (developers/resources/invite.mdx, "Get Target Users" and
//! "Get Target Users Job Status"; spec `TargetUsersJobStatusResponse`): Discord reads the list
//! from a CSV file after the upload, and tells how far it got.

use super::Timestamp;
use super::enums::int_enum;
use serde::{Deserialize, Serialize};

int_enum! {
    /// How far Discord got with reading an invite's target users (spec
    /// `TargetUsersJobStatusTypes`).
    pub enum TargetUsersJobStatus: u8 {
        /// No job (the default).
        Unspecified = 0,
        /// Still reading.
        Processing = 1,
        /// Done.
        Completed = 2,
        /// Failed: see [`TargetUsersJob::error_message`].
        Failed = 3,
    }
}

/// The job that reads an uploaded list of target users.
///
/// ```
/// use bot_core::model::{TargetUsersJob, TargetUsersJobStatus};
/// let job: TargetUsersJob = serde_json::from_str(r#"{
///     "status": 2, "total_users": 3, "processed_users": 3,
///     "created_at": "2025-01-01T00:00:00+00:00", "completed_at": "2025-01-01T00:00:01+00:00",
///     "error_message": null
/// }"#).unwrap();
/// assert_eq!(job.status, TargetUsersJobStatus::Completed);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TargetUsersJob {
    /// Where the job is.
    pub status: TargetUsersJobStatus,
    /// How many users the file listed.
    pub total_users: u32,
    /// How many were read so far.
    pub processed_users: u32,
    /// When the job started.
    #[serde(default)]
    pub created_at: Option<Timestamp>,
    /// When it completed.
    #[serde(default)]
    pub completed_at: Option<Timestamp>,
    /// Why it failed.
    #[serde(default)]
    pub error_message: Option<Box<str>>,
}
