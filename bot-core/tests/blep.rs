//! The docs' `blep` command written with the macros yields exactly the docs' payload, and its
//! handler receives the typed values.

use bot_core::command::{CommandScope, SyncConfig};
use bot_core::model::Interaction;
use bot_core::prelude::*;
use serde_json::json;
use std::sync::Mutex;

static SEEN: Mutex<Vec<(String, Option<bool>)>> = Mutex::new(Vec::new());

/// Send a random adorable animal photo
#[slash_command]
async fn blep(
    ctx: &ApplicationContext,
    /// The type of animal
    #[choices(("Dog", "animal_dog"), ("Cat", "animal_cat"), ("Penguin", "animal_penguin"))]
    animal: String,
    /// Whether to show only baby animals
    only_smol: Option<bool>,
) -> CommandResult {
    let _ = ctx;
    SEEN.lock().unwrap().push((animal, only_smol));
    Ok(())
}

fn fixture() -> serde_json::Value {
    let all: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/discord/rest_examples.json")).unwrap();
    all["slash_command_create_blep"]["payload"].clone()
}

#[test]
fn blep_written_with_the_macros_is_the_docs_payload() {
    let registry = CommandRegistry::collect().unwrap();
    let payloads = registry.payloads(&SyncConfig::default()).unwrap();
    assert_eq!(payloads[&CommandScope::Global], json!([fixture()]));
}

#[test]
fn the_function_stays_callable() {
    // The original function is emitted unchanged (minus parameter attributes).
    let interaction: Interaction = serde_json::from_value(json!({
        "id": "1", "type": 2, "token": "t",
        "data": {"id": "2", "name": "blep", "type": 1}
    }))
    .unwrap();
    let ctx = ApplicationContext::new(interaction).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime
        .block_on(blep(&ctx, "animal_cat".to_owned(), None))
        .unwrap();
    assert!(
        SEEN.lock()
            .unwrap()
            .contains(&("animal_cat".to_owned(), None))
    );
}

#[test]
fn the_handler_receives_typed_values() {
    let interaction: Interaction = serde_json::from_value(json!({
        "id": "1", "type": 2, "token": "t",
        "data": {"id": "2", "name": "blep", "type": 1, "options": [
            {"name": "animal", "type": 3, "value": "animal_penguin"},
            {"name": "only_smol", "type": 5, "value": true}
        ]}
    }))
    .unwrap();
    let registry = CommandRegistry::collect().unwrap();
    let ctx = ApplicationContext::new(interaction).unwrap();
    let resolution = registry
        .resolve(ctx.data(), &bot_core::command::SyncConfig::default())
        .unwrap();
    let handler = resolution.command.handler().unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime.block_on(handler.invoke(ctx)).unwrap();
    assert!(
        SEEN.lock()
            .unwrap()
            .contains(&("animal_penguin".to_owned(), Some(true)))
    );
}
