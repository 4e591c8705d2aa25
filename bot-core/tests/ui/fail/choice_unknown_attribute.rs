// expect: unknown choice attribute

use bot_core::prelude::*;

#[derive(Choice)]
enum Bad {
    #[choice(label = "x")]
    A,
}

fn main() {}
