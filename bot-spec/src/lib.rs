//! Discord's application-command model and rules, as plain data and pure functions.
//!
//! This crate is the one place where Discord's command rules live. The procedural macros use it at
//! compile time, the runtime uses it for commands built at run time, and the local Discord
//! (`bot-sandbox`) uses it to reject what Discord rejects. It does no I/O and has no async code.
//!
//! - [`CommandSpec`], [`OptionSpec`], [`ChoiceSpec`] and their enums model a command. Text and lists
//!   are `Cow`s, so the same types are built in `static` items (borrowed) and read from a request
//!   body (owned).
//! - [`validate_command`] checks every rule and returns **all** violations, each with a
//!   [`FieldPath`] (`options[2].choices[25].name`) and Discord's string [`ErrorCode`].
//! - [`limits`] holds Discord's numbers and `const fn` checks of the length, count and range rules,
//!   including the 8,000-character total, for compile-time assertions.
//! - [`check_scope`] checks the rules across the commands of one scope (unique names, counts).
//! - With the `serde` feature (on by default), the model reads and writes the exact JSON form of
//!   Discord's create and bulk-overwrite endpoints, and [`FormBodyError`] renders violations as
//!   Discord's 50035 error.
//!
//! Unicode data comes from the [`regex`](https://docs.rs/regex) crate's tables: the name pattern is
//! Discord's own regular expression, `^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$`.
//!
//! ```
//! use bot_spec::{CommandSpec, ChoiceSpec, OptionKind, OptionSpec};
//! let blep = CommandSpec::chat_input("blep", "Send a random adorable animal photo")
//!     .option(
//!         OptionSpec::new(OptionKind::String, "animal", "The type of animal")
//!             .required(true)
//!             .choice(ChoiceSpec::string("Dog", "animal_dog")),
//!     );
//! assert!(blep.validate().is_ok());
//! let json = serde_json::to_value(&blep).unwrap();
//! assert_eq!(json["options"][0]["choices"][0]["value"], "animal_dog");
//! ```
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod limits;
mod model;
mod scope;
mod text;
mod validate;

pub use model::*;
pub use scope::{ScopeConflict, check_scope};
pub use text::{
    NAME_PATTERN, char_count, cow_slice, cow_str, has_only_name_characters, is_lowercase,
    is_valid_chat_input_name,
};
pub use validate::*;
