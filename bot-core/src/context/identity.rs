//! Who the bot is: its user, its application, and who owns it (Pycord's `owner_id` and
//! `owner_ids`: given to the builder, else learned at login from the application).

use crate::model::{Application, ApplicationMarker, Id, TeamMemberRole, User, UserMarker};
use std::sync::{Mutex, OnceLock};

/// What login learns, and the owners.
#[derive(Debug, Default)]
pub(crate) struct Identity {
    pub(crate) user: OnceLock<User>,
    pub(crate) application_id: OnceLock<Id<ApplicationMarker>>,
    pub(crate) application: OnceLock<Application>,
    owners: Mutex<Owners>,
}

impl Identity {
    /// Owners given to the builder (none: learned at login).
    pub(crate) fn new(owners: Owners) -> Self {
        Identity {
            owners: Mutex::new(owners),
            ..Identity::default()
        }
    }

    /// Records what login learned; the owners come from the application unless given.
    pub(crate) fn logged_in(&self, user: User, application: Application) {
        {
            let mut owners = self.owners.lock().unwrap_or_else(|p| p.into_inner());
            if !owners.is_set() {
                *owners = Owners::of_application(&application);
            }
        }
        let _ = self.user.set(user);
        let _ = self.application_id.set(application.id);
        let _ = self.application.set(application);
    }

    /// The owners now.
    pub(crate) fn owners(&self) -> Owners {
        self.owners
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }
}

/// One owner or several (Pycord's `owner_id` xor `owner_ids`); both empty before login when the
/// builder named none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Owners {
    pub(crate) id: Option<Id<UserMarker>>,
    pub(crate) ids: Vec<Id<UserMarker>>,
}

impl Owners {
    /// Whether anyone is known to own the bot.
    pub(crate) fn is_set(&self) -> bool {
        self.id.is_some() || !self.ids.is_empty()
    }

    /// The owners of `application`: its team's owner and the team's admins and developers (never
    /// its read-only members: Discord and Pycord leave them out), else its owner.
    pub(crate) fn of_application(application: &Application) -> Owners {
        match (&application.team, &application.owner) {
            (Some(team), _) => {
                let mut ids = vec![team.owner_user_id];
                for member in &team.members {
                    let owns = matches!(
                        member.role,
                        Some(TeamMemberRole::Admin | TeamMemberRole::Developer)
                    );
                    if owns && !ids.contains(&member.user.id) {
                        ids.push(member.user.id);
                    }
                }
                Owners { id: None, ids }
            }
            (None, Some(owner)) => Owners {
                id: Some(owner.id),
                ids: Vec::new(),
            },
            (None, None) => Owners::default(),
        }
    }

    /// Whether `user` is one of them.
    pub(crate) fn contains(&self, user: Id<UserMarker>) -> bool {
        self.id == Some(user) || self.ids.contains(&user)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn application(team: serde_json::Value) -> Application {
        serde_json::from_value(serde_json::json!({
            "id": "10", "name": "app", "description": "", "bot_public": true,
            "bot_require_code_grant": false, "verify_key": "k", "flags": 0,
            "owner": {"id": "99", "username": "team99", "discriminator": "0", "avatar": null},
            "team": team,
        }))
        .expect("an application payload")
    }

    fn member(id: &str, role: &str) -> serde_json::Value {
        serde_json::json!({
            "membership_state": 2, "team_id": "7", "role": role,
            "user": {"id": id, "username": "u", "discriminator": "0", "avatar": null},
        })
    }

    #[test]
    fn a_teams_read_only_members_are_not_owners() {
        let app = application(serde_json::json!({
            "id": "7", "icon": null, "name": "team", "owner_user_id": "1",
            "members": [member("1", "admin"), member("2", "developer"), member("3", "read_only")],
        }));
        let owners = Owners::of_application(&app);
        assert_eq!(owners.id, None);
        assert!(owners.contains(Id::new(1)) && owners.contains(Id::new(2)));
        assert!(!owners.contains(Id::new(3)));
    }

    #[test]
    fn without_a_team_the_owner_is_the_one_owner() {
        let owners = Owners::of_application(&application(serde_json::Value::Null));
        assert_eq!(owners.id, Some(Id::new(99)));
        assert!(owners.ids.is_empty());
    }
}
