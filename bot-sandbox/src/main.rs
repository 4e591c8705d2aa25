//! `bot-sandbox`: run a local Discord and point any bot library at it.
//!
//! ```text
//! cargo run -p bot-sandbox -- --port 8080
//! ```

use std::process::ExitCode;

const USAGE: &str =
    "usage: bot-sandbox [--port PORT] [--quiet] [--mesh-port PORT [--mesh-password PASSWORD]]";

/// The mesh server's flags: `--mesh-port` starts it, `--mesh-password` sets its password.
#[derive(Default)]
struct MeshArgs {
    port: Option<u16>,
    password: Option<String>,
}

fn parse_args() -> Result<(u16, bool, MeshArgs), String> {
    let mut port = 8080;
    let mut quiet = false;
    let mut mesh = MeshArgs::default();
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
            "--mesh-port" => {
                let value = args.next().ok_or("--mesh-port needs a value")?;
                let parsed = value
                    .parse()
                    .map_err(|_| format!("--mesh-port: `{value}` is not a port number"))?;
                mesh.port = Some(parsed);
            }
            "--mesh-password" => {
                mesh.password = Some(args.next().ok_or("--mesh-password needs a value")?);
            }
            "--help" | "-h" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    if mesh.password.is_some() && mesh.port.is_none() {
        return Err(format!("--mesh-password needs --mesh-port\n{USAGE}"));
    }
    Ok((port, quiet, mesh))
}

#[tokio::main]
async fn main() -> ExitCode {
    let (port, quiet, mesh) = match parse_args() {
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
    let mut builder = bot_sandbox::Sandbox::builder()
        .port(port)
        .log_traffic(!quiet);
    if let Some(mesh_port) = mesh.port {
        let mut config = bot_sandbox::mesh::MeshConfig::default()
            .port(mesh_port)
            .log_traffic(!quiet);
        if let Some(password) = &mesh.password {
            config = config.password(password);
        }
        builder = builder.mesh(config);
    }
    let sandbox = match builder.start().await {
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
    if let Some(mesh) = sandbox.mesh() {
        println!(
            "  mesh server: {} (singyeong V2019, DSN {})",
            mesh.url(),
            mesh.dsn("APP")
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
