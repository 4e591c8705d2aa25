//! The command rules reach users through `bot-core`, the one dependency they add.

use bot_core::spec::{CommandSpec, ErrorCode, OptionKind, OptionSpec, validate_command};

#[test]
fn a_user_of_bot_core_validates_commands() {
    let valid = CommandSpec::chat_input("ping", "Replies with pong");
    assert_eq!(validate_command(&valid), Ok(()));

    let invalid = CommandSpec::user("Show avatar").option(OptionSpec::new(
        OptionKind::User,
        "who",
        "The user",
    ));
    let errors = validate_command(&invalid).expect_err("USER commands take no options");
    let found: Vec<_> = errors
        .iter()
        .map(|v| (v.path.to_string(), v.code))
        .collect();
    assert_eq!(found, [("options".to_string(), ErrorCode::FieldNotAllowed)]);
}
