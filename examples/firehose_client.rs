//! The firehose benchmark's client (`../shared/bench/firehose/`): a normal bot that counts
//! MESSAGE_CREATE with a `#[listen]` listener and, on `__END__`, posts `__END__ <count>`, then
//! exits. It prints how many events consumers lost to lag (the delivery policy's default budget)
//! on stderr.
//!
//! usage: firehose_client PORT

use bot_core::event::MessageCreate;
use bot_core::model::CreateMessage;
use bot_core::{Bot, Context, Intents, listen};
use std::sync::atomic::{AtomicU64, Ordering};

/// The benchmark server's token.
const TOKEN: &str = "MTAwMDAwMDAwMDAwMDAwMDAwMQ.GsAnDb.firehosefirehosefirehosefirehose00";

/// MESSAGE_CREATE events seen before `__END__`.
static COUNT: AtomicU64 = AtomicU64::new(0);

/// Counts each message; answers `__END__` with the count and closes the bot.
#[listen]
async fn count(ctx: &Context, message: &MessageCreate) -> Result<(), bot_core::Error> {
    if message.content != "__END__" {
        COUNT.fetch_add(1, Ordering::Relaxed);
        return Ok(());
    }
    let text = format!("__END__ {}", COUNT.load(Ordering::Relaxed));
    // Under the default delivery policy: events lost by a consumer past its budget (0 expected).
    eprintln!("lagged events: {}", ctx.dispatch_stats().lagged);
    ctx.http()
        .create_message(message.channel_id, &CreateMessage::new().content(text))
        .await?;
    ctx.close();
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let port = std::env::args()
        .nth(1)
        .ok_or("usage: firehose_client PORT")?;
    Bot::builder()
        .token(TOKEN)
        .api_base(format!("http://127.0.0.1:{port}/api/v10"))
        .intents(Intents::GUILDS | Intents::GUILD_MESSAGES | Intents::MESSAGE_CONTENT)
        .build()?
        .start()
        .await?;
    Ok(())
}
