//! `bot-sandbox`: run a local Discord and point any bot library at it.
//!
//! ```text
//! cargo run -p bot-sandbox -- --port 8080
//! ```

use std::process::ExitCode;

const USAGE: &str = "usage: bot-sandbox [--port PORT] [--quiet]";

fn parse_args() -> Result<(u16, bool), String> {
    let mut port = 8080;
    let mut quiet = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => {
                let value = args.next().ok_or("--port needs a value")?;
                port = value
                    .parse()
                    .map_err(|_| format!("--port: `{value}` is not a port number"))?;
            }
            "--quiet" => quiet = true,
            "--help" | "-h" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    Ok((port, quiet))
}

#[tokio::main]
async fn main() -> ExitCode {
    let (port, quiet) = match parse_args() {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(if quiet {
            "warn"
        } else {
            "info"
        }))
        .init();
    let sandbox = match bot_sandbox::Sandbox::builder()
        .port(port)
        .log_traffic(!quiet)
        .start()
        .await
    {
        Ok(sandbox) => sandbox,
        Err(error) => {
            eprintln!("cannot listen on 127.0.0.1:{port}: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!("bot-sandbox: a local Discord on {}", sandbox.addr());
    println!("  REST API:    {}", sandbox.rest_url());
    println!("  gateway:     {}", sandbox.gateway_url());
    println!("  bot token:   {}", sandbox.token());
    println!("  application: {}", sandbox.application_id());
    if let Some(world) = sandbox.default_guild() {
        println!(
            "  guild {} with #general {}; users alice {} and bob {}",
            world.guild, world.channel, world.owner, world.member
        );
    }
    println!(
        "Point your library's REST base at the REST API (py-cord: discord.http.Route.API_BASE_URL ="
    );
    println!(
        "\"{}/v{{API_VERSION}}\"); it finds the gateway through GET /gateway. Ctrl-C stops.",
        sandbox.api_base()
    );
    let _ = tokio::signal::ctrl_c().await;
    ExitCode::SUCCESS
}
