//! Generated handlers fed the docs' INTERACTION_CREATE payloads and hand-built ones: every option
//! type, a subcommand in a group, and each way an option can be wrong, which must end in a typed
//! error and never a panic.

use bot_core::command::{ArgumentError, CommandError, CommandResult};
use bot_core::model::{Id, Interaction, InteractionMarker};
use bot_core::prelude::*;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::Mutex;

/// What each handler received, by interaction id.
static RECEIVED: Mutex<Option<HashMap<Id<InteractionMarker>, String>>> = Mutex::new(None);

fn record(ctx: &ApplicationContext, what: String) {
    RECEIVED
        .lock()
        .unwrap()
        .get_or_insert_with(HashMap::new)
        .insert(ctx.interaction().id, what);
}

fn received(id: u64) -> Option<String> {
    RECEIVED
        .lock()
        .unwrap()
        .as_ref()
        .and_then(|m| m.get(&Id::new(id)).cloned())
}

#[derive(Choice, Debug)]
enum Size {
    Small,
    #[choice(value = "L")]
    Large,
}

/// The docs' card search.
#[slash_command]
async fn cardsearch(
    ctx: &ApplicationContext,
    /** A card */
    cardname: String,
) -> CommandResult {
    record(ctx, cardname);
    Ok(())
}

#[user_command(name = "context-menu-user-2")]
async fn inspect(ctx: &ApplicationContext, member: Member) -> CommandResult {
    record(
        ctx,
        format!("{} {:?}", member.user.username, member.joined_at),
    );
    Ok(())
}

#[message_command(name = "Quote")]
async fn quote(ctx: &ApplicationContext, message: Message) -> CommandResult {
    record(ctx, message.content);
    Ok(())
}

/// Every option type.
#[slash_command]
#[allow(clippy::too_many_arguments)]
async fn everything(
    ctx: &ApplicationContext,
    /// s
    s: String,
    /// i
    i: i64,
    /// b
    b: bool,
    /// u
    u: User,
    /// m
    m: Member,
    /// c
    c: Channel,
    /// r
    r: Role,
    /// men
    men: Mentionable,
    /// n
    n: f64,
    /// a
    a: Attachment,
    /// small
    small: u8,
    /// size
    size: Option<Size>,
    /// t
    t: Option<TextChannel>,
) -> CommandResult {
    let mention = match men {
        Mentionable::User { user, .. } => format!("user {}", user.username),
        Mentionable::Role(role) => format!("role {}", role.name),
    };
    record(
        ctx,
        format!(
            "{s}|{i}|{b}|{}|{}|{}|{}|{mention}|{n}|{}|{small}|{size:?}|{:?}",
            u.username,
            m.display_name(),
            c.name.as_deref().unwrap_or(""),
            r.name,
            a.filename,
            t.map(|t| t.0.id)
        ),
    );
    Ok(())
}

/// A user-defined argument type: a hex colour given as text.
#[derive(Debug)]
struct Colour(u32);

impl bot_core::command::SlashArgument for Colour {
    const KIND: bot_core::spec::OptionKind = bot_core::spec::OptionKind::String;

    fn extract(source: &bot_core::command::ArgumentSource<'_>) -> Result<Self, ArgumentError> {
        let text = String::extract(source)?;
        u32::from_str_radix(text.trim_start_matches('#'), 16)
            .map(Colour)
            .map_err(|_| ArgumentError::OutOfRange {
                name: source.name.to_owned(),
                value: text,
                target: "Colour",
            })
    }
}

/// Paint something.
#[slash_command]
async fn paint(
    ctx: &ApplicationContext,
    /// A colour like #ff8800
    #[max_length = 7]
    colour: Colour,
) -> CommandResult {
    record(ctx, format!("{:06x}", colour.0));
    Ok(())
}

/// Permissions.
#[slash_group]
mod perm {
    use super::*;

    /// A user's permissions.
    #[slash_group]
    mod user {
        use super::*;

