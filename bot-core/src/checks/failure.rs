//! The error of a failed check: which check, and why (Pycord's `CheckFailure` and its
//! subclasses).

use super::builtin::RoleRef;
use crate::model::Permissions;
use std::fmt;

/// A check refused the invocation. Its [`Display`](fmt::Display) is a sentence fit for the
/// user (Pycord's messages).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckFailure {
    check: String,
    kind: CheckFailureKind,
}

/// Why a check failed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CheckFailureKind {
    /// A check function answered `false`.
    Predicate,
    /// `guild_only`: the command ran in a DM (Pycord's `NoPrivateMessage`).
    NoPrivateMessage,
    /// `dm_only`: the command ran in a guild (Pycord's `PrivateMessageOnly`).
    PrivateMessageOnly,
    /// `is_owner`: the user does not own the bot (Pycord's `NotOwner`).
    NotOwner,
    /// `has_permissions`: the permissions the user lacks (Pycord's `MissingPermissions`).
    MissingPermissions(Permissions),
    /// `bot_has_permissions`: the permissions the bot lacks (Pycord's `BotMissingPermissions`).
    BotMissingPermissions(Permissions),
    /// `has_role`: the role the user lacks (Pycord's `MissingRole`).
    MissingRole(RoleRef),
    /// `has_any_role`: the user has none of these (Pycord's `MissingAnyRole`).
    MissingAnyRole(Vec<RoleRef>),
    /// `is_nsfw`: the channel is not age-restricted (Pycord's `NSFWChannelRequired`).
    NsfwChannelRequired,
}

impl CheckFailure {
    /// The failure of the check `check`.
    pub fn new(check: impl Into<String>, kind: CheckFailureKind) -> Self {
        CheckFailure {
            check: check.into(),
            kind,
        }
    }

    /// The name of the check that failed.
    pub fn check(&self) -> &str {
        &self.check
    }

    /// Why it failed.
    pub fn kind(&self) -> &CheckFailureKind {
        &self.kind
    }
}

/// `MANAGE_GUILD | KICK_MEMBERS` as "Manage Guild and Kick Members".
fn permission_names(permissions: Permissions) -> String {
    let names: Vec<String> = permissions
        .iter_names()
        .map(|(name, _)| {
            name.split('_')
                .map(|word| {
                    let mut chars = word.chars();
                    match chars.next() {
                        Some(first) => first.to_string() + &chars.as_str().to_lowercase(),
                        None => String::new(),
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

impl fmt::Display for CheckFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            CheckFailureKind::Predicate => write!(f, "The check `{}` failed.", self.check),
            CheckFailureKind::NoPrivateMessage => {
                f.write_str("This command cannot be used in private messages.")
            }
            CheckFailureKind::PrivateMessageOnly => {
                f.write_str("This command can only be used in private messages.")
            }
            CheckFailureKind::NotOwner => f.write_str("You do not own this bot."),
            CheckFailureKind::MissingPermissions(missing) => write!(
                f,
                "You are missing {} permission(s) to run this command.",
                permission_names(*missing)
            ),
            CheckFailureKind::BotMissingPermissions(missing) => write!(
                f,
                "Bot requires {} permission(s) to run this command.",
                permission_names(*missing)
            ),
            CheckFailureKind::MissingRole(role) => {
                write!(f, "Role {role} is required to run this command.")
            }
            CheckFailureKind::MissingAnyRole(roles) => {
                let roles: Vec<String> = roles.iter().map(ToString::to_string).collect();
                write!(
                    f,
                    "You are missing at least one of the required roles: {}",
                    roles.join(", ")
                )
            }
            CheckFailureKind::NsfwChannelRequired => {
                f.write_str("This channel needs to be NSFW for this command to work.")
            }
        }
    }
}

impl std::error::Error for CheckFailure {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permissions_are_named_as_people_read_them() {
        let failure = CheckFailure::new(
            "has_permissions",
            CheckFailureKind::MissingPermissions(
                Permissions::MANAGE_GUILD | Permissions::KICK_MEMBERS | Permissions::BAN_MEMBERS,
            ),
        );
        assert_eq!(
            failure.to_string(),
            "You are missing Kick Members, Ban Members and Manage Guild permission(s) to run \
             this command."
        );
        let failure = CheckFailure::new("is_admin", CheckFailureKind::Predicate);
        assert_eq!(failure.to_string(), "The check `is_admin` failed.");
        assert_eq!(failure.check(), "is_admin");
    }
}
