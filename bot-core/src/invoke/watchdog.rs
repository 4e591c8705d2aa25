//! The auto-defer watchdog: while an invocation runs, defers it at its command's auto-defer
//! delay (counted from the interaction's receipt) if nothing answered it by then.

use super::layer::CommandLayer;
use crate::command::{ApplicationContext, AutoDefer};
use std::future::Future;
use tokio::sync::oneshot;

/// The setting of an invocation going through `chain` (outermost first): the innermost layer's
/// that sets one, else the bot's `default`.
pub(crate) fn setting(chain: &[&CommandLayer], default: AutoDefer) -> AutoDefer {
    chain
        .iter()
        .rev()
        .find_map(|layer| layer.auto_defer)
        .unwrap_or(default)
}

/// Runs `work` for `ctx`, deferring the interaction at `setting`'s delay if nothing answered
/// it by then. A deferral under way when `work` ends is completed, never dropped half-sent.
pub(crate) async fn watched<F: Future>(
    ctx: &ApplicationContext,
    setting: AutoDefer,
    work: F,
) -> F::Output {
    let Some(answer) = ctx.answer() else {
        return work.await;
    };
    answer.set_auto_defer(setting);
    let Some(delay) = setting.delay() else {
        return work.await;
    };
    let at = answer.received() + delay;
    let (done, finished) = oneshot::channel::<()>();
    let watchdog = async move {
        tokio::select! {
            biased;
            _ = finished => {}
            () = tokio::time::sleep_until(at) => {
                ctx.auto_defer(setting, "the handler had not answered").await;
            }
        }
    };
    let work = async move {
        let output = work.await;
        drop(done);
        output
    };
    let (output, ()) = tokio::join!(work, watchdog);
    output
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn the_innermost_setting_wins_over_the_bots() {
        let mut cog = CommandLayer::default();
        cog.auto_defer(AutoDefer::off());
        let group = CommandLayer::default();
        let mut sub = CommandLayer::default();
        let quick = AutoDefer::after(Duration::from_millis(500)).ephemeral();
        sub.auto_defer(quick);
        let default = AutoDefer::default();
        assert_eq!(setting(&[&cog, &group, &sub], default), quick);
        assert_eq!(setting(&[&cog, &group], default), AutoDefer::off());
        assert_eq!(setting(&[&group], default), default);
        assert_eq!(setting(&[], AutoDefer::off()), AutoDefer::off());
    }
}
