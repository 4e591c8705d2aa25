//! An application command and where it is registered.

use super::{CommandKind, IntegrationType, InteractionContextType, Localizations, OptionSpec};
use crate::Permissions;
use std::borrow::Cow;

/// Where a command is registered: globally, or in each of a list of guilds.
///
/// Not part of the command's JSON: it picks the endpoint (`/applications/{app}/commands` or
/// `/applications/{app}/guilds/{guild}/commands`). Some rules depend on it: `contexts` and
/// `integration_types` exist only on global commands (AC L38-39).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Scope<'a> {
    /// Registered for every guild and DM, through the global endpoint.
    #[default]
    Global,
    /// Registered in each of these guilds (by id).
    Guilds(Cow<'a, [u64]>),
}

impl Scope<'_> {
    /// Whether this is the global scope.
    pub const fn is_global(&self) -> bool {
        matches!(self, Scope::Global)
    }
}

/// An application command as Discord's create and bulk-overwrite endpoints take it (AC L13-59).
///
/// Text and lists are `Cow`s, so the same type is built in `static` items by the macros (borrowed)
/// and deserialized from a request body (owned). `scope` is not part of the JSON.
///
/// In a `static`, write the fields you set and take the rest from [`CommandSpec::EMPTY`]
/// (struct-update syntax from a `const fn` call is not allowed there):
///
/// ```
/// use bot_spec::{CommandSpec, OptionKind, OptionSpec, ChoiceSpec};
/// use std::borrow::Cow;
/// static BLEP: CommandSpec<'static> = CommandSpec {
///     name: Cow::Borrowed("blep"),
///     description: Cow::Borrowed("Send a random adorable animal photo"),
///     options: Cow::Borrowed(&[OptionSpec {
///         kind: OptionKind::String,
///         name: Cow::Borrowed("animal"),
///         description: Cow::Borrowed("The type of animal"),
///         required: true,
///         choices: Cow::Borrowed(&[ChoiceSpec::string("Dog", "animal_dog")]),
///         ..OptionSpec::EMPTY
///     }]),
///     ..CommandSpec::EMPTY
/// };
/// assert!(bot_spec::validate_command(&BLEP).is_ok());
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
pub struct CommandSpec<'a> {
    /// The command's type (`type` on the wire, default CHAT_INPUT).
    #[cfg_attr(feature = "serde", serde(rename = "type", default = "chat_input"))]
    pub kind: CommandKind,
    /// The name: lowercase and pattern-checked for CHAT_INPUT, free text for USER and MESSAGE.
    #[cfg_attr(feature = "serde", serde(default))]
    pub name: Cow<'a, str>,
    /// Localized names.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::wire::null_as_default")
    )]
    pub name_localizations: Localizations<'a>,
    /// 1–100 characters for CHAT_INPUT; empty for USER and MESSAGE.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::wire::null_as_default")
    )]
    pub description: Cow<'a, str>,
    /// Localized descriptions.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::wire::null_as_default")
    )]
    pub description_localizations: Localizations<'a>,
    /// Parameters, subcommands and groups (CHAT_INPUT only; at most 25).
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::wire::null_as_default")
    )]
    pub options: Cow<'a, [OptionSpec<'a>]>,
    /// The permissions a member needs by default; `None` means everyone.
    #[cfg_attr(feature = "serde", serde(default))]
    pub default_member_permissions: Option<Permissions>,
    /// Where the command can be used (global commands only); `None` leaves Discord's default.
    #[cfg_attr(feature = "serde", serde(default))]
    pub contexts: Option<Cow<'a, [InteractionContextType]>>,
    /// Which installations make the command available (global commands only); `None` leaves
    /// Discord's default.
    #[cfg_attr(feature = "serde", serde(default))]
    pub integration_types: Option<Cow<'a, [IntegrationType]>>,
    /// Whether the command is age-restricted.
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "super::wire::null_as_default")
    )]
    pub nsfw: bool,
    /// Where the command is registered (not part of the JSON).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub scope: Scope<'a>,
}

#[cfg(feature = "serde")]
fn chat_input() -> CommandKind {
    CommandKind::ChatInput
}

impl<'a> CommandSpec<'a> {
    /// A CHAT_INPUT command with every field empty: the base for struct-update syntax in `static`
    /// items (`CommandSpec { name: ..., ..CommandSpec::EMPTY }`).
    // A literal, not a `const fn` call: only then may `static` items struct-update from it.
    pub const EMPTY: Self = CommandSpec {
        kind: CommandKind::ChatInput,
        name: Cow::Borrowed(""),
        name_localizations: Localizations::EMPTY,
        description: Cow::Borrowed(""),
        description_localizations: Localizations::EMPTY,
        options: Cow::Borrowed(&[]),
        default_member_permissions: None,
        contexts: None,
        integration_types: None,
        nsfw: false,
        scope: Scope::Global,
    };

    /// A command of `kind` with everything but the name and description empty, usable in `const`
    /// and `static` items.
    pub const fn new(kind: CommandKind, name: &'a str, description: &'a str) -> Self {
        CommandSpec {
            kind,
            name: Cow::Borrowed(name),
            description: Cow::Borrowed(description),
            ..CommandSpec::EMPTY
        }
    }

    /// A slash command (CHAT_INPUT) with a name and a description.
    pub const fn chat_input(name: &'a str, description: &'a str) -> Self {
        CommandSpec::new(CommandKind::ChatInput, name, description)
    }

    /// A user context-menu command (USER); its description is empty.
    pub const fn user(name: &'a str) -> Self {
        CommandSpec::new(CommandKind::User, name, "")
    }

    /// A message context-menu command (MESSAGE); its description is empty.
    pub const fn message(name: &'a str) -> Self {
        CommandSpec::new(CommandKind::Message, name, "")
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for CommandSpec<'_> {
    /// Writes the JSON form Discord's create and bulk-overwrite endpoints take, leaving out empty
    /// and unset fields.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("name", &self.name)?;
        map.serialize_entry("type", &self.kind)?;
        map.serialize_entry("description", &self.description)?;
        if !self.name_localizations.is_empty() {
            map.serialize_entry("name_localizations", &self.name_localizations)?;
        }
        if !self.description_localizations.is_empty() {
            map.serialize_entry("description_localizations", &self.description_localizations)?;
        }
        if !self.options.is_empty() {
            map.serialize_entry("options", &self.options)?;
        }
        if let Some(permissions) = &self.default_member_permissions {
            map.serialize_entry("default_member_permissions", permissions)?;
        }
        if let Some(contexts) = &self.contexts {
            map.serialize_entry("contexts", contexts)?;
        }
        if let Some(types) = &self.integration_types {
            map.serialize_entry("integration_types", types)?;
        }
        if self.nsfw {
            map.serialize_entry("nsfw", &true)?;
        }
        map.end()
    }
}
