// expect: mismatched types

use bot_core::model::{ChannelMarker, Id, UserMarker};

fn ban(user: Id<UserMarker>) -> u64 {
    user.get()
}

fn main() {
    let channel: Id<ChannelMarker> = Id::new(1);
    let _ = ban(channel);
}
