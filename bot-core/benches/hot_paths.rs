//! Timings of the SDK's hot paths, without the network:
//!
//! - validating a command against every rule (`bot_spec::validate_command`);
//! - an INTERACTION_CREATE payload to a handler's typed arguments, the router's way (parse,
//!   resolve once, the context from the resolution, its layers, a clone for the handler,
//!   extract);
//! - collecting the registry and rendering the bulk-overwrite bodies;
//! - inflating a connection's `zlib-stream` frames;
//! - adding and dropping a `wait_for` waiter while 20,000 others are live.
//!
//! ```text
//! cargo bench -p bot-core --bench hot_paths
//! ```
//!
//! Each figure is the median of 7 runs of a fixed number of iterations, in nanoseconds per
//! operation. Results go to BENCHMARKS.md with the command that produced them.

use bot_core::command::{ApplicationContext, CommandRegistry, SyncConfig};
use bot_core::event::MessageCreate;
use bot_core::gateway::ZlibStream;
use bot_core::model::{Interaction, Member};
use bot_core::prelude::*;
use bot_core::spec::{ChoiceSpec, CommandSpec, OptionKind, OptionSpec, validate_command};
use flate2::{Compress, Compression, FlushCompress};
use std::hint::black_box;
use std::time::Instant;

/// Greets a member.
#[slash_command]
async fn greet(
    ctx: &ApplicationContext,
    /// Whom
    member: Member,
    /// How often
    #[min = 1]
    #[max = 10]
    times: i64,
    /// Loudly
    loud: Option<bool>,
) -> CommandResult {
    let _ = (ctx, member, times, loud);
    Ok(())
}

fn median_ns(iterations: u32, mut run: impl FnMut()) -> f64 {
    let mut samples: Vec<f64> = (0..7)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..iterations {
                run();
            }
            start.elapsed().as_nanos() as f64 / f64::from(iterations)
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[3]
}

fn blep() -> CommandSpec<'static> {
    CommandSpec::chat_input("blep", "Send a random adorable animal photo")
        .option(
            OptionSpec::new(OptionKind::String, "animal", "The type of animal")
                .required(true)
                .choice(ChoiceSpec::string("Dog", "animal_dog"))
                .choice(ChoiceSpec::string("Cat", "animal_cat"))
                .choice(ChoiceSpec::string("Penguin", "animal_penguin")),
        )
        .option(OptionSpec::new(
            OptionKind::Boolean,
            "only_smol",
            "Whether to show only baby animals",
        ))
}

fn large() -> CommandSpec<'static> {
    (0..25).fold(
        CommandSpec::chat_input("large", "Twenty-five options with choices"),
        |cmd, i| {
            let option = (0..25).fold(
                OptionSpec::with_text(
                    OptionKind::String,
                    format!("option{i}"),
                    "An option with choices",
                ),
                |o, j| {
                    o.choice(ChoiceSpec {
                        name: format!("Choice {j}").into(),
                        ..ChoiceSpec::string("", "v")
                    })
                },
            );
            cmd.option(option)
        },
    )
}

const INTERACTION: &str = r#"{
    "id": "786008729715212338", "application_id": "775799577604522054", "type": 2,
    "token": "A_UNIQUE_TOKEN", "guild_id": "290926798626357999", "channel_id": "645027906669510667",
    "member": {"user": {"id": "53908232506183680", "username": "Mason"}, "roles": [],
               "permissions": "2147483647", "joined_at": "2017-03-13T19:19:14.040000+00:00"},
    "data": {"id": "771825006014889984", "name": "greet", "type": 1, "options": [
        {"name": "member", "type": 6, "value": "809850198683418695"},
        {"name": "times", "type": 4, "value": 3},
        {"name": "loud", "type": 5, "value": true}
    ], "resolved": {
        "users": {"809850198683418695": {"id": "809850198683418695", "username": "VoltyDemo", "bot": true}},
        "members": {"809850198683418695": {"roles": [], "joined_at": "2021-02-12T18:25:07.972000+00:00"}}
    }}
}"#;

