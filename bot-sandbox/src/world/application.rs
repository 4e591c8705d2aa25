//! The application object and who owns it: a user, or a team (developers/resources/application.mdx
//! "Application Object", developers/topics/teams.mdx "Data Models").

use super::World;
use super::render::public_user;
use serde_json::{Value, json};

/// A team member's role (developers/topics/teams.mdx "Team Member Role Types"). The team's owner
/// is not a role: Discord lists the owner among the members with `role: "admin"` and names them
/// in the team's `owner_user_id`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TeamRole {
    /// `"admin"`: as the owner, without destructive actions.
    Admin,
    /// `"developer"`: access to the team's apps, no team management.
    Developer,
    /// `"read_only"`: may read the team's apps (py-cord's `is_owner` leaves these out).
    ReadOnly,
}

impl TeamRole {
    /// The value of the team member's `role` field.
    pub fn as_str(self) -> &'static str {
        match self {
            TeamRole::Admin => "admin",
            TeamRole::Developer => "developer",
            TeamRole::ReadOnly => "read_only",
        }
    }
}

/// The team that owns the application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct TeamRecord {
    pub(crate) id: u64,
    pub(crate) name: String,
    pub(crate) owner_user_id: u64,
    /// Members in order, the owner first.
    pub(crate) members: Vec<(u64, TeamRole)>,
}

/// USER_FLAGS TEAM_PSEUDO_USER (developers/resources/user.mdx): the user stands for a team.
const TEAM_PSEUDO_USER: u64 = 1 << 10;

/// MembershipState ACCEPTED (developers/topics/teams.mdx "Membership State Enum").
const ACCEPTED: u8 = 2;

impl World {
    /// Makes `user` the application's owner; `false` for an unknown user. A team, if any, still
    /// owns the application (Discord never transfers an application back from a team).
    pub(crate) fn set_owner(&mut self, user: u64) -> bool {
        if !self.users.contains_key(&user) {
            return false;
        }
        self.owner = Some(user);
        true
    }

    /// Makes a team own the application: `owner` (listed as an admin) and `members` (developers),
    /// all accepted. `None` if a user is unknown. Returns the team's id.
    pub(crate) fn set_team(&mut self, name: &str, owner: u64, members: &[u64]) -> Option<u64> {
        if std::iter::once(&owner)
            .chain(members)
            .any(|id| !self.users.contains_key(id))
        {
            return None;
        }
        let mut listed = vec![(owner, TeamRole::Admin)];
        for &member in members {
            if !listed.iter().any(|(id, _)| *id == member) {
                listed.push((member, TeamRole::Developer));
            }
        }
        let id = self.ids.next();
        self.team = Some(TeamRecord {
            id,
            name: name.to_owned(),
            owner_user_id: owner,
            members: listed,
        });
        Some(id)
    }

    /// Adds `user` to the team with `role`, or changes their role; `false` without a team or for
    /// an unknown user.
    pub(crate) fn set_team_member(&mut self, user: u64, role: TeamRole) -> bool {
        if !self.users.contains_key(&user) {
            return false;
        }
        let Some(team) = self.team.as_mut() else {
            return false;
        };
        match team.members.iter_mut().find(|(id, _)| *id == user) {
            Some(member) => member.1 = role,
            None => team.members.push((user, role)),
        }
        true
    }

    /// `owner`: the team's pseudo-user (`username` `team{id}`, flag TEAM_PSEUDO_USER) for a
    /// team-owned application, else the owning user: the one set, or the first guild's owner.
    fn application_owner_json(&self) -> Value {
        if let Some(team) = &self.team {
            let mut owner = public_user(team.id, &format!("team{}", team.id), false);
            owner["discriminator"] = json!("0000");
            owner["public_flags"] = json!(TEAM_PSEUDO_USER);
            owner["flags"] = json!(TEAM_PSEUDO_USER);
            return owner;
        }
        self.owner
            .or_else(|| self.guilds.values().next().map(|g| g.owner_id))
            .and_then(|id| self.public_user_json_by_id(id))
            .unwrap_or_else(|| Self::unknown_user_json(0, "owner"))
    }

    /// `team`: `null`, or the team object with its members (`permissions: ["*"]`, which the spec's
    /// `TeamMemberResponse` requires and the docs' example shows).
    fn team_json(&self) -> Value {
        let Some(team) = &self.team else {
            return Value::Null;
        };
        let members: Vec<Value> = team
            .members
            .iter()
            .map(|(id, role)| {
                json!({
                    "membership_state": ACCEPTED,
                    "permissions": ["*"],
                    "team_id": team.id.to_string(),
                    "user": self
                        .public_user_json_by_id(*id)
                        .unwrap_or_else(|| Self::unknown_user_json(*id, "unknown")),
                    "role": role.as_str(),
                })
            })
            .collect();
        json!({
            "id": team.id.to_string(),
            "icon": null,
            "name": team.name,
            "owner_user_id": team.owner_user_id.to_string(),
            "members": members,
        })
    }

    /// The application object of `GET /applications/@me`: the fields the spec's
    /// `PrivateApplicationResponse` requires (Discord sends them all), with `bot` and `owner` as
    /// public users and `team` as the spec's `TeamResponse` or `null`.
    pub(crate) fn application_json(&self) -> Value {
        let mut app = json!({
            "id": self.application_id.to_string(),
            "name": self.application_name,
            "type": null,
            "bot_public": true,
            "bot_require_code_grant": false,
            "bot": self.public_user_json_by_id(self.bot_id),
            "owner": self.application_owner_json(),
            "verify_key": "0".repeat(64),
            "team": self.team_json(),
            "summary": "",
            "rpc_origins": [],
            "redirect_uris": [],
            "approximate_guild_count": self.guilds.len(),
            "approximate_user_install_count": 0,
            "approximate_user_authorization_count": 0,
            "explicit_content_filter": 0,
            "eligible_oauth2_scopes": [],
        });
        if let Some(map) = app.as_object_mut() {
            self.app_settings.write_into(map);
        }
        app
    }
}
