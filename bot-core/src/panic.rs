//! The crate's one panic guard: user code (handlers, listeners, checks, hooks, callbacks) runs
//! inside it, and a panic becomes its message instead of ending the task that ran it.

use futures_util::FutureExt;
use std::any::Any;
use std::future::Future;
use std::panic::AssertUnwindSafe;

/// Runs `future`; a panic in it becomes `Err` with the panic's message.
pub(crate) async fn catch<F: Future>(future: F) -> Result<F::Output, String> {
    AssertUnwindSafe(future)
        .catch_unwind()
        .await
        .map_err(|panic| message(panic.as_ref()).to_owned())
}

/// Calls `f`; a panic in it becomes `Err` with the panic's message.
pub(crate) fn call<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    std::panic::catch_unwind(AssertUnwindSafe(f))
        .map_err(|panic| message(panic.as_ref()).to_owned())
}

/// The text a panic was raised with, if it was a string.
pub(crate) fn message(payload: &(dyn Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic without a message")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_panic_becomes_its_message_and_a_value_passes_through() {
        assert_eq!(catch(async { 7 }).await, Ok(7));
        let failed = catch(async { panic!("boom {}", 1) }).await;
        assert_eq!(failed, Err::<(), _>("boom 1".to_owned()));
        assert_eq!(call(|| 3), Ok(3));
        assert_eq!(
            call(|| -> () { panic!("static") }),
            Err("static".to_owned())
        );
        let odd = call(|| std::panic::panic_any(42_u8));
        assert_eq!(odd, Err("a panic without a message".to_owned()));
    }
}
