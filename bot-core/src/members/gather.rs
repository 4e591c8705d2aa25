//! The answers under way: each nonce's chunks gathered as they arrive on the shard's path, and
//! handed over whole to the request that waits for them.

use super::RequestMembersError;
use crate::event::{Event, GuildMembersChunk, RateLimited};
use crate::model::{GuildMarker, Id, Member, Presence, UserMarker};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::oneshot;

/// The whole answer to a member request: its chunks, in order, shared with every consumer
/// that got them (nothing is copied).
#[derive(Clone, Debug)]
pub struct Members {
    guild_id: Id<GuildMarker>,
    chunks: Vec<Arc<Event>>,
}

impl Members {
    /// The guild.
    pub fn guild_id(&self) -> Id<GuildMarker> {
        self.guild_id
    }

    fn chunks(&self) -> impl Iterator<Item = &GuildMembersChunk> {
        self.chunks.iter().filter_map(|event| match &**event {
            Event::GuildMembersChunk(chunk) => Some(&**chunk),
            _ => None,
        })
    }

    /// The members found.
    pub fn members(&self) -> impl Iterator<Item = &Member> {
        self.chunks().flat_map(|chunk| &chunk.members)
    }

    /// Their presences, when asked for.
    pub fn presences(&self) -> impl Iterator<Item = &Presence> {
        self.chunks().flat_map(|chunk| &chunk.presences)
    }

    /// The users asked for by id who are not members.
    pub fn not_found(&self) -> impl Iterator<Item = Id<UserMarker>> + '_ {
        self.chunks()
            .flat_map(|chunk| chunk.not_found.iter().copied())
    }

    /// How many members were found.
    pub fn len(&self) -> usize {
        self.chunks().map(|chunk| chunk.members.len()).sum()
    }

    /// Whether none was.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many chunks the answer came in.
    pub fn chunk_count(&self) -> usize {
        self.chunks.len()
    }
}

/// The result a waiting request gets.
type Answer = Result<Members, RequestMembersError>;

/// One answer being gathered.
struct Gathering {
    guild_id: Id<GuildMarker>,
    /// The chunks so far, by index (a chunk replayed after a resume is kept once).
    chunks: HashMap<u32, Arc<Event>>,
    expected: Option<u32>,
    done: oneshot::Sender<Answer>,
}

/// See the module's documentation.
#[derive(Default)]
pub(crate) struct MemberRequests {
    pending: Mutex<HashMap<Box<str>, Gathering>>,
    next: AtomicU64,
    /// Chunks that belonged to no request under way (a late one, or someone else's nonce).
    ignored: AtomicU64,
}

impl std::fmt::Debug for MemberRequests {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MemberRequests")
            .field("pending", &self.pending().len())
            .finish_non_exhaustive()
    }
}

impl MemberRequests {
    fn pending(&self) -> std::sync::MutexGuard<'_, HashMap<Box<str>, Gathering>> {
        self.pending.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A nonce no request under way has (`m` and a counter: well under 32 bytes).
    pub(crate) fn new_nonce(&self) -> String {
        format!("m{}", self.next.fetch_add(1, Ordering::Relaxed))
    }

    /// Waits for the answer to `nonce` (about `guild`); `None` when a request under way has
    /// that nonce already.
    pub(crate) fn expect(
        &self,
        nonce: &str,
        guild_id: Id<GuildMarker>,
    ) -> Option<oneshot::Receiver<Answer>> {
        let mut pending = self.pending();
        if pending.contains_key(nonce) {
            return None;
        }
        let (done, answer) = oneshot::channel();
        pending.insert(
            nonce.into(),
            Gathering {
                guild_id,
                chunks: HashMap::new(),
                expected: None,
                done,
            },
        );
        Some(answer)
    }

    /// Gives up on `nonce`: the chunks received and expected, for the timeout error.
    pub(crate) fn forget(&self, nonce: &str) -> (u32, Option<u32>) {
        match self.pending().remove(nonce) {
            Some(gathering) => (gathering.chunks.len() as u32, gathering.expected),
            None => (0, None),
        }
    }

    /// How many chunks belonged to no request under way.
    pub(crate) fn ignored(&self) -> u64 {
        self.ignored.load(Ordering::Relaxed)
    }

    /// Notes a GUILD_MEMBERS_CHUNK or a RATE_LIMITED of op 8 (on the shard's path).
    pub(crate) fn observe(&self, event: &Arc<Event>) {
        match &**event {
            Event::GuildMembersChunk(chunk) => self.chunk(chunk, event),
            Event::RateLimited(limited) => self.rate_limited(limited),
            _ => {}
        }
    }

