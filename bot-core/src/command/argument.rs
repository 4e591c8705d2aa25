//! Typed arguments: which Rust types a command parameter may have, what option each becomes, and
//! how the option's value turns back into that type.

use super::ArgumentError;
use crate::model::{
    Attachment, DataOption, GenericMarker, GuildMarker, Id, Member, OptionValue, PartialChannel,
    PartialMember, Resolved, Role, User,
};
use bot_spec::{ChannelType, ChoiceSpec, NumericValue, OptionKind};

/// Where an argument comes from: the option the user gave (if any) and the interaction's
/// `resolved` objects.
#[derive(Clone, Copy, Debug)]
pub struct ArgumentSource<'a> {
    /// The option's name, for errors.
    pub name: &'a str,
    /// The option as received, or `None` when the user left it out.
    pub option: Option<&'a DataOption>,
    /// The objects the interaction's options refer to.
    pub resolved: &'a Resolved,
    /// The guild the command ran in, if any.
    pub guild_id: Option<Id<GuildMarker>>,
}

impl<'a> ArgumentSource<'a> {
    /// The option, or [`ArgumentError::Missing`].
    pub fn require(&self) -> Result<&'a DataOption, ArgumentError> {
        self.option.ok_or_else(|| ArgumentError::Missing {
            name: self.name.to_owned(),
        })
    }

    /// The option's value, checking that the option has type `kind`.
    pub fn value(&self, kind: OptionKind) -> Result<&'a OptionValue, ArgumentError> {
        let option = self.require()?;
        match &option.value {
            Some(value) if option.kind == kind => Ok(value),
            Some(value) => {
                Err(self.wrong_type(kind, format!("type {}", option.kind.value()), value))
            }
            None => Err(ArgumentError::WrongType {
                name: self.name.to_owned(),
                expected: kind,
                found: "no value".to_owned(),
            }),
        }
    }

    /// The error for a value of the wrong shape.
    pub fn wrong_type(
        &self,
        expected: OptionKind,
        what: impl Into<String>,
        value: &OptionValue,
    ) -> ArgumentError {
        ArgumentError::WrongType {
            name: self.name.to_owned(),
            expected,
            found: format!("{} ({value})", what.into()),
        }
    }

    /// The id an option of type `kind` carries (users, roles, channels, mentionables,
    /// attachments send an id as a string).
    pub fn id<T>(&self, kind: OptionKind) -> Result<Id<T>, ArgumentError> {
        let value = self.value(kind)?;
        value
            .as_str()
            .and_then(|s| s.parse().ok())
            .or_else(|| {
                value
                    .as_i64()
                    .and_then(|n| u64::try_from(n).ok())
                    .map(Id::new)
            })
            .ok_or_else(|| self.wrong_type(kind, "not an id", value))
    }

    /// The error for an id missing from `resolved`.
    pub fn unresolved<T>(&self, id: Id<T>, what: &'static str) -> ArgumentError {
        ArgumentError::Unresolved {
            name: self.name.to_owned(),
            id: id.cast(),
            what,
        }
    }
}

/// A Rust type a command parameter may have.
///
/// The associated constants say what option the parameter becomes; the macros read them in
/// `const` context, so a type alias or a type from another crate still yields its option, and the
/// rules that depend on it are checked at compile time. Implement it to accept your own types.
///
/// ```
/// use bot_core::command::{ArgumentError, ArgumentSource, SlashArgument};
/// use bot_core::spec::OptionKind;
///
/// /// A hex colour given as text, e.g. `#ff8800`.
/// struct Colour(u32);
///
/// impl SlashArgument for Colour {
///     const KIND: OptionKind = OptionKind::String;
///     fn extract(source: &ArgumentSource<'_>) -> Result<Self, ArgumentError> {
///         let text = String::extract(source)?;
///         u32::from_str_radix(text.trim_start_matches('#'), 16)
///             .map(Colour)
///             .map_err(|_| ArgumentError::OutOfRange {
///                 name: source.name.to_owned(),
///                 value: text,
///                 target: "Colour",
///             })
///     }
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the type of a slash-command option",
    label = "unsupported option type",
    note = "supported: String, i64, i32, i16, i8, u64, u32, u16, u8, f64, f32, bool, User, Member, \
            Role, Mentionable, Attachment, Channel, TextChannel, VoiceChannel, StageChannel, \
            CategoryChannel, AnnouncementChannel, ForumChannel, ThreadChannel, a `#[derive(Choice)]` \
            enum, and Option<T> of any of them",
    note = "implement `bot_core::command::SlashArgument` to accept your own type"
)]
pub trait SlashArgument: Sized {
    /// The option type.
    const KIND: OptionKind;
    /// Whether the user must give a value (`Option<T>` is not required).
    const REQUIRED: bool = true;
    /// The smallest value the Rust type holds, when narrower than Discord's range.
    const MIN_VALUE: Option<NumericValue> = None;
    /// The largest value the Rust type holds, when narrower than Discord's range.
    const MAX_VALUE: Option<NumericValue> = None;
    /// The channel types the Rust type accepts (empty: all).
    const CHANNEL_TYPES: &'static [ChannelType] = &[];
    /// The predefined choices of the Rust type (a `#[derive(Choice)]` enum).
    const CHOICES: &'static [ChoiceSpec<'static>] = &[];

    /// Turns the option into a value; a missing, mistyped or unresolvable option is an error.
    fn extract(source: &ArgumentSource<'_>) -> Result<Self, ArgumentError>;
}

