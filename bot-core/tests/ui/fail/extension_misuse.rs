// expect: unknown `#[extension]` argument
// expect: an extension's setup fills the extension: take it as `&mut Extension`

use bot_core::extension::Extension;

#[bot_core::extension(version = 2)]
async fn music(ext: &Extension) {
    let _ = ext;
}

fn main() {}
