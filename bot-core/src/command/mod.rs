//! Commands: the context a handler receives, typed arguments, errors and the registry.

mod answer;
mod argument;
mod autocomplete;
mod concurrency;
mod context;
mod cooldown;
mod deferral;
mod error;
mod registered;
mod registry;
mod respond;
mod state;
mod target;

pub use argument::{
    AnnouncementChannel, ArgumentSource, CategoryChannel, Channel, ForumChannel, Mentionable,
    SlashArgument, StageChannel, TextChannel, ThreadChannel, VoiceChannel,
};
#[doc(hidden)]
pub use autocomplete::MacroAutocomplete;
pub(crate) use autocomplete::fit_choices;
pub use autocomplete::{
    AutocompleteContext, AutocompleteFuture, AutocompleteHandler, FnAutocomplete, IntoChoices,
    MAX_CHOICES, autocomplete_fn,
};
pub use concurrency::{ConcurrencyLimiter, ConcurrencySlot};
pub use context::ApplicationContext;
pub use cooldown::{Cooldown, CooldownMapping};
pub use deferral::{AUTOCOMPLETE_BUDGET, AutoDefer, INITIAL_RESPONSE_WINDOW};
pub use error::{ArgumentError, CommandError, CommandResult, Panicked};
pub use registered::{
    CommandEntry, CommandHandler, CommandOwner, Handler, HandlerFuture, RegisteredCommand,
};
pub use registry::{CommandRegistry, CommandScope, RegistryError, Resolution, SyncConfig};
pub use respond::{Reply, ResponseError};
pub(crate) use state::DataMap;
#[doc(hidden)]
pub use state::StateRequirement;
pub use state::{MissingData, MissingState, State};
pub use target::{MessageCommandTarget, UserCommandTarget};
