// expect: `#[cog]` goes on an inherent `impl` block

use bot_core::prelude::*;

struct Music;

#[cog]
impl Clone for Music {
    fn clone(&self) -> Self {
        Music
    }
}

fn main() {}