        /// Set a level.
        #[slash_command]
        async fn set(
            ctx: &ApplicationContext,
            /// Whom
            target: User,
            /// Level
            #[min = 1]
            level: i64,
        ) -> CommandResult {
            record(ctx, format!("set {} {level}", target.username));
            Ok(())
        }
    }

    /// Reset.
    #[slash_command]
    async fn reset(ctx: &ApplicationContext) -> CommandResult {
        record(ctx, "reset".to_owned());
        Ok(())
    }
}

fn run(interaction: Value) -> CommandResult {
    let interaction: Interaction = serde_json::from_value(interaction).expect("interaction JSON");
    let ctx = ApplicationContext::new(interaction)?;
    let registry = CommandRegistry::collect().expect("the commands are valid together");
    let resolution = registry
        .resolve(ctx.data(), &bot_core::command::SyncConfig::default())
        .expect("the command is registered");
    let handler = resolution
        .command
        .handler()
        .expect("macro commands have handlers");
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(handler.invoke(ctx))
}

fn fixture(name: &str) -> Value {
    let text = match name {
        "chat_input" => include_str!("fixtures/discord/interaction_create.chat_input.json"),
        _ => include_str!("fixtures/discord/interaction_create.user_command.json"),
    };
    serde_json::from_str(text).unwrap()
}

fn argument_error(result: CommandResult) -> ArgumentError {
    match result {
        Err(CommandError::Argument(error)) => error,
        other => panic!("expected an argument error, got {other:?}"),
    }
}

#[test]
fn docs_chat_input_fixture() {
    run(fixture("chat_input")).unwrap();
    assert_eq!(
        received(786008729715212338).as_deref(),
        Some("The Gitrog Monster")
    );
}

#[test]
fn docs_user_command_fixture_gives_the_target_member() {
    run(fixture("user_command")).unwrap();
    assert_eq!(
        received(867794291820986368).as_deref(),
        Some("VoltyDemo Some(Timestamp(2021-02-12T18:25:07.972000+00:00))")
    );
}

fn resolved() -> Value {
    json!({
        "users": {
            "10": {"id": "10", "username": "ana"},
            "11": {"id": "11", "username": "bo", "global_name": "Bo"}
        },
        "members": {"11": {"nick": "bobby", "roles": []}},
        "roles": {"20": {"id": "20", "name": "mods", "permissions": "8"}},
        "channels": {
            "30": {"id": "30", "type": 0, "name": "general"},
            "31": {"id": "31", "type": 2, "name": "voice"}
        },
        "attachments": {"40": {"id": "40", "filename": "cat.png", "size": 3, "url": "u"}}
    })
}

fn everything_options() -> Vec<Value> {
    vec![
        json!({"name": "s", "type": 3, "value": "text"}),
        json!({"name": "i", "type": 4, "value": -5}),
        json!({"name": "b", "type": 5, "value": true}),
        json!({"name": "u", "type": 6, "value": "10"}),
        json!({"name": "m", "type": 6, "value": "11"}),
        json!({"name": "c", "type": 7, "value": "31"}),
        json!({"name": "r", "type": 8, "value": "20"}),
        json!({"name": "men", "type": 9, "value": "20"}),
        json!({"name": "n", "type": 10, "value": 2.5}),
        json!({"name": "a", "type": 11, "value": "40"}),
        json!({"name": "small", "type": 4, "value": 255}),
        json!({"name": "size", "type": 3, "value": "L"}),
        json!({"name": "t", "type": 7, "value": "30"}),
    ]
}

fn everything_interaction(id: u64, options: Vec<Value>, guild: bool) -> Value {
    let mut interaction = json!({
        "id": id.to_string(), "type": 2, "token": "secret", "channel_id": "5",
        "data": {"id": "99", "name": "everything", "type": 1,
                 "options": options, "resolved": resolved()}
    });
    if guild {
        interaction["guild_id"] = json!("1");
        interaction["member"] = json!({"user": {"id": "10", "username": "ana"}, "roles": []});
    } else {
        interaction["user"] = json!({"id": "10", "username": "ana"});
    }
    interaction
}

