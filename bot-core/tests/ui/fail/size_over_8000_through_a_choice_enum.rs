// expect: maximum size of 8000

use bot_core::prelude::*;

#[derive(Choice)]
enum Big {
    #[choice(name = "n00n00n00n00n00n00n00n00n00n00n00n00n00n00n00n00n00n00n00n00n00n00n00n00n00")]
    V0,
    #[choice(name = "n01n01n01n01n01n01n01n01n01n01n01n01n01n01n01n01n01n01n01n01n01n01n01n01n01")]
    V1,
    #[choice(name = "n02n02n02n02n02n02n02n02n02n02n02n02n02n02n02n02n02n02n02n02n02n02n02n02n02")]
    V2,
    #[choice(name = "n03n03n03n03n03n03n03n03n03n03n03n03n03n03n03n03n03n03n03n03n03n03n03n03n03")]
    V3,
    #[choice(name = "n04n04n04n04n04n04n04n04n04n04n04n04n04n04n04n04n04n04n04n04n04n04n04n04n04")]
    V4,
    #[choice(name = "n05n05n05n05n05n05n05n05n05n05n05n05n05n05n05n05n05n05n05n05n05n05n05n05n05")]
    V5,
    #[choice(name = "n06n06n06n06n06n06n06n06n06n06n06n06n06n06n06n06n06n06n06n06n06n06n06n06n06")]
    V6,
    #[choice(name = "n07n07n07n07n07n07n07n07n07n07n07n07n07n07n07n07n07n07n07n07n07n07n07n07n07")]
    V7,
    #[choice(name = "n08n08n08n08n08n08n08n08n08n08n08n08n08n08n08n08n08n08n08n08n08n08n08n08n08")]
    V8,
    #[choice(name = "n09n09n09n09n09n09n09n09n09n09n09n09n09n09n09n09n09n09n09n09n09n09n09n09n09")]
    V9,
    #[choice(name = "n10n10n10n10n10n10n10n10n10n10n10n10n10n10n10n10n10n10n10n10n10n10n10n10n10")]
    V10,
    #[choice(name = "n11n11n11n11n11n11n11n11n11n11n11n11n11n11n11n11n11n11n11n11n11n11n11n11n11")]
    V11,
    #[choice(name = "n12n12n12n12n12n12n12n12n12n12n12n12n12n12n12n12n12n12n12n12n12n12n12n12n12")]
    V12,
    #[choice(name = "n13n13n13n13n13n13n13n13n13n13n13n13n13n13n13n13n13n13n13n13n13n13n13n13n13")]
    V13,
    #[choice(name = "n14n14n14n14n14n14n14n14n14n14n14n14n14n14n14n14n14n14n14n14n14n14n14n14n14")]
    V14,
    #[choice(name = "n15n15n15n15n15n15n15n15n15n15n15n15n15n15n15n15n15n15n15n15n15n15n15n15n15")]
    V15,
    #[choice(name = "n16n16n16n16n16n16n16n16n16n16n16n16n16n16n16n16n16n16n16n16n16n16n16n16n16")]
    V16,
    #[choice(name = "n17n17n17n17n17n17n17n17n17n17n17n17n17n17n17n17n17n17n17n17n17n17n17n17n17")]
    V17,
    #[choice(name = "n18n18n18n18n18n18n18n18n18n18n18n18n18n18n18n18n18n18n18n18n18n18n18n18n18")]
    V18,
    #[choice(name = "n19n19n19n19n19n19n19n19n19n19n19n19n19n19n19n19n19n19n19n19n19n19n19n19n19")]
    V19,
    #[choice(name = "n20n20n20n20n20n20n20n20n20n20n20n20n20n20n20n20n20n20n20n20n20n20n20n20n20")]
    V20,
    #[choice(name = "n21n21n21n21n21n21n21n21n21n21n21n21n21n21n21n21n21n21n21n21n21n21n21n21n21")]
    V21,
    #[choice(name = "n22n22n22n22n22n22n22n22n22n22n22n22n22n22n22n22n22n22n22n22n22n22n22n22n22")]
    V22,
    #[choice(name = "n23n23n23n23n23n23n23n23n23n23n23n23n23n23n23n23n23n23n23n23n23n23n23n23n23")]
    V23,
    #[choice(name = "n24n24n24n24n24n24n24n24n24n24n24n24n24n24n24n24n24n24n24n24n24n24n24n24n24")]
    V24,
}

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    /// b
    b0: Big,
    /// b
    b1: Big,
    /// b
    b2: Big,
    /// b
    b3: Big,
    /// b
    b4: Big
) -> CommandResult {
    let _ = (ctx, b0, b1, b2, b3, b4);
    Ok(())
}

fn main() {}