/// 100 INTERACTION_CREATE dispatches compressed as one `zlib-stream` connection sends them.
fn compressed_dispatches() -> Vec<Vec<u8>> {
    let mut deflate = Compress::new(Compression::default(), true);
    (1..=100)
        .map(|seq| {
            let text = format!(
                r#"{{"op":0,"s":{seq},"t":"INTERACTION_CREATE","d":{}}}"#,
                INTERACTION.trim()
            );
            let mut frame = Vec::with_capacity(text.len() + 64);
            deflate
                .compress_vec(text.as_bytes(), &mut frame, FlushCompress::Sync)
                .expect("deflate");
            frame
        })
        .collect()
}

/// A MESSAGE_CREATE dispatch's data, as text.
fn message_create() -> String {
    let frame: serde_json::Value = serde_json::from_str(include_str!(
        "../tests/fixtures/discord/message_create.composed.json"
    ))
    .expect("the fixture is JSON");
    frame["d"].to_string()
}

fn main() {
    let message = message_create();
    let blep = blep();
    let frames = compressed_dispatches();
    let large = large();
    let registry = CommandRegistry::collect().expect("valid commands");
    let config = SyncConfig::default();
    let bot = Bot::builder()
        .token("MTIz.abc.def")
        .registry(CommandRegistry::default())
        .build()
        .expect("a bot");
    let live: Vec<_> = (0..20_000)
        .map(|_| bot.wait_for::<MessageCreate>(|_| false, None))
        .collect();
    let figures = [
        (
            "validate_command (docs' blep)",
            median_ns(20_000, || {
                black_box(validate_command(black_box(&blep)).is_ok());
            }),
        ),
        (
            "validate_command (25 options x 25 choices)",
            median_ns(500, || {
                black_box(validate_command(black_box(&large)).is_ok());
            }),
        ),
        (
            "INTERACTION_CREATE -> route (resolve, context, layers) -> typed arguments",
            median_ns(20_000, || {
                // What the router does with a command interaction, less the network: resolve
                // it once, make the context from the resolution, take its layers; the handler
                // gets a clone of the context and reads its arguments.
                let interaction: Interaction =
                    serde_json::from_str(black_box(INTERACTION)).expect("valid JSON");
                let resolution = registry
                    .resolve(interaction.command_data().expect("command data"), &config)
                    .expect("a command of this program");
                let ctx = ApplicationContext::from_resolution(interaction, &resolution)
                    .expect("command data");
                black_box(resolution.layers().len());
                let handler_ctx = ctx.clone();
                let member: Member = handler_ctx.argument("member").expect("member");
                let times: i64 = handler_ctx.argument("times").expect("times");
                let loud: Option<bool> = handler_ctx.argument("loud").expect("loud");
                black_box((member, times, loud));
            }),
        ),
        (
            "registry.payloads (bulk-overwrite JSON)",
            median_ns(20_000, || {
                black_box(registry.payloads(black_box(&config)).is_ok());
            }),
        ),
        (
            "MESSAGE_CREATE data text -> typed Event (Event::from_dispatch_json)",
            median_ns(20_000, || {
                let event = Event::from_dispatch_json("MESSAGE_CREATE", black_box(&message));
                black_box(matches!(event, Event::MessageCreate(_)));
            }),
        ),
        (
            "wait_for: add and drop a waiter, 20,000 live",
            median_ns(20_000, || {
                drop(black_box(bot.wait_for::<MessageCreate>(|_| false, None)));
            }),
        ),
        (
            "zlib-stream: inflate one INTERACTION_CREATE frame (of a connection's 100)",
            median_ns(500, || {
                let mut stream = ZlibStream::new();
                for frame in &frames {
                    black_box(stream.push(black_box(frame)));
                }
            }) / 100.0,
        ),
    ];
    assert_eq!(bot.event_consumers(), live.len(), "the live waiters stayed");
    drop(live);
    println!("| operation | ns/op (median of 7) |");
    println!("|---|---:|");
    for (name, ns) in figures {
        println!("| {name} | {ns:.0} |");
    }
}