#[test]
fn every_option_type_arrives_typed() {
    run(everything_interaction(1001, everything_options(), true)).unwrap();
    assert_eq!(
        received(1001).as_deref(),
        Some(
            "text|-5|true|ana|bobby|voice|mods|role mods|2.5|cat.png|255|Some(Large)|Some(Id<Channel>(30))"
        )
    );
}

#[test]
fn optional_options_may_be_left_out() {
    let options: Vec<Value> = everything_options().into_iter().take(11).collect();
    run(everything_interaction(1002, options, true)).unwrap();
    assert!(received(1002).unwrap().ends_with("|255|None|None"));
}

#[test]
fn a_subcommand_in_a_group_gets_its_options() {
    let interaction = json!({
        "id": "1003", "type": 2, "token": "t", "user": {"id": "10", "username": "ana"},
        "data": {"id": "98", "name": "perm", "type": 1, "options": [
            {"name": "user", "type": 2, "options": [
                {"name": "set", "type": 1, "options": [
                    {"name": "target", "type": 6, "value": "10"},
                    {"name": "level", "type": 4, "value": 3}
                ]}
            ]}
        ], "resolved": resolved()}
    });
    run(interaction).unwrap();
    assert_eq!(received(1003).as_deref(), Some("set ana 3"));

    let reset = json!({
        "id": "1004", "type": 2, "token": "t",
        "data": {"id": "98", "name": "perm", "type": 1, "options": [
            {"name": "reset", "type": 1}
        ]}
    });
    run(reset).unwrap();
    assert_eq!(received(1004).as_deref(), Some("reset"));
}

#[test]
fn a_missing_required_option_is_a_typed_error() {
    let options: Vec<Value> = everything_options().into_iter().skip(1).collect();
    let error = argument_error(run(everything_interaction(1005, options, true)));
    assert_eq!(
        error,
        ArgumentError::Missing {
            name: "s".to_owned()
        }
    );
}

#[test]
fn a_wrong_type_is_a_typed_error() {
    let mut options = everything_options();
    options[1] = json!({"name": "i", "type": 4, "value": "seven"});
    let error = argument_error(run(everything_interaction(1006, options, true)));
    assert!(
        matches!(error, ArgumentError::WrongType { ref name, .. } if name == "i"),
        "{error:?}"
    );

    let mut options = everything_options();
    options[1] = json!({"name": "i", "type": 3, "value": "7"});
    let error = argument_error(run(everything_interaction(1007, options, true)));
    assert!(
        matches!(error, ArgumentError::WrongType { ref name, .. } if name == "i"),
        "{error:?}"
    );
}

#[test]
fn a_missing_resolved_entry_is_a_typed_error() {
    let mut options = everything_options();
    options[3] = json!({"name": "u", "type": 6, "value": "12345"});
    let error = argument_error(run(everything_interaction(1008, options, true)));
    assert_eq!(
        error,
        ArgumentError::Unresolved {
            name: "u".to_owned(),
            id: Id::new(12345),
            what: "user"
        }
    );
}

#[test]
fn a_value_too_big_for_the_rust_type_is_a_typed_error() {
    let mut options = everything_options();
    options[10] = json!({"name": "small", "type": 4, "value": 256});
    let error = argument_error(run(everything_interaction(1009, options, true)));
    assert!(
        matches!(error, ArgumentError::OutOfRange { target: "u8", .. }),
        "{error:?}"
    );
}

#[test]
fn a_member_outside_a_guild_is_a_typed_error() {
    let error = argument_error(run(everything_interaction(
        1010,
        everything_options(),
        false,
    )));
    assert_eq!(
        error,
        ArgumentError::NotInGuild {
            name: "m".to_owned()
        }
    );
}

