// expect: mismatched types

use bot_core::extension::Extension;

async fn stop(count: u32) {
    let _ = count;
}

#[bot_core::extension(teardown = stop)]
async fn music(ext: &mut Extension) {
    let _ = ext;
}

fn main() {}
