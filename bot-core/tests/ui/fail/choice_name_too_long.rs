// expect: BASE_TYPE_BAD_LENGTH

use bot_core::prelude::*;

#[derive(Choice)]
enum Bad {
    #[choice(name = "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn")]
    A,
}

fn main() {}
