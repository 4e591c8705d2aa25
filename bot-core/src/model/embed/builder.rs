//! Building embeds, checked against Discord's limits.

use super::{
    Embed, EmbedAuthor, EmbedError, EmbedField, EmbedFooter, EmbedMedia, EmbedProblem, EmbedType,
};
use crate::model::Timestamp;

impl Embed {
    /// Most characters in a title.
    pub const TITLE_LIMIT: usize = 256;
    /// Most characters in a description.
    pub const DESCRIPTION_LIMIT: usize = 4096;
    /// Most fields.
    pub const FIELD_COUNT_LIMIT: usize = 25;
    /// Most characters in a field's name.
    pub const FIELD_NAME_LIMIT: usize = 256;
    /// Most characters in a field's value.
    pub const FIELD_VALUE_LIMIT: usize = 1024;
    /// Most characters in the footer's text.
    pub const FOOTER_TEXT_LIMIT: usize = 2048;
    /// Most characters in the author's name.
    pub const AUTHOR_NAME_LIMIT: usize = 256;
    /// Most characters in all the embeds of a message (titles, descriptions, field names and
    /// values, footer texts and author names).
    pub const TOTAL_LIMIT: usize = 6000;
    /// Most embeds in a message.
    pub const COUNT_LIMIT: usize = 10;

    /// The characters that count towards [`Embed::TOTAL_LIMIT`].
    pub fn total_chars(&self) -> usize {
        let fields: usize = self
            .fields
            .iter()
            .map(|f| chars(&f.name) + chars(&f.value))
            .sum();
        opt_chars(&self.title)
            + opt_chars(&self.description)
            + fields
            + self.footer.as_ref().map_or(0, |f| chars(&f.text))
            + self.author.as_ref().map_or(0, |a| chars(&a.name))
    }

    /// Checks the embed against Discord's limits; the error lists everything that is over.
    pub fn check(&self) -> Result<(), EmbedError> {
        let mut problems = Vec::new();
        self.problems(None, &mut problems);
        let total = self.total_chars();
        if total > Embed::TOTAL_LIMIT {
            problems.push(EmbedProblem::TotalTooLong { length: total });
        }
        EmbedError::from_problems(problems)
    }

    fn problems(&self, embed: Option<usize>, out: &mut Vec<EmbedProblem>) {
        let mut over = |field: &'static str, index: Option<usize>, length: usize, limit: usize| {
            if length > limit {
                out.push(EmbedProblem::TooLong {
                    embed,
                    field,
                    index,
                    length,
                    limit,
                });
            }
        };
        over("title", None, opt_chars(&self.title), Embed::TITLE_LIMIT);
        let description = opt_chars(&self.description);
        over("description", None, description, Embed::DESCRIPTION_LIMIT);
        for (i, field) in self.fields.iter().enumerate() {
            over(
                "field name",
                Some(i),
                chars(&field.name),
                Embed::FIELD_NAME_LIMIT,
            );
            over(
                "field value",
                Some(i),
                chars(&field.value),
                Embed::FIELD_VALUE_LIMIT,
            );
        }
        let footer = self.footer.as_ref().map_or(0, |f| chars(&f.text));
        over("footer text", None, footer, Embed::FOOTER_TEXT_LIMIT);
        let author = self.author.as_ref().map_or(0, |a| chars(&a.name));
        over("author name", None, author, Embed::AUTHOR_NAME_LIMIT);
        if self.fields.len() > Embed::FIELD_COUNT_LIMIT {
            out.push(EmbedProblem::TooManyFields {
                embed,
                count: self.fields.len(),
            });
        }
    }
}

