//! The typed, spanned representation of an `#[event]` function: which event its name is, and
//! its parameters.

use crate::command::ir::Spanned;
use crate::listen::expand::plain_name;
use crate::listen::ir::{ParamIr, parse_params};
use syn::ItemFn;

/// An event whose default handler `#[event]` replaces: the function's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EventName {
    Ready,
    Connect,
    Disconnect,
    Error,
    CommandError,
}

/// The names, for messages.
pub(crate) const NAMES: &str =
    "`on_ready`, `on_connect`, `on_disconnect`, `on_error` or `on_application_command_error`";

impl EventName {
    /// The event a function of this name handles.
    pub(crate) fn from_name(name: &str) -> Option<EventName> {
        match name {
            "on_ready" => Some(EventName::Ready),
            "on_connect" => Some(EventName::Connect),
            "on_disconnect" => Some(EventName::Disconnect),
            "on_error" => Some(EventName::Error),
            "on_application_command_error" => Some(EventName::CommandError),
            _ => None,
        }
    }

    /// The function's (and the event's) name.
    pub(crate) fn name(self) -> &'static str {
        match self {
            EventName::Ready => "on_ready",
            EventName::Connect => "on_connect",
            EventName::Disconnect => "on_disconnect",
            EventName::Error => "on_error",
            EventName::CommandError => "on_application_command_error",
        }
    }

    /// The first parameter: its usual name and its type's name.
    pub(crate) fn first(self) -> (&'static str, &'static str) {
        match self {
            EventName::CommandError => ("ctx", "ApplicationContext"),
            _ => ("ctx", "Context"),
        }
    }

    /// What the handler is given after the bot: the parameter's usual name and its type, in
    /// `bot_core::event`.
    pub(crate) fn payload(self) -> Option<(&'static str, &'static str)> {
        match self {
            EventName::Ready => None,
            EventName::Connect => Some(("connected", "Connected")),
            EventName::Disconnect => Some(("disconnected", "Disconnected")),
            EventName::Error => Some(("error", "EventError")),
            EventName::CommandError => Some(("error", "CommandError")),
        }
    }

    /// The handler's signature, for messages: `async fn on_ready(ctx: &Context)`.
    pub(crate) fn signature(self) -> String {
        let (first, first_ty) = self.first();
        match self.payload() {
            None => format!("`async fn {}({first}: &{first_ty})`", self.name()),
            Some((param, ty)) => format!(
                "`async fn {}({first}: &{first_ty}, {param}: &{ty})`",
                self.name()
            ),
        }
    }

    /// The variant of `EventHandlerCall` (and its payload type's name) in `bot_core`.
    pub(crate) fn variant(self) -> &'static str {
        match self {
            EventName::Ready => "Ready",
            EventName::Connect => "Connect",
            EventName::Disconnect => "Disconnect",
            EventName::Error => "Error",
            EventName::CommandError => "CommandError",
        }
    }
}

/// A parsed `#[event]` function.
pub(crate) struct EventIr {
    /// The function, unchanged.
    pub(crate) func: ItemFn,
    /// The event its name is, at the name; `None` when it is no event's.
    pub(crate) event: Option<Spanned<EventName>>,
    /// Its parameters, in order.
    pub(crate) params: Vec<ParamIr>,
}

/// Reads the event and the parameters of `func`.
pub(crate) fn parse_event(func: ItemFn) -> EventIr {
    let ident = &func.sig.ident;
    let event = EventName::from_name(&plain_name(ident)).map(|e| Spanned::new(e, ident.span()));
    let params = parse_params(&func);
    EventIr {
        func,
        event,
        params,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_and_no_other() {
        for name in ["on_ready", "on_connect", "on_disconnect", "on_error"] {
            let event = EventName::from_name(name).unwrap();
            assert_eq!(event.name(), name);
            assert!(NAMES.contains(name));
            assert!(
                event
                    .signature()
                    .starts_with(&format!("`async fn {name}(ctx: &Context"))
            );
        }
        let error = EventName::from_name("on_application_command_error").unwrap();
        assert_eq!(
            error.signature(),
            "`async fn on_application_command_error(ctx: &ApplicationContext, error: &CommandError)`"
        );
        for name in ["on_message", "ready", "on_command_error", ""] {
            assert_eq!(EventName::from_name(name), None);
        }
        assert_eq!(
            EventName::Disconnect.signature(),
            "`async fn on_disconnect(ctx: &Context, disconnected: &Disconnected)`"
        );
    }

    #[test]
    fn a_raw_identifier_names_its_event() {
        let func: ItemFn = syn::parse_quote!(
            async fn r#on_error(ctx: &Context, e: &EventError) {}
        );
        let ir = parse_event(func);
        assert_eq!(ir.event.map(|e| e.value), Some(EventName::Error));
        assert_eq!(ir.params.len(), 2);
    }
}