impl<T: SlashArgument> SlashArgument for Option<T> {
    const KIND: OptionKind = T::KIND;
    const REQUIRED: bool = false;
    const MIN_VALUE: Option<NumericValue> = T::MIN_VALUE;
    const MAX_VALUE: Option<NumericValue> = T::MAX_VALUE;
    const CHANNEL_TYPES: &'static [ChannelType] = T::CHANNEL_TYPES;
    const CHOICES: &'static [ChoiceSpec<'static>] = T::CHOICES;

    fn extract(source: &ArgumentSource<'_>) -> Result<Self, ArgumentError> {
        match source.option {
            None => Ok(None),
            Some(_) => T::extract(source).map(Some),
        }
    }
}

impl SlashArgument for String {
    const KIND: OptionKind = OptionKind::String;

    fn extract(source: &ArgumentSource<'_>) -> Result<Self, ArgumentError> {
        let value = source.value(OptionKind::String)?;
        value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| source.wrong_type(OptionKind::String, "not a string", value))
    }
}

impl SlashArgument for bool {
    const KIND: OptionKind = OptionKind::Boolean;

    fn extract(source: &ArgumentSource<'_>) -> Result<Self, ArgumentError> {
        let value = source.value(OptionKind::Boolean)?;
        value
            .as_bool()
            .ok_or_else(|| source.wrong_type(OptionKind::Boolean, "not a boolean", value))
    }
}

/// Integer types: INTEGER options whose range the type narrows.
macro_rules! integer_argument {
    ($($ty:ty => $min:expr, $max:expr;)+) => {$(
        impl SlashArgument for $ty {
            const KIND: OptionKind = OptionKind::Integer;
            const MIN_VALUE: Option<NumericValue> = $min;
            const MAX_VALUE: Option<NumericValue> = $max;

            fn extract(source: &ArgumentSource<'_>) -> Result<Self, ArgumentError> {
                let value = source.value(OptionKind::Integer)?;
                let out_of_range = || ArgumentError::OutOfRange {
                    name: source.name.to_owned(),
                    value: value.to_string(),
                    target: stringify!($ty),
                };
                match value.as_i64() {
                    Some(n) => <$ty>::try_from(n).map_err(|_| out_of_range()),
                    None => Err(source.wrong_type(OptionKind::Integer, "not an integer", value)),
                }
            }
        }
    )+};
}

const fn int(n: i64) -> Option<NumericValue> {
    Some(NumericValue::Integer(n))
}

integer_argument! {
    i64 => None, None;
    i32 => int(i32::MIN as i64), int(i32::MAX as i64);
    i16 => int(i16::MIN as i64), int(i16::MAX as i64);
    i8 => int(i8::MIN as i64), int(i8::MAX as i64);
    u64 => int(0), None;
    u32 => int(0), int(u32::MAX as i64);
    u16 => int(0), int(u16::MAX as i64);
    u8 => int(0), int(u8::MAX as i64);
}

impl SlashArgument for f64 {
    const KIND: OptionKind = OptionKind::Number;

    fn extract(source: &ArgumentSource<'_>) -> Result<Self, ArgumentError> {
        let value = source.value(OptionKind::Number)?;
        value
            .as_f64()
            .ok_or_else(|| source.wrong_type(OptionKind::Number, "not a number", value))
    }
}

impl SlashArgument for f32 {
    const KIND: OptionKind = OptionKind::Number;

    fn extract(source: &ArgumentSource<'_>) -> Result<Self, ArgumentError> {
        // Discord's numbers lie within ±2^53, well inside f32's range.
        f64::extract(source).map(|x| x as f32)
    }
}

impl SlashArgument for User {
    const KIND: OptionKind = OptionKind::User;

    fn extract(source: &ArgumentSource<'_>) -> Result<Self, ArgumentError> {
        let id = source.id(OptionKind::User)?;
        source
            .resolved
            .users
            .get(&id)
            .cloned()
            .ok_or_else(|| source.unresolved(id, "user"))
    }
}

