//! A guild's auto-moderation rules: list, read, create, change and delete (MANAGE_GUILD;
//! AUTO_MODERATION_RULE_CREATE / _UPDATE / _DELETE follow). Bodies are checked before sending.

use super::super::{Body, Http, HttpError, Method};
use super::json;
use crate::model::{
    AutoModerationRule, AutoModerationRuleMarker, CreateAutoModerationRule, EditAutoModerationRule,
    GuildMarker, Id,
};

impl Http {
    /// `GET /guilds/{guild}/auto-moderation/rules`: the guild's rules.
    pub async fn auto_moderation_rules(
        &self,
        guild: Id<GuildMarker>,
    ) -> Result<Vec<AutoModerationRule>, HttpError> {
        let path = format!("/guilds/{guild}/auto-moderation/rules");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `GET /guilds/{guild}/auto-moderation/rules/{rule}`: one rule (404 when there is none).
    pub async fn auto_moderation_rule(
        &self,
        guild: Id<GuildMarker>,
        rule: Id<AutoModerationRuleMarker>,
    ) -> Result<AutoModerationRule, HttpError> {
        let path = format!("/guilds/{guild}/auto-moderation/rules/{rule}");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `POST /guilds/{guild}/auto-moderation/rules`: a new rule (AUTO_MODERATION_RULE_CREATE).
    pub async fn create_auto_moderation_rule(
        &self,
        guild: Id<GuildMarker>,
        rule: &CreateAutoModerationRule,
        reason: Option<&str>,
    ) -> Result<AutoModerationRule, HttpError> {
        rule.check()?;
        let path = format!("/guilds/{guild}/auto-moderation/rules");
        self.typed_with_reason(Method::POST, &path, json(rule)?, reason)
            .await
    }

    /// `PATCH /guilds/{guild}/auto-moderation/rules/{rule}`: changes a rule
    /// (AUTO_MODERATION_RULE_UPDATE).
    pub async fn edit_auto_moderation_rule(
        &self,
        guild: Id<GuildMarker>,
        rule: Id<AutoModerationRuleMarker>,
        edit: &EditAutoModerationRule,
        reason: Option<&str>,
    ) -> Result<AutoModerationRule, HttpError> {
        edit.check()?;
        let path = format!("/guilds/{guild}/auto-moderation/rules/{rule}");
        self.typed_with_reason(Method::PATCH, &path, json(edit)?, reason)
            .await
    }

    /// `DELETE /guilds/{guild}/auto-moderation/rules/{rule}`: deletes a rule
    /// (AUTO_MODERATION_RULE_DELETE).
    pub async fn delete_auto_moderation_rule(
        &self,
        guild: Id<GuildMarker>,
        rule: Id<AutoModerationRuleMarker>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        let path = format!("/guilds/{guild}/auto-moderation/rules/{rule}");
        self.unit(Method::DELETE, &path, Body::Empty, reason).await
    }
}