#[test]
fn an_unknown_choice_or_channel_type_is_a_typed_error() {
    let mut options = everything_options();
    options[11] = json!({"name": "size", "type": 3, "value": "XL"});
    let error = argument_error(run(everything_interaction(1011, options, true)));
    assert!(
        matches!(error, ArgumentError::UnknownChoice { .. }),
        "{error:?}"
    );

    let mut options = everything_options();
    options[12] = json!({"name": "t", "type": 7, "value": "31"});
    let error = argument_error(run(everything_interaction(1012, options, true)));
    assert!(
        matches!(error, ArgumentError::WrongType { ref name, .. } if name == "t"),
        "{error:?}"
    );
}

#[test]
fn a_message_command_gets_its_target() {
    let interaction = json!({
        "id": "1013", "type": 2, "token": "t",
        "data": {"id": "97", "name": "Quote", "type": 3, "target_id": "60", "resolved": {
            "messages": {"60": {"id": "60", "channel_id": "5", "content": "hello",
                                "author": {"id": "10", "username": "ana"}}}
        }}
    });
    run(interaction).unwrap();
    assert_eq!(received(1013).as_deref(), Some("hello"));
}

#[test]
fn a_user_defined_argument_type_works_end_to_end() {
    let registry = CommandRegistry::collect().unwrap();
    let paint = registry
        .commands()
        .iter()
        .find(|c| c.spec().name == "paint")
        .unwrap();
    assert_eq!(
        paint.spec().options[0].kind,
        bot_core::spec::OptionKind::String
    );
    assert_eq!(paint.spec().options[0].max_length, Some(7));
    let interaction = |id: &str, value: &str| {
        json!({"id": id, "type": 2, "token": "t", "data": {"id": "96", "name": "paint", "type": 1,
               "options": [{"name": "colour", "type": 3, "value": value}]}})
    };
    run(interaction("1015", "#ff8800")).unwrap();
    assert_eq!(received(1015).as_deref(), Some("ff8800"));
    let error = argument_error(run(interaction("1016", "orange")));
    assert!(
        matches!(
            error,
            ArgumentError::OutOfRange {
                target: "Colour",
                ..
            }
        ),
        "{error:?}"
    );
}

#[test]
fn debug_output_never_shows_the_interaction_token() {
    let interaction: Interaction =
        serde_json::from_value(everything_interaction(1014, everything_options(), true)).unwrap();
    let ctx = ApplicationContext::new(interaction).unwrap();
    let shown = format!("{ctx:?}");
    assert!(!shown.contains("secret"), "{shown}");
    assert!(shown.contains("[redacted]"));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            prop_oneof!["[0-9]{1,20}", "\\PC{0,10}"].prop_map(Value::String),
        ];
        leaf.prop_recursive(3, 40, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::btree_map("[a-z_0-9]{1,6}", inner, 0..5)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    fn any_option() -> impl Strategy<Value = Value> {
        let names = prop::sample::select(vec![
            "s", "i", "b", "u", "m", "c", "r", "men", "n", "a", "small", "size", "t", "x",
        ]);
        (names, 0u8..13, any_json(), any::<bool>()).prop_map(|(name, kind, value, with_value)| {
            let mut option = json!({"name": name, "type": kind});
            if with_value {
                option["value"] = value;
            }
            option
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// Any option JSON ends in values or a typed error, never a panic.
        #[test]
        fn arbitrary_option_json_never_panics(
            options in prop::collection::vec(any_option(), 0..14),
            extra in any_json(),
            guild in any::<bool>(),
        ) {
            let mut interaction = everything_interaction(2000, options, guild);
            interaction["data"]["resolved"]["users"]["77"] = extra;
            if let Ok(interaction) = serde_json::from_value::<Interaction>(interaction)
                && let Ok(ctx) = ApplicationContext::new(interaction)
            {
                let registry = CommandRegistry::collect().unwrap();
                // A subcommand path the command does not define resolves to nothing.
                if let Some(resolution) = registry.resolve(ctx.data(), &bot_core::command::SyncConfig::default()) {
                    let handler = resolution.command.handler().unwrap();
                    let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
                    let _ = runtime.block_on(handler.invoke(ctx));
                }
            }
        }
    }
}
