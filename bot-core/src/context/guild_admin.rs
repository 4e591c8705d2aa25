//! A guild's public pages on a context, with Pycord's names: `fetch_widget`, `fetch_template`.

use super::Context;
use crate::http::HttpError;
use crate::model::{GuildMarker, Id, Template, Widget};

impl Context {
    /// A guild's public widget (Pycord's `fetch_widget`): its name, invite, voice channels and
    /// online members. The guild must have its widget on (else Discord's 50004).
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::Id;
    /// let widget = ctx.fetch_widget(Id::new(290926798626357999)).await?;
    /// println!("{} members online", widget.presence_count);
    /// # Ok(()) }
    /// ```
    pub async fn fetch_widget(&self, guild: Id<GuildMarker>) -> Result<Widget, HttpError> {
        self.http().guild_widget(guild).await
    }

    /// A guild template by its code or link (Pycord's `fetch_template`): `hgM48av5Q69A`,
    /// `https://discord.new/hgM48av5Q69A` and `https://discord.com/template/hgM48av5Q69A` are
    /// the same (10057 when unknown).
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context) -> Result<(), bot_core::http::HttpError> {
    /// let template = ctx.fetch_template("https://discord.new/hgM48av5Q69A").await?;
    /// println!("{} roles", template.serialized_source_guild.roles.len());
    /// # Ok(()) }
    /// ```
    pub async fn fetch_template(&self, code: &str) -> Result<Template, HttpError> {
        self.http().template(template_code(code)).await
    }
}

/// The code of a template link (Pycord's `resolve_template`): what follows `discord.new/` or
/// `discord.com/template/`, else the text itself.
fn template_code(link: &str) -> &str {
    [
        "discord.new/",
        "discord.com/template/",
        "discordapp.com/template/",
    ]
    .iter()
    .find_map(|prefix| link.split_once(prefix).map(|(_, code)| code))
    .unwrap_or(link)
    .trim_end_matches('/')
}

#[cfg(test)]
mod tests {
    #[test]
    fn template_links_give_their_code() {
        for link in [
            "hgM48av5Q69A",
            "https://discord.new/hgM48av5Q69A",
            "https://discord.com/template/hgM48av5Q69A/",
        ] {
            assert_eq!(super::template_code(link), "hgM48av5Q69A");
        }
    }
}