impl SlashArgument for Member {
    const KIND: OptionKind = OptionKind::User;

    fn extract(source: &ArgumentSource<'_>) -> Result<Self, ArgumentError> {
        let user = User::extract(source)?;
        if source.guild_id.is_none() {
            return Err(ArgumentError::NotInGuild {
                name: source.name.to_owned(),
            });
        }
        let member = source
            .resolved
            .members
            .get(&user.id)
            .cloned()
            .ok_or_else(|| source.unresolved(user.id, "member"))?;
        Ok(Member::new(user, member))
    }
}

impl SlashArgument for Role {
    const KIND: OptionKind = OptionKind::Role;

    fn extract(source: &ArgumentSource<'_>) -> Result<Self, ArgumentError> {
        let id = source.id(OptionKind::Role)?;
        source
            .resolved
            .roles
            .get(&id)
            .cloned()
            .ok_or_else(|| source.unresolved(id, "role"))
    }
}

impl SlashArgument for Attachment {
    const KIND: OptionKind = OptionKind::Attachment;

    fn extract(source: &ArgumentSource<'_>) -> Result<Self, ArgumentError> {
        let id = source.id(OptionKind::Attachment)?;
        source
            .resolved
            .attachments
            .get(&id)
            .cloned()
            .ok_or_else(|| source.unresolved(id, "attachment"))
    }
}

/// A MENTIONABLE option's value: a user (with their member data in a guild) or a role.
#[derive(Clone, Debug, PartialEq, Eq)]
#[allow(
    clippy::large_enum_variant,
    reason = "one value per invocation; a box would only add indirection to every match"
)]
pub enum Mentionable {
    /// A user.
    User {
        /// The user.
        user: User,
        /// Their member data, in a guild.
        member: Option<PartialMember>,
    },
    /// A role.
    Role(Role),
}

impl SlashArgument for Mentionable {
    const KIND: OptionKind = OptionKind::Mentionable;

    fn extract(source: &ArgumentSource<'_>) -> Result<Self, ArgumentError> {
        let id: Id<GenericMarker> = source.id(OptionKind::Mentionable)?;
        if let Some(user) = source.resolved.users.get(&id.cast()) {
            return Ok(Mentionable::User {
                user: user.clone(),
                member: source.resolved.members.get(&id.cast()).cloned(),
            });
        }
        source
            .resolved
            .roles
            .get(&id.cast())
            .cloned()
            .map(Mentionable::Role)
            .ok_or_else(|| source.unresolved(id, "user or role"))
    }
}

/// Resolves a CHANNEL option and checks its type is one of `accepted` (empty: any).
fn channel(
    source: &ArgumentSource<'_>,
    accepted: &[ChannelType],
) -> Result<PartialChannel, ArgumentError> {
    let id = source.id(OptionKind::Channel)?;
    let channel = source
        .resolved
        .channels
        .get(&id)
        .cloned()
        .ok_or_else(|| source.unresolved(id, "channel"))?;
    if accepted.is_empty() || accepted.contains(&channel.kind) {
        Ok(channel)
    } else {
        Err(ArgumentError::WrongType {
            name: source.name.to_owned(),
            expected: OptionKind::Channel,
            found: format!("a channel of type {}", channel.kind.value()),
        })
    }
}

/// Channel parameter types; each one's type sets the option's `channel_types`.
macro_rules! channel_argument {
    ($($(#[$doc:meta])* $name:ident => [$($kind:ident),*];)+) => {$(
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct $name(pub PartialChannel);

        impl SlashArgument for $name {
            const KIND: OptionKind = OptionKind::Channel;
            const CHANNEL_TYPES: &'static [ChannelType] = &[$(ChannelType::$kind),*];

            fn extract(source: &ArgumentSource<'_>) -> Result<Self, ArgumentError> {
                channel(source, Self::CHANNEL_TYPES).map($name)
            }
        }

        impl std::ops::Deref for $name {
            type Target = PartialChannel;
            fn deref(&self) -> &PartialChannel {
                &self.0
            }
        }
    )+};
}

channel_argument! {
    /// Any channel.
    Channel => [];
    /// A guild text channel.
    TextChannel => [GuildText];
    /// A guild voice channel.
    VoiceChannel => [GuildVoice];
    /// A stage channel.
    StageChannel => [GuildStageVoice];
    /// A category.
    CategoryChannel => [GuildCategory];
    /// An announcement channel.
    AnnouncementChannel => [GuildAnnouncement];
    /// A forum channel.
    ForumChannel => [GuildForum];
    /// A thread of any kind.
    ThreadChannel => [AnnouncementThread, PublicThread, PrivateThread];
}
