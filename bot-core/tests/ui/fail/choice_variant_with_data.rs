// expect: carries no data

use bot_core::prelude::*;

#[derive(Choice)]
enum Bad {
    A(u8),
}

fn main() {}
