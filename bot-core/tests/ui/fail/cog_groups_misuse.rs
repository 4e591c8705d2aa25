// expect: a group's method only declares the group and never runs
// expect: no `#[slash_group]` method named `missing` in this cog
// expect: the group `empty` has no command

use bot_core::prelude::*;

struct Music;

#[cog]
impl Music {
    /// A group.
    #[slash_group]
    fn queue(&self) {
        println!("never runs");
    }

    /// Another.
    #[slash_group]
    fn empty(&self) {}

    /// Shows.
    #[slash_command(group = queue)]
    async fn show(&self, ctx: &ApplicationContext) -> CommandResult {
        let _ = ctx;
        Ok(())
    }

    /// Lost.
    #[slash_command(group = missing)]
    async fn lost(&self, ctx: &ApplicationContext) -> CommandResult {
        let _ = ctx;
        Ok(())
    }
}

fn main() {}
