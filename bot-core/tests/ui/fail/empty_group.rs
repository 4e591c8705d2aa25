// expect: holds at least one

use bot_core::prelude::*;

/// Group.
#[slash_group]
mod group {}

fn main() {}
