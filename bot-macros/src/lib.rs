//! Procedural macros of the bot SDK.
//!
//! The command, listener, check and cog macros arrive with the macros issue; each parses its item
//! into a typed representation, validates it with `bot-spec`'s rules (all errors at once, each
//! spanned on the offending token) and expands to the original item plus static metadata.
#![deny(missing_docs)]