    fn chunk(&self, chunk: &GuildMembersChunk, event: &Arc<Event>) {
        let Some(nonce) = chunk.nonce.as_deref() else {
            return;
        };
        let mut pending = self.pending();
        let Some(gathering) = pending
            .get_mut(nonce)
            .filter(|g| g.guild_id == chunk.guild_id)
        else {
            self.ignored.fetch_add(1, Ordering::Relaxed);
            return;
        };
        gathering.expected = Some(chunk.chunk_count);
        gathering.chunks.insert(chunk.chunk_index, event.clone());
        if gathering.chunks.len() as u32 >= chunk.chunk_count
            && let Some(gathering) = pending.remove(nonce)
        {
            let mut chunks: Vec<(u32, Arc<Event>)> = gathering.chunks.into_iter().collect();
            chunks.sort_by_key(|(index, _)| *index);
            let members = Members {
                guild_id: gathering.guild_id,
                chunks: chunks.into_iter().map(|(_, chunk)| chunk).collect(),
            };
            // The requester may have given up meanwhile: nothing to hand over then.
            let _ = gathering.done.send(Ok(members));
        }
    }

    fn rate_limited(&self, limited: &RateLimited) {
        // Op 8 is Request Guild Members: the only request Discord rate limits this way.
        if limited.opcode != 8 {
            return;
        }
        let Some(nonce) = limited.meta.nonce.as_deref() else {
            return;
        };
        if let Some(gathering) = self.pending().remove(nonce) {
            let retry_after =
                Duration::try_from_secs_f64(limited.retry_after.max(0.0)).unwrap_or(Duration::MAX);
            let _ = gathering
                .done
                .send(Err(RequestMembersError::RateLimited { retry_after }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn chunk(nonce: &str, index: u32, count: u32, members: u64) -> Arc<Event> {
        let members: Vec<_> = (0..members)
            .map(|n| {
                json!({"user": {"id": (100 + u64::from(index) * 1000 + n).to_string(),
                                "username": "u", "discriminator": "0"},
                       "roles": [], "joined_at": "2024-01-01T00:00:00+00:00",
                       "deaf": false, "mute": false})
            })
            .collect();
        let data = json!({"guild_id": "1", "members": members, "chunk_index": index,
                          "chunk_count": count, "nonce": nonce});
        Arc::new(Event::from_dispatch_json(
            "GUILD_MEMBERS_CHUNK",
            &data.to_string(),
        ))
    }

    #[tokio::test]
    async fn chunks_are_gathered_in_order_once_each_and_strangers_ignored() {
        let requests = MemberRequests::default();
        let nonce = requests.new_nonce();
        let answer = requests.expect(&nonce, Id::new(1)).unwrap();
        assert!(requests.expect(&nonce, Id::new(1)).is_none(), "taken");
        requests.observe(&chunk("someone else", 0, 1, 3));
        requests.observe(&chunk(&nonce, 2, 3, 1));
        requests.observe(&chunk(&nonce, 0, 3, 2));
        requests.observe(&chunk(&nonce, 0, 3, 2));
        assert_eq!(requests.ignored(), 1);
        requests.observe(&chunk(&nonce, 1, 3, 2));
        let members = answer.await.unwrap().unwrap();
        assert_eq!(members.chunk_count(), 3);
        assert_eq!(members.len(), 5);
        let first: Vec<u64> = members.members().map(|m| m.user.id.get()).collect();
        assert_eq!(first, [100, 101, 1100, 1101, 2100], "in chunk order");
        requests.observe(&chunk(&nonce, 1, 3, 2));
        assert_eq!(requests.ignored(), 2, "late");
    }

    #[tokio::test]
    async fn a_rate_limit_ends_its_request_and_a_forgotten_one_says_what_came() {
        let requests = MemberRequests::default();
        let answer = requests.expect("a", Id::new(1)).unwrap();
        let limited = json!({"opcode": 8, "retry_after": 12.5,
                             "meta": {"guild_id": "1", "nonce": "a"}});
        requests.observe(&Arc::new(Event::from_dispatch_json(
            "RATE_LIMITED",
            &limited.to_string(),
        )));
        assert_eq!(
            answer.await.unwrap().unwrap_err(),
            RequestMembersError::RateLimited {
                retry_after: Duration::from_millis(12_500)
            }
        );
        let _waiting = requests.expect("b", Id::new(1)).unwrap();
        requests.observe(&chunk("b", 0, 3, 1));
        assert_eq!(requests.forget("b"), (1, Some(3)));
        assert_eq!(requests.forget("b"), (0, None));
    }
}
