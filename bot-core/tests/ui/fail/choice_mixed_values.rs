// expect: give every variant a value

use bot_core::prelude::*;

#[derive(Choice)]
enum Bad {
    A = 1,
    B,
}

fn main() {}
