//! The calls on a user: a direct message.

use super::Rest;
use crate::http::HttpError;
use crate::model::{CreateMessage, Message, User};

impl User {
    /// Sends the user a direct message (Pycord's `user.send`): opens the DM channel (Discord
    /// answers the same one every time), then sends to it as
    /// [`Id::send`](crate::model::Id::send) does. A user who shares no guild with the bot, or
    /// has closed their DMs, makes Discord answer 50007.
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context, user: &bot_core::model::User) -> Result<(), bot_core::http::HttpError> {
    /// user.send(ctx, "your order shipped").await?;
    /// # Ok(()) }
    /// ```
    pub async fn send(
        &self,
        rest: &impl Rest,
        message: impl Into<CreateMessage>,
    ) -> Result<Message, HttpError> {
        let message = message.into();
        let dm = rest.http().create_dm(self.id).await?;
        dm.id.send(rest, message).await
    }
}
