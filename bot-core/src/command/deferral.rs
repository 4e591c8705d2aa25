//! Discord's 3-second deadline: how long an interaction may go unanswered, when the SDK defers
//! it for the handler (auto-defer), and which deferral fits which interaction.

use crate::model::{InteractionResponse, InteractionType};
use std::time::Duration;

/// How long after it is received an interaction accepts its initial response (or deferral):
/// Discord's 3 seconds. After it, a response is refused with
/// [`ResponseError::Expired`](super::ResponseError::Expired) without a request.
pub const INITIAL_RESPONSE_WINDOW: Duration = Duration::from_secs(3);

/// How long an autocomplete callback may take, from the interaction's receipt: what is left of
/// the window after a margin for the answer's own request. A callback still running then is
/// answered with no choices (its late result is discarded): autocomplete is never deferred.
pub const AUTOCOMPLETE_BUDGET: Duration = Duration::from_millis(2_500);

/// Whether, and when, the SDK defers an invocation its handler has not answered yet, so that a
/// slow handler (or one waiting for a concurrency slot, or behind checks and hooks that call
/// REST) still beats Discord's 3-second deadline. The handler's later
/// [`respond`](super::ApplicationContext::respond) then replaces the "thinking…" message, which
/// keeps the deferral's visibility: give a command whose replies are ephemeral
/// `auto_defer(ephemeral)`.
///
/// Set for every command with [`BotBuilder::auto_defer`](crate::BotBuilder::auto_defer) (default:
/// [`AutoDefer::default`], public, after 2 s), and per command, group or cog with the macros'
/// `auto_defer` key (`auto_defer = false`, `auto_defer(ephemeral)`, `auto_defer(after = 1.5)`) or
/// [`CommandLayer::auto_defer`](crate::invoke::CommandLayer::auto_defer); the innermost level
/// that sets it wins. A command that may open a modal opts out (`auto_defer = false`): a modal
/// must be the first response.
///
/// ```
/// use bot_core::command::AutoDefer;
/// use std::time::Duration;
/// let quiet = AutoDefer::after(Duration::from_millis(1500)).ephemeral();
/// assert_eq!(quiet.delay(), Some(Duration::from_millis(1500)));
/// assert!(quiet.is_ephemeral());
/// assert_eq!(AutoDefer::off().delay(), None);
/// // Never later than the latest delay that still beats the deadline.
/// assert_eq!(AutoDefer::after(Duration::from_secs(9)).delay(), Some(AutoDefer::MAX_DELAY));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AutoDefer {
    delay: Option<Duration>,
    ephemeral: bool,
}

impl AutoDefer {
    /// The default delay: 2 s after receipt, leaving a second for the deferral's request.
    pub const DEFAULT_DELAY: Duration = Duration::from_secs(2);

    /// The latest delay: 2.5 s after receipt (a later deferral may miss the deadline).
    pub const MAX_DELAY: Duration = AUTOCOMPLETE_BUDGET;

    /// Never defers for the handler (a command that may open a modal).
    pub const fn off() -> Self {
        AutoDefer {
            delay: None,
            ephemeral: false,
        }
    }

    /// Defers `delay` after the interaction was received (at most [`MAX_DELAY`](Self::MAX_DELAY))
    /// if nothing answered it by then; the deferral is public.
    pub const fn after(delay: Duration) -> Self {
        let delay = if delay.as_nanos() > Self::MAX_DELAY.as_nanos() {
            Self::MAX_DELAY
        } else {
            delay
        };
        AutoDefer {
            delay: Some(delay),
            ephemeral: false,
        }
    }

    /// The same, with an ephemeral deferral (only the invoking user sees "thinking…" and the
    /// reply that replaces it).
    pub const fn ephemeral(mut self) -> Self {
        self.ephemeral = true;
        self
    }

    /// When it defers, after receipt; `None` when it is off.
    pub const fn delay(&self) -> Option<Duration> {
        self.delay
    }

    /// Whether the deferral is ephemeral.
    pub const fn is_ephemeral(&self) -> bool {
        self.ephemeral
    }

    /// Whether it defers at all.
    pub const fn is_on(&self) -> bool {
        self.delay.is_some()
    }
}

impl Default for AutoDefer {
    /// On, public, after [`DEFAULT_DELAY`](Self::DEFAULT_DELAY).
    fn default() -> Self {
        AutoDefer::after(Self::DEFAULT_DELAY)
    }
}

/// The deferral that fits an interaction of type `kind`: a command or a submitted modal defers
/// with a message to come (type 5, "thinking…", ephemeral or not); a component with a deferred
/// update of its message (type 6, the user sees nothing); autocomplete and pings are never
/// deferred (`None`).
pub(crate) fn deferral_for(kind: InteractionType, ephemeral: bool) -> Option<InteractionResponse> {
    match kind {
        InteractionType::ApplicationCommand | InteractionType::ModalSubmit => {
            Some(InteractionResponse::deferred(ephemeral))
        }
        InteractionType::MessageComponent => Some(InteractionResponse::DeferredUpdate),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{InteractionCallbackType, MessageFlags};

    #[test]
    fn commands_defer_with_a_message_components_with_an_update_autocomplete_never() {
        let command = deferral_for(InteractionType::ApplicationCommand, true).unwrap();
        assert_eq!(
            command.kind(),
            InteractionCallbackType::DeferredChannelMessageWithSource
        );
        assert_eq!(
            command,
            InteractionResponse::DeferredMessage {
                flags: MessageFlags::EPHEMERAL
            }
        );
        let modal = deferral_for(InteractionType::ModalSubmit, false).unwrap();
        assert_eq!(modal, InteractionResponse::deferred(false));
        let component = deferral_for(InteractionType::MessageComponent, true).unwrap();
        assert_eq!(
            component.kind(),
            InteractionCallbackType::DeferredUpdateMessage
        );
        assert_eq!(deferral_for(InteractionType::Autocomplete, false), None);
        assert_eq!(deferral_for(InteractionType::Ping, false), None);
    }

    #[test]
    fn the_delay_is_capped_and_off_never_defers() {
        assert_eq!(AutoDefer::default().delay(), Some(Duration::from_secs(2)));
        assert!(!AutoDefer::default().is_ephemeral());
        assert_eq!(
            AutoDefer::after(Duration::from_secs(60)).delay(),
            Some(AutoDefer::MAX_DELAY)
        );
        assert_eq!(
            AutoDefer::after(Duration::ZERO).delay(),
            Some(Duration::ZERO)
        );
        assert!(!AutoDefer::off().is_on());
        assert!(AutoDefer::off().ephemeral().delay().is_none());
    }
}
