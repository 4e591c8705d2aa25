//! The firehose: bursts of dispatches written as fast as the socket takes them, numbered in
//! order, with and without zlib-stream; and a client that stops reading mid-burst keeps its
//! connection because the sandbox reads (and acknowledges) its heartbeats while its writes wait.

mod common;

use bot_sandbox::{Sandbox, SandboxHandle, Timings};
use common::{Client, Event, identify};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::net::{TcpSocket, TcpStream};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{WebSocketStream, client_async};

const BURST: usize = 20_000;

/// GUILDS | GUILD_MESSAGES | GUILD_MESSAGE_TYPING | MESSAGE_CONTENT: the bursts are guild
/// messages read with their content, and a TYPING_START follows one.
const INTENTS: u64 = 1 | (1 << 9) | (1 << 11) | (1 << 15);

async fn sandbox(heartbeat_interval: Duration) -> SandboxHandle {
    Sandbox::builder()
        .timings(Timings {
            identify_window: Duration::ZERO,
            heartbeat_interval,
            ..Timings::default()
        })
        .start()
        .await
        .unwrap()
}

/// A MESSAGE_CREATE payload numbered `index`, about `size` bytes long.
fn message(sandbox: &SandboxHandle, index: usize, size: usize) -> Value {
    let world = sandbox.default_guild().unwrap();
    let mut payload = json!({
        "id": (1_000_000 + index).to_string(),
        "channel_id": world.channel.to_string(),
        "guild_id": world.guild.to_string(),
        "author": {"id": world.member.to_string(), "username": "bob", "discriminator": "0",
                   "global_name": null, "avatar": null},
        "content": format!("message {index}"),
        "timestamp": "2024-01-01T00:00:00.000000+00:00",
        "edited_timestamp": null, "tts": false, "mention_everyone": false, "mentions": [],
        "mention_roles": [], "attachments": [], "embeds": [], "pinned": false, "type": 0,
    });
    let padding = size.saturating_sub(payload.to_string().len());
    payload["nonce"] = json!("n".repeat(padding));
    payload
}

/// Checks one burst dispatch: the `s` and the payload's number follow on.
fn check(payload: &Value, first_seq: u64, index: usize) {
    assert_eq!(payload["op"], 0, "{payload}");
    assert_eq!(payload["t"], "MESSAGE_CREATE");
    assert_eq!(payload["s"], first_seq + index as u64, "out of order");
    assert_eq!(payload["d"]["content"], format!("message {index}"));
}

/// IDENTIFY on a common client; the session id and the `s` of GUILD_CREATE.
async fn identified(sandbox: &SandboxHandle, zlib: bool) -> (Client, String, u64) {
    let compress = if zlib { "&compress=zlib-stream" } else { "" };
    let url = format!("{}/?v=10&encoding=json{compress}", sandbox.gateway_url());
    let mut client = Client::connect(&url, zlib).await;
    assert_eq!(client.payload().await["op"], 10);
    client.send(identify(&sandbox.token(), INTENTS)).await;
    let ready = client.until(0, Some("READY")).await;
    let session = ready["d"]["session_id"].as_str().unwrap().to_owned();
    let guild_create = client.until(0, Some("GUILD_CREATE")).await;
    (client, session, guild_create["s"].as_u64().unwrap())
}

