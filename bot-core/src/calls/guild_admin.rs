//! A guild's administration, by id (Pycord's `Guild`): its auto-moderation rules, fetched,
//! created, changed and deleted.

use super::Rest;
use crate::http::HttpError;
use crate::model::{
    AutoModerationRule, AutoModerationRuleMarker, CreateAutoModerationRule, EditAutoModerationRule,
    GuildMarker, Id,
};

impl Id<GuildMarker> {
    /// The guild's auto-moderation rules (Pycord's `guild.fetch_auto_moderation_rules`).
    /// Needs MANAGE_GUILD.
    pub async fn fetch_auto_moderation_rules(
        self,
        rest: &impl Rest,
    ) -> Result<Vec<AutoModerationRule>, HttpError> {
        rest.http().auto_moderation_rules(self).await
    }

    /// One auto-moderation rule (Pycord's `guild.fetch_auto_moderation_rule`).
    pub async fn fetch_auto_moderation_rule(
        self,
        rest: &impl Rest,
        rule: Id<AutoModerationRuleMarker>,
    ) -> Result<AutoModerationRule, HttpError> {
        rest.http().auto_moderation_rule(self, rule).await
    }

    /// Creates an auto-moderation rule (Pycord's `guild.create_auto_moderation_rule`).
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::{AutoModerationAction, CreateAutoModerationRule, Id, TriggerMetadata};
    /// let guild = Id::new(197038439483310086);
    /// let rule = CreateAutoModerationRule::keyword("No spoilers", TriggerMetadata::keywords(["*ending*"]))
    ///     .action(AutoModerationAction::block_message(None))
    ///     .enabled(true);
    /// guild.create_auto_moderation_rule(ctx, rule, Some("spoiler season")).await?;
    /// # Ok(()) }
    /// ```
    pub async fn create_auto_moderation_rule(
        self,
        rest: &impl Rest,
        rule: CreateAutoModerationRule,
        reason: Option<&str>,
    ) -> Result<AutoModerationRule, HttpError> {
        rest.http()
            .create_auto_moderation_rule(self, &rule, reason)
            .await
    }

    /// Changes an auto-moderation rule (Pycord's `rule.edit`).
    pub async fn edit_auto_moderation_rule(
        self,
        rest: &impl Rest,
        rule: Id<AutoModerationRuleMarker>,
        edit: EditAutoModerationRule,
        reason: Option<&str>,
    ) -> Result<AutoModerationRule, HttpError> {
        rest.http()
            .edit_auto_moderation_rule(self, rule, &edit, reason)
            .await
    }

    /// Deletes an auto-moderation rule (Pycord's `rule.delete`).
    pub async fn delete_auto_moderation_rule(
        self,
        rest: &impl Rest,
        rule: Id<AutoModerationRuleMarker>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        rest.http()
            .delete_auto_moderation_rule(self, rule, reason)
            .await
    }
}