/// Checks the embeds of one message: each embed's limits, at most 10 embeds, and 6000
/// characters in all.
pub fn check_embeds(embeds: &[Embed]) -> Result<(), EmbedError> {
    let mut problems = Vec::new();
    if embeds.len() > Embed::COUNT_LIMIT {
        problems.push(EmbedProblem::TooManyEmbeds {
            count: embeds.len(),
        });
    }
    for (i, embed) in embeds.iter().enumerate() {
        embed.problems(Some(i), &mut problems);
    }
    let total: usize = embeds.iter().map(Embed::total_chars).sum();
    if total > Embed::TOTAL_LIMIT {
        problems.push(EmbedProblem::TotalTooLong { length: total });
    }
    EmbedError::from_problems(problems)
}

/// Characters as Discord counts them: leading and trailing whitespace is trimmed.
fn chars(text: &str) -> usize {
    text.trim().chars().count()
}

fn opt_chars(text: &Option<String>) -> usize {
    text.as_deref().map_or(0, chars)
}

/// Builds an [`Embed`]; [`build`](EmbedBuilder::build) checks Discord's limits.
///
/// ```
/// use bot_core::model::EmbedBuilder;
/// let embed = EmbedBuilder::new()
///     .title("Weather")
///     .description("Sunny")
///     .color(0x00ff00)
///     .field("High", "24°C", true)
///     .footer("from the bot")
///     .build()
///     .unwrap();
/// assert_eq!(embed.fields.len(), 1);
///
/// let error = EmbedBuilder::new().title("x".repeat(300)).build().unwrap_err();
/// assert_eq!(error.to_string(), "embed over Discord's limits: title has 300 characters (limit 256)");
/// ```
#[derive(Clone, Debug, Default)]
#[must_use]
pub struct EmbedBuilder {
    embed: Embed,
}

impl EmbedBuilder {
    /// An empty embed of type `rich`.
    pub fn new() -> Self {
        EmbedBuilder {
            embed: Embed {
                kind: Some(EmbedType::Rich),
                ..Embed::default()
            },
        }
    }

    /// The title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.embed.title = Some(title.into());
        self
    }

    /// The description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.embed.description = Some(description.into());
        self
    }

    /// The address the title links to.
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.embed.url = Some(url.into());
        self
    }

    /// The time shown in the footer.
    pub fn timestamp(mut self, at: Timestamp) -> Self {
        self.embed.timestamp = Some(at);
        self
    }

    /// The colour (`0xRRGGBB`).
    pub fn color(mut self, color: u32) -> Self {
        self.embed.color = Some(color);
        self
    }

    /// The footer's text.
    pub fn footer(self, text: impl Into<String>) -> Self {
        self.footer_with(EmbedFooter::new(text))
    }

    /// The footer, with an icon.
    pub fn footer_with(mut self, footer: EmbedFooter) -> Self {
        self.embed.footer = Some(footer);
        self
    }

    /// The large image.
    pub fn image(mut self, url: impl Into<String>) -> Self {
        self.embed.image = Some(Box::new(EmbedMedia::new(url)));
        self
    }

    /// The thumbnail.
    pub fn thumbnail(mut self, url: impl Into<String>) -> Self {
        self.embed.thumbnail = Some(Box::new(EmbedMedia::new(url)));
        self
    }

    /// The author's name.
    pub fn author(self, name: impl Into<String>) -> Self {
        self.author_with(EmbedAuthor::new(name))
    }

    /// The author, with a link or an icon.
    pub fn author_with(mut self, author: EmbedAuthor) -> Self {
        self.embed.author = Some(author);
        self
    }

    /// Adds a field.
    pub fn field(
        mut self,
        name: impl Into<String>,
        value: impl Into<String>,
        inline: bool,
    ) -> Self {
        self.embed.fields.push(EmbedField::new(name, value, inline));
        self
    }

    /// The embed, if it is within Discord's limits; else every limit that is over.
    pub fn build(self) -> Result<Embed, EmbedError> {
        self.embed.check()?;
        Ok(self.embed)
    }

    /// The embed, unchecked.
    pub fn build_unchecked(self) -> Embed {
        self.embed
    }
}
