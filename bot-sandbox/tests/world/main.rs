//! The sandbox's world as a bot sees it change, through a raw gateway client and raw REST: members
//! (`members`), roles (`roles`), guild channels (`channels`), voice states (`voice`), and the
//! field errors of their routes (`form_errors`). Scripted changes and REST calls go through the
//! same change API, so each emits what Discord emits, to the sessions whose intents ask for it.
//! One test binary, a module per subject.

#[path = "../common/mod.rs"]
mod common;
#[path = "../schema/mod.rs"]
mod schema;
#[path = "../support/mod.rs"]
mod support;

mod channels;
mod form_errors;
mod members;
mod roles;
mod setup;
mod voice;
