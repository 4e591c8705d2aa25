//! The firehose benchmark's client (`../shared/bench/firehose/`): a normal bot that counts
//! MESSAGE_CREATE with a listener and, on `__END__`, posts `__END__ <count>`, then exits.
//!
//! usage: firehose_client PORT

use bot_core::event::{MessageCreate, Received};
use bot_core::model::CreateMessage;
use bot_core::{Bot, Intents};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// The benchmark server's token.
const TOKEN: &str = "MTAwMDAwMDAwMDAwMDAwMDAwMQ.GsAnDb.firehosefirehosefirehosefirehose00";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let port = std::env::args()
        .nth(1)
        .ok_or("usage: firehose_client PORT")?;
    let bot = Bot::builder()
        .token(TOKEN)
        .api_base(format!("http://127.0.0.1:{port}/api/v10"))
        .intents(Intents::GUILDS | Intents::GUILD_MESSAGES | Intents::MESSAGE_CONTENT)
        .build()?;
    let count = Arc::new(AtomicU64::new(0));
    bot.add_listener(move |message: Received<MessageCreate>| {
        let count = count.clone();
        async move {
            if message.content != "__END__" {
                count.fetch_add(1, Ordering::Relaxed);
                return Ok(());
            }
            let text = format!("__END__ {}", count.load(Ordering::Relaxed));
            let bot = message.bot();
            bot.http()
                .create_message(message.channel_id, &CreateMessage::new().content(text))
                .await?;
            bot.close();
            Ok::<(), bot_core::Error>(())
        }
    });
    bot.start().await?;
    Ok(())
}
