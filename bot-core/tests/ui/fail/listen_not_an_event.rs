// expect: is not the type of a gateway event

use bot_core::prelude::*;

#[listen]
async fn f(text: &String) {
    let _ = text;
}

fn main() {}
