//! Developer teams, which own applications (developers/topics/teams.mdx; spec `TeamResponse`,
//! `TeamMemberResponse`).

use super::enums::{int_enum, str_enum};
use super::{Id, TeamMarker, User, UserMarker};
use serde::{Deserialize, Serialize};

int_enum! {
    /// Whether a team invitation was accepted (spec `TeamMembershipStates`).
    pub enum MembershipState: u8 {
        /// Invited.
        Invited = 1,
        /// Accepted.
        Accepted = 2,
    }
}

str_enum! {
    /// A team member's role (the owner has none: see [`Team::owner_user_id`]).
    pub enum TeamMemberRole {
        /// Admin.
        Admin = "admin",
        /// Developer.
        Developer = "developer",
        /// Read-only.
        ReadOnly = "read_only",
    }
}

/// A developer team.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Team {
    /// The team's id.
    pub id: Id<TeamMarker>,
    /// Its icon hash.
    #[serde(default)]
    pub icon: Option<Box<str>>,
    /// Its name.
    #[serde(default)]
    pub name: Box<str>,
    /// Its owner.
    pub owner_user_id: Id<UserMarker>,
    /// Its members.
    #[serde(default)]
    pub members: Vec<TeamMember>,
}

/// A member of a team.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TeamMember {
    /// Whether they accepted the invitation.
    pub membership_state: MembershipState,
    /// The team.
    pub team_id: Id<TeamMarker>,
    /// The user (avatar, discriminator, id and username).
    pub user: User,
    /// Their role (`None` for the owner in older payloads).
    #[serde(default)]
    pub role: Option<TeamMemberRole>,
}