async fn burst_arrives_complete_and_in_order(zlib: bool) {
    let sandbox = sandbox(Timings::default().heartbeat_interval).await;
    let guild = sandbox.default_guild().unwrap().guild;
    let (mut client, session, seen) = identified(&sandbox, zlib).await;
    let gateway = sandbox.gateway();
    let payloads: Vec<Value> = (0..BURST).map(|i| message(&sandbox, i, 300)).collect();
    let burst = gateway.firehose(Some(guild), "MESSAGE_CREATE", payloads);
    assert_eq!((burst.sessions(), burst.frames()), (1, BURST));
    // Dispatches queued after the burst come after it, numbered on.
    gateway.dispatch(Some(guild), "TYPING_START", json!({"n": 1}));

    for index in 0..BURST {
        check(&client.payload().await, seen + 1, index);
    }
    let after = client.payload().await;
    assert_eq!(
        (after["t"].as_str(), after["s"].as_u64()),
        (Some("TYPING_START"), Some(seen + BURST as u64 + 1))
    );
    assert!(burst.wait_written(Duration::from_secs(5)).await);
    assert_eq!((burst.written(), burst.cut_short()), (BURST as u64, 0));
    if zlib {
        assert!(client.saw_binary && client.all_flushed);
    }
    // The replay buffer keeps the last 1000, as for any dispatch.
    let kept = gateway.sent_dispatches(&session);
    assert_eq!(kept.len(), 1000);
    assert_eq!(kept[0]["s"], seen + BURST as u64 + 1 - 999);
    assert_eq!(kept[998]["d"]["content"], format!("message {}", BURST - 1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_arrives_complete_and_in_order() {
    burst_arrives_complete_and_in_order(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_compressed_burst_arrives_complete_and_in_order() {
    burst_arrives_complete_and_in_order(true).await;
}

// A burst while the session has no connection is numbered and kept for RESUME (the last 1000);
// a RESUME from before those is closed with 4007.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_to_a_disconnected_session_is_replayed_on_resume() {
    let sandbox = sandbox(Timings::default().heartbeat_interval).await;
    let guild = sandbox.default_guild().unwrap().guild;
    let (client, session, seen) = identified(&sandbox, false).await;
    client.close().await;
    let gateway = sandbox.gateway();
    assert!(gateway.wait_for_connected(0, Duration::from_secs(2)).await);
    let burst = gateway.firehose(
        Some(guild),
        "MESSAGE_CREATE",
        (0..3000).map(|i| message(&sandbox, i, 200)),
    );
    assert_eq!((burst.sessions(), burst.written()), (0, 0));
    assert!(burst.is_finished() && burst.wait_written(Duration::from_secs(1)).await);

    let resume = |seq: u64| json!({"op": 6, "d": {"token": sandbox.token(), "session_id": session, "seq": seq}});
    let url = format!("{}/?v=10&encoding=json", sandbox.gateway_url());
    let mut stale = Client::connect(&url, false).await;
    stale.payload().await;
    stale.send(resume(seen + 1000)).await;
    assert_eq!(stale.closed().await, Event::Closed(4007));

    let mut resumed = Client::connect(&url, false).await;
    resumed.payload().await;
    resumed.send(resume(seen + 2600)).await;
    for index in 2600..3000 {
        check(&resumed.payload().await, seen + 1, index);
    }
    assert_eq!(resumed.payload().await["t"], "RESUMED");
    assert_eq!((gateway.identify_count(), gateway.resume_count()), (1, 1));
    assert!(gateway.heartbeats("no such session").is_empty());

    // An empty burst is written at once.
    let empty = gateway.firehose(Some(guild), "MESSAGE_CREATE", Vec::new());
    assert_eq!((empty.sessions(), empty.frames()), (1, 0));
    assert!(empty.wait_written(Duration::from_secs(1)).await);
}

type Stream = futures_util::stream::SplitStream<WebSocketStream<TcpStream>>;

/// The reading half of the pausing client.
struct Reader {
    read: Stream,
    /// The `s` of the last dispatch read (the heartbeats send it).
    last_seq: Arc<AtomicU64>,
    acks: usize,
    dispatches: Vec<Value>,
}

impl Reader {
    async fn next(&mut self) -> Value {
        loop {
            let message = tokio::time::timeout(Duration::from_secs(5), self.read.next())
                .await
                .expect("a frame within 5 s");
            match message {
                Some(Ok(Message::Text(text))) => return serde_json::from_str(&text).unwrap(),
                Some(Ok(Message::Close(frame))) => panic!("the sandbox closed: {frame:?}"),
                Some(Ok(_)) => continue,
                other => panic!("the connection ended: {other:?}"),
            }
        }
    }

    /// Reads until `count` dispatches were read, counting the ACKs on the way.
    async fn dispatches(&mut self, count: usize) {
        while self.dispatches.len() < count {
            let payload = self.next().await;
            match payload["op"].as_u64() {
                Some(11) => self.acks += 1,
                Some(0) => {
                    let seq = payload["s"].as_u64().unwrap();
                    self.last_seq.store(seq, Ordering::SeqCst);
                    self.dispatches.push(payload);
                }
                _ => panic!("unexpected {payload}"),
            }
        }
    }
}

/// A client that pauses reading while it keeps heartbeating: a burst of ~1 KB frames (20 MB)
/// cannot fit in the socket buffers (the client's receive buffer is kept small), so the sandbox's
/// writes wait for the whole pause while its reads must go on.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_stops_reading_keeps_its_connection_and_its_acks() {
    let interval = Duration::from_millis(300);
    let sandbox = sandbox(interval).await;
    let guild = sandbox.default_guild().unwrap().guild;
    let gateway = sandbox.gateway();

    let socket = TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(16 * 1024).unwrap();
    let stream = socket.connect(sandbox.addr()).await.unwrap();
    let url = format!("{}/?v=10&encoding=json", sandbox.gateway_url());
    let (socket, _) = client_async(url, stream).await.unwrap();
    let (mut write, read) = socket.split();
    let last_seq = Arc::new(AtomicU64::new(0));
    let mut reader = Reader {
        read,
        last_seq: last_seq.clone(),
        acks: 0,
        dispatches: Vec::new(),
    };
    assert_eq!(reader.next().await["d"]["heartbeat_interval"], 300);
    let identify = identify(&sandbox.token(), INTENTS).to_string();
    write.send(Message::Text(identify.into())).await.unwrap();

    // Heartbeats every 200 ms (the sandbox closes after 450 ms without one), whatever the reader
    // does.
    let sent = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let heartbeater = tokio::spawn({
        let (sent, stop) = (sent.clone(), stop.clone());
        async move {
            while !stop.load(Ordering::SeqCst) {
                let beat = json!({"op": 1, "d": last_seq.load(Ordering::SeqCst)});
                write
                    .send(Message::Text(beat.to_string().into()))
                    .await
                    .unwrap();
                sent.fetch_add(1, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
    });

    reader.dispatches(2).await;
    let session = reader.dispatches[0]["d"]["session_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let seen = reader.dispatches[1]["s"].as_u64().unwrap();
    reader.dispatches.clear();

    let burst = gateway.firehose(
        Some(guild),
        "MESSAGE_CREATE",
        (0..BURST).map(|i| message(&sandbox, i, 1000)),
    );
    reader.dispatches(2000).await;

    let pause_start = Instant::now();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let written_midway = burst.written();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let pause_end = Instant::now();
    assert_eq!(
        burst.written(),
        written_midway,
        "the sandbox's writes waited while the client did not read"
    );
    assert!(written_midway < BURST as u64 && !burst.is_finished());
    assert_eq!(gateway.connected(), 1);

    reader.dispatches(BURST).await;
    for (index, payload) in reader.dispatches.iter().enumerate() {
        check(payload, seen + 1, index);
    }
    assert!(burst.wait_written(Duration::from_secs(2)).await);
    stop.store(true, Ordering::SeqCst);
    heartbeater.await.unwrap();
    let sent = sent.load(Ordering::SeqCst);
    while reader.acks < sent {
        let payload = reader.next().await;
        assert_eq!(payload["op"], 11, "{payload}");
        reader.acks += 1;
    }

    let heartbeats = gateway.heartbeats(&session);
    assert_eq!(
        heartbeats.len(),
        sent,
        "every heartbeat after IDENTIFY is recorded"
    );
    assert!(heartbeats.iter().all(|h| h.acked));
    let during = heartbeats
        .iter()
        .filter(|h| h.at >= pause_start && h.at <= pause_end)
        .count();
    assert!(during >= 7, "{during} heartbeats read during the pause");
    let longest_gap = heartbeats
        .windows(2)
        .map(|w| w[1].at - w[0].at)
        .max()
        .unwrap_or_default();
    assert!(
        longest_gap < interval.mul_f64(1.5),
        "the sandbox kept reading heartbeats: {longest_gap:?} between two"
    );
    assert_eq!((gateway.identify_count(), gateway.resume_count()), (1, 0));
    assert_eq!(gateway.connected(), 1);
}
