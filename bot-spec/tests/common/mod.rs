//! Helpers shared by the rule tests.
#![allow(dead_code)]

use bot_spec::{CommandSpec, ErrorCode, OptionKind, OptionSpec, validate_command};

/// The (path, code) of every violation, in order; empty when the command is valid.
pub fn violations(command: &CommandSpec<'_>) -> Vec<(String, ErrorCode)> {
    match validate_command(command) {
        Ok(()) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|v| (v.path.to_string(), v.code))
            .collect(),
    }
}

/// Asserts the command is valid, printing the violations otherwise.
pub fn assert_valid(command: &CommandSpec<'_>) {
    if let Err(errors) = validate_command(command) {
        panic!("expected a valid command, got {errors}");
    }
}

/// Asserts the command has exactly these violations.
pub fn assert_violations(command: &CommandSpec<'_>, expected: &[(&str, ErrorCode)]) {
    let expected: Vec<_> = expected.iter().map(|(p, c)| (p.to_string(), *c)).collect();
    assert_eq!(violations(command), expected);
}

/// A slash command `cmd` with one option.
pub fn with_option(option: OptionSpec<'static>) -> CommandSpec<'static> {
    CommandSpec::chat_input("cmd", "A command").option(option)
}

/// An option of `kind` named `opt`.
pub fn opt(kind: OptionKind) -> OptionSpec<'static> {
    OptionSpec::new(kind, "opt", "An option")
}

/// `n` copies of `c`.
pub fn text(c: char, n: usize) -> String {
    std::iter::repeat_n(c, n).collect()
}
