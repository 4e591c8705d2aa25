//! A tour of Discord's command rules as `bot-spec` models them.
//!
//! Builds the docs' `blep` command, prints its JSON as Discord's create endpoint takes it, then
//! validates a broken command and prints every violation and Discord's 50035 error body.
//!
//! ```text
//! cargo run --example spec_tour
//! ```

use bot_core::spec::{
    ChoiceSpec, CommandSpec, FormBodyError, OptionKind, OptionSpec, check_scope, limits,
    validate_command,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let blep = CommandSpec::chat_input("blep", "Send a random adorable animal photo")
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
        ));
    validate_command(&blep)?;
    println!("A valid command, as Discord's create endpoint takes it:");
    println!("{}", serde_json::to_string_pretty(&blep)?);
    println!(
        "Its size: {} of {} characters.\n",
        limits::command_size(&blep),
        limits::COMMAND_SIZE_MAX
    );

    let broken = CommandSpec::chat_input("Blep", "")
        .option(OptionSpec::new(OptionKind::Boolean, "smol", "Only babies?"))
        .option(
            OptionSpec::new(OptionKind::Integer, "count", "How many")
                .required(true)
                .min_value(bot_core::spec::NumericValue::Integer(10))
                .max_value(bot_core::spec::NumericValue::Integer(1))
                .choice(ChoiceSpec::integer("one", 1))
                .autocomplete(true),
        );
    let errors = validate_command(&broken).expect_err("the broken command has violations");
    println!("A broken command has {} violations:", errors.len());
    for violation in &errors {
        println!("  {violation}");
    }
    println!("\nAs Discord's error body:");
    println!(
        "{}",
        serde_json::to_string_pretty(&FormBodyError::from(&errors))?
    );

    let scope = [blep.clone(), blep];
    if let Err(conflicts) = check_scope(&scope) {
        println!("\nRegistering blep twice in one scope:");
        for conflict in conflicts {
            println!("  {conflict}");
        }
    }
    Ok(())
}
