// expect: nest one level deep

use bot_core::prelude::*;

/// Group.
#[slash_group]
mod outer {
    use super::*;

    /// Middle.
    #[slash_group]
    mod middle {
        use super::*;

        /// Inner.
        #[slash_group]
        mod inner {
            use super::*;

            /// Sub.
            #[slash_command]
            async fn sub(ctx: &ApplicationContext) -> CommandResult {
                let _ = ctx;
                Ok(())
            }
        }

        /// Sub.
        #[slash_command]
        async fn sub(ctx: &ApplicationContext) -> CommandResult {
            let _ = ctx;
            Ok(())
        }
    }
}

fn main() {}
