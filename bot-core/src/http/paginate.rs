//! Lists Discord serves in pages (`before` / `after` with a `limit`) as lazy streams: a page is
//! fetched when the items before it are used up, and only as many items as asked for are read.

use super::HttpError;
use futures_util::Stream;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;

/// A lazy stream of items read page by page. It ends after the last item, after the number of
/// items asked for, or after the first error (which it yields).
///
/// ```no_run
/// # async fn demo(http: bot_core::http::Http) -> Result<(), bot_core::http::HttpError> {
/// use bot_core::http::MessagesFrom;
/// use bot_core::model::Id;
/// use futures_util::TryStreamExt;
/// let last_250: Vec<_> = http
///     .messages(Id::new(381870553235193857), MessagesFrom::Latest, Some(250))
///     .try_collect()
///     .await?;
/// # let _ = last_250; Ok(()) }
/// ```
pub type Paginated<T> = Pin<Box<dyn Stream<Item = Result<T, HttpError>> + Send + 'static>>;

/// One page: its items, in the stream's order, and the cursor of the next page (`None`: it was
/// the last).
pub(crate) type Page<T, C> = (Vec<T>, Option<C>);

struct State<T, C, F> {
    buffer: VecDeque<T>,
    next: Option<C>,
    remaining: Option<usize>,
    page_size: usize,
    fetch: F,
}

/// A stream reading pages from `first` on with `fetch(cursor, page_size)`, at most `limit` items
/// in all (`None`: every item), `page_size` at most per page.
pub(crate) fn paginate<T, C, F, Fut>(
    first: C,
    limit: Option<usize>,
    page_size: usize,
    fetch: F,
) -> Paginated<T>
where
    T: Send + 'static,
    C: Send + 'static,
    F: FnMut(C, usize) -> Fut + Send + 'static,
    Fut: Future<Output = Result<Page<T, C>, HttpError>> + Send + 'static,
{
    let state = State {
        buffer: VecDeque::new(),
        next: Some(first),
        remaining: limit,
        page_size: page_size.max(1),
        fetch,
    };
    Box::pin(futures_util::stream::unfold(
        state,
        |mut state| async move {
            loop {
                if state.remaining == Some(0) {
                    return None;
                }
                if let Some(item) = state.buffer.pop_front() {
                    if let Some(remaining) = &mut state.remaining {
                        *remaining -= 1;
                    }
                    return Some((Ok(item), state));
                }
                let cursor = state.next.take()?;
                let size = state
                    .remaining
                    .map_or(state.page_size, |r| r.min(state.page_size));
                match (state.fetch)(cursor, size).await {
                    Ok((items, next)) => {
                        // A short page is the last one, whatever cursor it offers.
                        state.next = next.filter(|_| items.len() >= size);
                        state.buffer.extend(items);
                    }
                    Err(error) => return Some((Err(error), state)),
                }
            }
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::StreamExt;
    use std::sync::{Arc, Mutex};

    /// Pages of the numbers 0..total, after a cursor.
    fn numbers(total: u32, calls: Arc<Mutex<Vec<(u32, usize)>>>) -> Paginated<u32> {
        paginate(0u32, None, 100, move |from, size| {
            calls.lock().unwrap().push((from, size));
            let items: Vec<u32> = (from..total).take(size).collect();
            let next = items.last().map(|last| last + 1);
            async move { Ok((items, next)) }
        })
    }

    #[tokio::test]
    async fn pages_are_fetched_lazily_and_stop_at_the_end() {
        let calls = Arc::new(Mutex::new(Vec::new()));
        let mut stream = numbers(250, calls.clone());
        assert!(
            calls.lock().unwrap().is_empty(),
            "nothing before the first poll"
        );
        assert_eq!(stream.next().await.unwrap().unwrap(), 0);
        assert_eq!(calls.lock().unwrap().len(), 1);
        let rest: Vec<u32> = stream.map(Result::unwrap).collect().await;
        assert_eq!(rest.len(), 249);
        assert_eq!(*calls.lock().unwrap(), [(0, 100), (100, 100), (200, 100)]);
    }

    #[tokio::test]
    async fn a_limit_reads_no_more_than_needed_and_an_error_ends_the_stream() {
        let calls = Arc::new(Mutex::new(Vec::new()));
        let taken: Vec<u32> = paginate(0u32, Some(130), 100, {
            let calls = calls.clone();
            move |from, size| {
                calls.lock().unwrap().push((from, size));
                let items: Vec<u32> = (from..from + size as u32).collect();
                async move { Ok((items, Some(from + size as u32))) }
            }
        })
        .map(Result::unwrap)
        .collect()
        .await;
        assert_eq!(taken.len(), 130);
        assert_eq!(*calls.lock().unwrap(), [(0, 100), (100, 30)]);
        let failing: Vec<Result<u32, HttpError>> = paginate(0u32, None, 10, |_, _| async {
            Err(HttpError::Decode("boom".to_owned()))
        })
        .collect()
        .await;
        assert_eq!(failing.len(), 1);
        assert!(failing[0].is_err());
    }
}
