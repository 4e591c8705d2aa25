//! Invites by code: resolve one (with counts, for a scheduled event), revoke it, and the users
//! a targeted invite is for (read and replaced as a CSV file, and the job that reads it).

use super::super::{Body, Http, HttpError, Method};
use super::encode;
use crate::model::{Id, Invite, RequestProblem, ScheduledEventMarker, TargetUsersJob, UserMarker};

/// The code of an invite given as a code or as a link (`https://discord.gg/abc`,
/// `discord.com/invite/abc`), as Pycord's `resolve_invite` reads it; a code with nothing in
/// it is refused before sending.
pub(crate) fn invite_code(text: &str) -> Result<&str, HttpError> {
    let text = text.trim();
    let text = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
        .unwrap_or(text);
    let code = [
        "discord.gg/",
        "discord.com/invite/",
        "discordapp.com/invite/",
    ]
    .iter()
    .find_map(|prefix| text.strip_prefix(prefix))
    .unwrap_or(text);
    let code = code
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .trim_end_matches('/');
    if code.is_empty() {
        return Err(RequestProblem::NotAllowed {
            field: "code",
            why: "an invite code or link is needed",
        }
        .into());
    }
    Ok(code)
}

/// The user ids of a target-users CSV file: the first column of each line that holds an id
/// (the `user_id` header and blank lines are skipped).
fn ids_of_csv(text: &str) -> Vec<Id<UserMarker>> {
    text.lines()
        .filter_map(|line| line.split(',').next())
        .filter_map(|cell| cell.trim().trim_matches('"').parse::<u64>().ok())
        .filter(|id| *id != 0)
        .map(Id::new)
        .collect()
}

impl Http {
    /// `GET /invites/{code}`: an invite by its code or link; `with_counts` adds the guild's
    /// approximate member and presence counts, `scheduled_event` the event it is for. An
    /// unknown or expired invite is Discord's 10006.
    pub async fn invite(
        &self,
        code: &str,
        with_counts: bool,
        scheduled_event: Option<Id<ScheduledEventMarker>>,
    ) -> Result<Invite, HttpError> {
        let code = invite_code(code)?;
        let mut path = format!("/invites/{}?with_counts={with_counts}", encode(code));
        if let Some(event) = scheduled_event {
            path.push_str(&format!("&guild_scheduled_event_id={event}"));
        }
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `DELETE /invites/{code}`: revokes an invite (MANAGE_CHANNELS in its channel, or
    /// MANAGE_GUILD); the invite as it was.
    pub async fn delete_invite(
        &self,
        code: &str,
        reason: Option<&str>,
    ) -> Result<Invite, HttpError> {
        let path = format!("/invites/{}", encode(invite_code(code)?));
        self.typed_with_reason(Method::DELETE, &path, Body::Empty, reason)
            .await
    }

    /// `GET /invites/{code}/target-users`: the users a targeted invite is for, read from the
    /// CSV file Discord answers (the bot made the invite, or has MANAGE_GUILD). An invite
    /// without target users is Discord's 10006.
    pub async fn invite_target_users(&self, code: &str) -> Result<Vec<Id<UserMarker>>, HttpError> {
        let path = format!("/invites/{}/target-users", encode(invite_code(code)?));
        let csv = self.request_text(Method::GET, &path).await?;
        Ok(ids_of_csv(&csv))
    }

    /// `PUT /invites/{code}/target-users`: replaces the users an invite is for (uploaded as a
    /// CSV file of ids, at least one); Discord reads it in the background
    /// ([`invite_target_users_job`](Self::invite_target_users_job) tells how far it got).
    pub async fn set_invite_target_users(
        &self,
        code: &str,
        users: &[Id<UserMarker>],
    ) -> Result<(), HttpError> {
        if users.is_empty() {
            return Err(RequestProblem::NotAllowed {
                field: "target_users_file",
                why: "at least one user is needed",
            }
            .into());
        }
        let path = format!("/invites/{}/target-users", encode(invite_code(code)?));
        let mut csv = String::from("user_id\n");
        for user in users {
            csv.push_str(&format!("{user}\n"));
        }
        let body = Body::File {
            field: "target_users_file",
            filename: "target_users.csv".to_owned(),
            content_type: "text/csv",
            bytes: csv.into_bytes(),
        };
        self.unit(Method::PUT, &path, body, None).await
    }

    /// `GET /invites/{code}/target-users/job-status`: how far Discord got with the last list
    /// of target users uploaded for an invite.
    pub async fn invite_target_users_job(&self, code: &str) -> Result<TargetUsersJob, HttpError> {
        let path = format!(
            "/invites/{}/target-users/job-status",
            encode(invite_code(code)?)
        );
        self.typed(Method::GET, &path, Body::Empty).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_from_links() {
        for text in [
            "abc123",
            "https://discord.gg/abc123",
            "discord.gg/abc123/",
            "https://discord.com/invite/abc123?event=1",
        ] {
            assert_eq!(invite_code(text).unwrap(), "abc123", "{text}");
        }
        assert!(invite_code("  ").is_err());
        assert!(invite_code("https://discord.gg/").is_err());
    }

    #[test]
    fn target_users_are_read_from_csv() {
        let ids = ids_of_csv("user_id\n53908232506183680\n\n80351110224678912,\n");
        assert_eq!(
            ids,
            [Id::new(53908232506183680), Id::new(80351110224678912)]
        );
        assert!(ids_of_csv("user_id\n").is_empty());
    }
}
