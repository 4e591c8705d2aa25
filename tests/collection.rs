//! The registry collects commands wherever they are defined: in a nested private module of the
//! binary, and in another crate the binary links.

// Nothing else here names the library, so this line is what links its commands in.
use shared_commands as _;

use bot_core::prelude::*;

mod outer {
    mod inner {
        use bot_core::prelude::*;

        /// Defined two private modules deep.
        #[slash_command]
        async fn hidden(ctx: &ApplicationContext) -> CommandResult {
            let _ = ctx;
            Ok(())
        }
    }
}

#[test]
fn commands_from_private_modules_and_other_crates_are_collected() {
    let registry = CommandRegistry::collect().unwrap();
    let names: Vec<&str> = registry
        .commands()
        .iter()
        .map(|c| c.spec().name.as_ref())
        .collect();
    assert_eq!(names, ["hidden", "version"]);
    let sources: Vec<&str> = registry
        .commands()
        .iter()
        .filter_map(|c| c.source())
        .collect();
    assert_eq!(
        sources,
        [
            "collection::outer::inner::hidden",
            "shared_commands::version"
        ]
    );
}

#[test]
fn conflicts_across_commands_fail_collection_with_every_conflict() {
    use bot_core::spec::CommandSpec;
    let mut specs = vec![
        CommandSpec::chat_input("hidden", "Same name as another"),
        CommandSpec::chat_input("hidden", "Same name again"),
    ];
    specs.extend((0..16).map(|i| {
        let mut spec = CommandSpec::user("");
        spec.name = format!("User {i}").into();
        spec
    }));
    let error = CommandRegistry::from_specs(specs).unwrap_err();
    assert_eq!(error.conflicts.len(), 2, "{error}");
    let text = error.to_string();
    assert!(text.contains("named \"hidden\""), "{text}");
    assert!(text.contains("exceed the limit of 15"), "{text}");
}
