//! A bot whose commands compile under the strictest lints: the generated code adds no warning.
#![deny(warnings, missing_docs, clippy::all)]

use bot_core::prelude::*;

/// A unit of temperature.
#[derive(Choice)]
pub enum Unit {
    /// Degrees Celsius.
    Celsius,
    /// Degrees Fahrenheit.
    #[choice(name = "Fahrenheit (US)")]
    Fahrenheit,
}

/// Convert a temperature.
#[slash_command(guild_ids = [123456789012345678])]
pub async fn convert(
    ctx: &ApplicationContext,
    /// The value to convert
    #[min = -273.15]
    value: f64,
    /// Target unit
    unit: Unit,
    /// Decimal places
    #[min = 0]
    #[max = 6]
    places: Option<i64>,
) -> CommandResult {
    let _ = (ctx, value, unit, places);
    Ok(())
}

/// Manage things.
#[slash_group]
pub mod manage {
    use super::*;

    /// Reset everything.
    #[slash_command]
    pub async fn reset(ctx: &ApplicationContext) -> CommandResult {
        let _ = ctx;
        Ok(())
    }
}

/// Shows an avatar.
#[user_command(name = "Show avatar")]
pub async fn avatar(ctx: &ApplicationContext, user: User) -> CommandResult {
    let _ = (ctx, user);
    Ok(())
}

fn main() {
    let registry = CommandRegistry::collect().expect("valid commands");
    assert_eq!(registry.commands().len(), 3);
}
