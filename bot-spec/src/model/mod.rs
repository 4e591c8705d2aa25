//! Discord's application-command model: commands, options, choices and their enumerations.

#[cfg(feature = "serde")]
mod wire;

mod builders;
mod choice;
mod command;
mod kinds;
mod localization;
mod option;
mod permissions;
mod value;

pub use choice::ChoiceSpec;
pub use command::{CommandSpec, Scope};
pub use kinds::{ChannelType, CommandKind, IntegrationType, InteractionContextType, OptionKind};
pub use localization::{LOCALES, Localizations, Localized, is_known_locale};
pub use option::OptionSpec;
pub use permissions::Permissions;
pub use value::{ChoiceValue, NumericValue};
