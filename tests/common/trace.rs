//! A trace of the steps run around invocations, keyed by the interaction they ran for, and the
//! `fail` option the order tests use to pick where an invocation fails.

use bot_core::command::ApplicationContext;
use std::sync::Mutex;
use std::time::Duration;

/// Every step run, with the id of the interaction it ran for.
static TRACE: Mutex<Vec<(u64, String)>> = Mutex::new(Vec::new());

/// Records `step` for `ctx`'s interaction.
pub fn trace(ctx: &ApplicationContext, step: impl Into<String>) {
    TRACE
        .lock()
        .unwrap()
        .push((ctx.interaction().id.get(), step.into()));
}

/// Whether the invocation should fail at `step`: its `fail` option.
pub fn fails_at(ctx: &ApplicationContext, step: &str) -> bool {
    ctx.argument::<Option<String>>("fail")
        .ok()
        .flatten()
        .is_some_and(|at| at == step)
}

/// The steps of interaction `id`, once `last` was recorded (or 5 s passed).
pub async fn steps(id: u64, last: &str) -> Vec<String> {
    let read = || -> Vec<String> {
        TRACE
            .lock()
            .unwrap()
            .iter()
            .filter(|(at, _)| *at == id)
            .map(|(_, step)| step.clone())
            .collect()
    };
    let _ = tokio::time::timeout(Duration::from_secs(5), async {
        while !read().iter().any(|step| step == last) {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await;
    read()
}
