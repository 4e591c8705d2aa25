//! Shards as Pycord's `AutoShardedBot` shows them, against `bot-sandbox`: handles on each shard
//! (latency, closed, disconnect, connect, reconnect), latencies reset when a connection is
//! replaced, the shard events, presence for one shard or all, the send limit kept under a burst
//! (no 4008), voice state updates through a voice manager, soundboard requests per shard.

mod common;

use bot_core::event::{
    Event, ShardConnected, ShardDisconnected, ShardReady, ShardResumed, SoundboardSounds,
};
use bot_core::gateway::{
    LocalQueue, SendLimit, ShardCommandError, ShardHandle, UpdateVoiceState, VoiceGatewayManager,
};
use bot_core::model::{Activity, Id, Status, UserMarker, VoiceState};
use bot_core::prelude::*;
use bot_sandbox::{Sandbox, SandboxHandle, Timings};
use common::{eventually, stop};
use futures_util::StreamExt;
use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A sandbox of `shards` shards with fast heartbeats and no identify window.
async fn sandbox(shards: u64, timings: Timings) -> SandboxHandle {
    Sandbox::builder()
        .shards(shards)
        .max_concurrency(shards)
        .timings(Timings {
            identify_window: Duration::ZERO,
            heartbeat_interval: Duration::from_millis(200),
            ..timings
        })
        .start()
        .await
        .expect("the sandbox starts")
}

fn builder(sandbox: &SandboxHandle) -> bot_core::BotBuilder {
    Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(bot_core::command::CommandRegistry::default())
        .identify_queue(LocalQueue::new(16).window(Duration::from_millis(1)))
}

/// Starts the bot; the task once it is ready, and the events it had meanwhile.
async fn started(bot: &Bot) -> common::Running {
    common::started(bot).await
}

/// The next event of type `E` on `shard`, within 10 s.
async fn next_on<E: bot_core::event::EventType + Clone>(
    stream: &mut (
             impl futures_util::Stream<
        Item = Result<bot_core::event::Received<E>, bot_core::event::WaitError>,
    > + Unpin
         ),
) -> E {
    tokio::time::timeout(Duration::from_secs(10), stream.next())
        .await
        .expect("the event came within 10 s")
        .expect("the stream goes on")
        .expect("no wait error")
        .to_owned_payload()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_shard_has_a_handle_with_its_latency_and_its_connection() {
    let sandbox = sandbox(4, Timings::default()).await;
    let bot = builder(&sandbox).build().unwrap();
    assert!(bot.shards().is_empty(), "no shard before connecting");
    assert_eq!(bot.latency(), None);
    let mut connected = bot.stream::<ShardConnected>(|_| true, None, None);
    let mut ready = bot.stream::<ShardReady>(|_| true, None, None);
    let mut disconnected = bot.stream::<ShardDisconnected>(|_| true, None, None);
    let task = started(&bot).await;

    let mut seen = BTreeSet::new();
    for _ in 0..4 {
        seen.insert(next_on(&mut connected).await.shard);
    }
    assert_eq!(seen, (0..4).collect(), "on_shard_connect for each shard");
    let mut seen = BTreeSet::new();
    for _ in 0..4 {
        seen.insert(next_on(&mut ready).await.shard);
    }
    assert_eq!(seen, (0..4).collect(), "on_shard_ready for each shard");

    let shards = bot.shards();
    assert_eq!(
        shards.iter().map(ShardHandle::id).collect::<Vec<_>>(),
        [0, 1, 2, 3]
    );
    assert!(
        shards
            .iter()
            .all(|s| s.shard_count() == 4 && !s.is_closed())
    );
    assert_eq!(bot.shard_count(), Some(4));
    assert!(bot.get_shard(4).is_none());
    assert!(
        eventually(Duration::from_secs(5), || bot
            .latencies()
            .values()
            .all(Option::is_some))
        .await,
        "every shard measured a heartbeat: {:?}",
        bot.latencies()
    );
    let latencies = bot.latencies();
    assert_eq!(latencies.keys().copied().collect::<Vec<_>>(), [0, 1, 2, 3]);
    let latency = bot.latency().expect("every shard has one");
    let (low, high) = (
        latencies.values().flatten().min().unwrap(),
        latencies.values().flatten().max().unwrap(),
    );
    assert!(
        *low <= latency && latency <= *high,
        "the mean: {latency:?} of {latencies:?}"
    );

    // Disconnect shard 2: closed with 1000, it stays so; the others keep going.
    let shard = bot.get_shard(2).unwrap();
    shard.disconnect().await.unwrap();
    assert!(shard.is_closed());
    let gone = next_on(&mut disconnected).await;
    assert_eq!((gone.shard, gone.reconnect, gone.resume), (2, false, false));
    assert!(
        sandbox
            .gateway()
            .wait_for_connected(3, Duration::from_secs(5))
            .await
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        shard.is_closed(),
        "a disconnected shard does not come back on its own"
    );
    assert_eq!(sandbox.gateway().connected(), 3);

    // Connect it again: a new session (IDENTIFY), its connect and ready events.
    let identifies = sandbox.gateway().identify_count();
    shard.connect().unwrap();
    assert_eq!(next_on(&mut connected).await.shard, 2);
    assert_eq!(next_on(&mut ready).await.shard, 2);
    assert!(!shard.is_closed());
    assert_eq!(sandbox.gateway().identify_count(), identifies + 1);
    stop(&bot, task).await;
    assert!(shard.is_closed());
    assert_eq!(shard.reconnect(), Err(ShardCommandError::Stopped(2)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reconnect_resumes_and_a_replaced_connection_starts_without_a_latency() {
    let sandbox = sandbox(2, Timings::default()).await;
    let bot = builder(&sandbox).build().unwrap();
    let mut resumed = bot.stream::<ShardResumed>(|_| true, None, None);
    let mut disconnected = bot.stream::<ShardDisconnected>(|_| true, None, None);
    let mut events = bot.events();
    let task = started(&bot).await;
    assert!(
        eventually(Duration::from_secs(5), || bot
            .latencies()
            .values()
            .all(Option::is_some))
        .await
    );

    // Asked for: the connection replaced, the session resumed (no new IDENTIFY).
    let identifies = sandbox.gateway().identify_count();
    bot.get_shard(1).unwrap().reconnect().unwrap();
    assert_eq!(next_on(&mut resumed).await.shard, 1);
    let gone = next_on(&mut disconnected).await;
    assert_eq!((gone.shard, gone.reconnect, gone.resume), (1, true, true));
    assert_eq!(sandbox.gateway().identify_count(), identifies);

    // Heartbeats no longer acknowledged: each shard's connection is replaced (zombie) and its
    // latency is gone until an ACK comes again.
    sandbox.gateway().acknowledge_heartbeats(false);
    let mut replaced = BTreeSet::new();
    while replaced.len() < 2 {
        replaced.insert(next_on(&mut resumed).await.shard);
    }
    assert_eq!(
        bot.latencies().into_values().collect::<Vec<_>>(),
        [None, None],
        "a replaced connection has no latency yet"
    );
    assert_eq!(bot.latency(), None);
    sandbox.gateway().acknowledge_heartbeats(true);
    assert!(
        eventually(Duration::from_secs(5), || bot
            .latencies()
            .values()
            .all(Option::is_some))
        .await
    );
    assert!(
        futures_util::FutureExt::now_or_never(async {
            while let Some(event) = events.next().await {
                if matches!(event, Event::SessionInvalidated { .. }) {
                    return;
                }
            }
        })
        .is_none(),
        "no session was lost"
    );
    stop(&bot, task).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn presence_changes_go_to_one_shard_or_to_all() {
    let sandbox = sandbox(4, Timings::default()).await;
    let bot = builder(&sandbox).status(Status::Idle).build().unwrap();
    assert_eq!(
        bot.status(),
        Status::Idle,
        "the builder's, before connecting"
    );
    let task = started(&bot).await;

    bot.change_presence(Some(Activity::playing("chess")), Some(Status::Dnd), None)
        .unwrap();
    assert_eq!(bot.status(), Status::Dnd);
    assert_eq!(bot.activity(), Some(Activity::playing("chess")));
    let op3 = |sandbox: &SandboxHandle| {
        sandbox
            .gateway()
            .commands_received()
            .into_iter()
            .filter(|c| c.op == 3)
            .collect::<Vec<_>>()
    };
    assert!(eventually(Duration::from_secs(5), || op3(&sandbox).len() == 4).await);
    let updates = op3(&sandbox);
    assert_eq!(
        updates.iter().map(|c| c.shard).collect::<BTreeSet<_>>(),
        (0..4).collect()
    );
    assert!(
        updates
            .iter()
            .all(|c| c.data["status"] == "dnd" && c.data["activities"][0]["name"] == "chess")
    );

    // One shard: offline goes as invisible (Pycord's rule); the bot's status stays.
    bot.change_presence(None, Some(Status::Offline), Some(3))
        .unwrap();
    assert!(eventually(Duration::from_secs(5), || op3(&sandbox).len() == 5).await);
    let last = op3(&sandbox).pop().unwrap();
    assert_eq!(
        (last.shard, last.data["status"].as_str()),
        (3, Some("invisible"))
    );
    assert_eq!(last.data["activities"], serde_json::json!([]));
    assert_eq!(bot.status(), Status::Dnd);
    assert_eq!(
        bot.change_presence(None, None, Some(9)),
        Err(ShardCommandError::NoShard { shard: 9, count: 4 })
    );
    stop(&bot, task).await;
}

/// The sandbox's limit: 120 payloads per 600 ms; the bot keeps 120 per 700 ms (a little longer,
/// for the time a payload takes to arrive).
fn short_send_window() -> Timings {
    Timings {
        gateway_send_limit: 120,
        gateway_send_window: Duration::from_millis(600),
        ..Timings::default()
    }
}

/// Sends `count` presence updates to shard 0 at once; whether the shard was rate limited once.
async fn burst(bot: &Bot, count: usize) -> bool {
    let shard = bot.get_shard(0).unwrap();
    for n in 0..count {
        shard
            .change_presence(
                bot_core::model::UpdatePresence::new(Status::Online)
                    .activity(Activity::playing(format!("round {n}"))),
            )
            .unwrap();
    }
    eventually(Duration::from_secs(2), || shard.is_ws_ratelimited()).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_presence_updates_keeps_the_send_limit() {
    let sandbox = sandbox(1, short_send_window()).await;
    let bot = builder(&sandbox)
        .gateway_send_limit(SendLimit::new(120, Duration::from_millis(700)))
        .build()
        .unwrap();
    let mut disconnected = bot.stream::<ShardDisconnected>(|_| true, None, None);
    let task = started(&bot).await;
    let began = std::time::Instant::now();
    assert!(burst(&bot, 250).await, "the shard saw itself rate limited");
    assert!(bot.is_ws_ratelimited() || sandbox.gateway().commands_received().len() >= 240);
    let received = |sandbox: &SandboxHandle| sandbox.gateway().commands_received().len();
    assert!(
        eventually(Duration::from_secs(10), || received(&sandbox) == 250).await,
        "all 250 arrived: {}",
        received(&sandbox)
    );
    // 250 commands at under 120 per 700 ms take more than two windows.
    assert!(
        began.elapsed() >= Duration::from_millis(1400),
        "{:?}",
        began.elapsed()
    );
    assert!(
        tokio::time::timeout(Duration::from_millis(300), disconnected.next())
            .await
            .is_err(),
        "no connection ended (no 4008)"
    );
    assert_eq!(sandbox.gateway().identify_count(), 1);
    assert_eq!(sandbox.gateway().resume_count(), 0);
    assert!(eventually(Duration::from_secs(2), || !bot.is_ws_ratelimited()).await);
    stop(&bot, task).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sandbox_closes_with_4008_a_bot_past_its_send_limit() {
    // The bot told of a far larger limit than the sandbox's: the check that the test above
    // means something.
    let sandbox = sandbox(1, short_send_window()).await;
    let bot = builder(&sandbox)
        .gateway_send_limit(SendLimit::new(10_000, Duration::from_millis(1)))
        .build()
        .unwrap();
    let mut disconnected = bot.stream::<ShardDisconnected>(|_| true, None, None);
    let task = started(&bot).await;
    let shard = bot.get_shard(0).unwrap();
    for n in 0..200 {
        shard
            .change_presence(
                bot_core::model::UpdatePresence::new(Status::Online)
                    .activity(Activity::playing(format!("round {n}"))),
            )
            .unwrap();
    }
    let gone = next_on(&mut disconnected).await;
    assert_eq!(
        (gone.code, gone.reconnect, gone.resume),
        (Some(4008), true, true)
    );
    stop(&bot, task).await;
}

/// A voice manager that records what it is told.
#[derive(Default, Clone)]
struct Recorder(Arc<Mutex<Calls>>);

#[derive(Default)]
struct Calls {
    initialised: Option<(u64, Option<Id<UserMarker>>)>,
    shards: Vec<ShardHandle>,
    deregistered: Vec<u64>,
    states: Vec<VoiceState>,
    servers: Vec<(u64, Option<String>, bool)>,
}

impl VoiceGatewayManager for Recorder {
    fn initialise(&self, shard_count: u64, user: Option<Id<UserMarker>>) {
        self.0.lock().unwrap().initialised = Some((shard_count, user));
    }
    fn register_shard(&self, shard: ShardHandle) {
        self.0.lock().unwrap().shards.push(shard);
    }
    fn deregister_shard(&self, shard_id: u64) {
        self.0.lock().unwrap().deregistered.push(shard_id);
    }
    fn server_update(&self, update: &bot_core::event::VoiceServerUpdate) {
        let server = (
            update.guild_id.get(),
            update.endpoint.clone(),
            !update.token.is_empty(),
        );
        self.0.lock().unwrap().servers.push(server);
    }
    fn state_update(&self, state: &VoiceState) {
        self.0.lock().unwrap().states.push(state.clone());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn voice_state_updates_go_through_the_voice_manager() {
    let sandbox = sandbox(2, Timings::default()).await;
    let guild = sandbox.guild_ids()[0];
    let channel = sandbox
        .create_channel(guild, "Lounge", 2)
        .expect("a voice channel");
    let recorder = Recorder::default();
    let bot = builder(&sandbox)
        .voice_manager(recorder.clone())
        .build()
        .unwrap();
    let task = started(&bot).await;
    let me = bot.user().map(|u| u.id);
    {
        let calls = recorder.0.lock().unwrap();
        assert_eq!(calls.initialised, Some((2, me)));
        assert_eq!(
            calls.shards.iter().map(ShardHandle::id).collect::<Vec<_>>(),
            [0, 1]
        );
    }
    let guild_id = Id::new(guild);
    // The manager sends op 4 through the guild's shard, as a voice crate does.
    let shard = ((guild >> 22) % 2) as usize;
    let handle = recorder.0.lock().unwrap().shards[shard].clone();
    handle
        .update_voice_state(UpdateVoiceState::join(guild_id, Id::new(channel)).self_deaf(true))
        .unwrap();
    let joined = || {
        let calls = recorder.0.lock().unwrap();
        calls.servers.len() == 1
            && calls
                .states
                .iter()
                .any(|s| Some(s.user_id) == me && s.self_deaf && s.channel_id.is_some())
    };
    assert!(
        eventually(Duration::from_secs(5), joined).await,
        "the join reached the manager"
    );
    let (server_guild, endpoint, has_token) = recorder.0.lock().unwrap().servers[0].clone();
    assert_eq!((server_guild, has_token), (guild, true));
    assert!(endpoint.is_some());
    assert_eq!(sandbox.voice_states(guild).len(), 1);

    // Leaving through the bot (routed to the guild's shard).
    bot.update_voice_state(UpdateVoiceState::leave(guild_id))
        .unwrap();
    let left = || {
        recorder
            .0
            .lock()
            .unwrap()
            .states
            .last()
            .is_some_and(|s| Some(s.user_id) == me && s.channel_id.is_none())
    };
    assert!(eventually(Duration::from_secs(5), left).await);
    assert!(sandbox.voice_states(guild).is_empty());
    stop(&bot, task).await;
    let mut deregistered = recorder.0.lock().unwrap().deregistered.clone();
    deregistered.sort_unstable();
    assert_eq!(deregistered, [0, 1]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn soundboard_sounds_are_asked_of_each_guilds_shard() {
    let sandbox = sandbox(2, Timings::default()).await;
    let guilds = sandbox.guild_ids();
    assert!(guilds.len() >= 2);
    let bot = builder(&sandbox).build().unwrap();
    let mut answers = bot.stream::<SoundboardSounds>(|_| true, None, None);
    let task = started(&bot).await;
    bot.request_soundboard_sounds(guilds.iter().map(|g| Id::new(*g)))
        .unwrap();
    let mut answered = BTreeSet::new();
    for _ in 0..guilds.len() {
        let answer = tokio::time::timeout(Duration::from_secs(5), answers.next())
            .await
            .expect("an answer")
            .expect("the stream goes on")
            .expect("no wait error");
        let guild = answer.get().guild_id.get();
        assert_eq!(
            answer.bot().shard(),
            Some((guild >> 22) % 2),
            "on its guild's shard"
        );
        answered.insert(guild);
    }
    assert_eq!(answered, guilds.iter().copied().collect());
    let requests: Vec<_> = sandbox
        .gateway()
        .commands_received()
        .into_iter()
        .filter(|c| c.op == 31)
        .collect();
    assert_eq!(requests.len(), 2, "one request per shard");
    for request in requests {
        for guild in request.data["guild_ids"].as_array().unwrap() {
            let id: u64 = guild.as_str().unwrap().parse().unwrap();
            assert_eq!((id >> 22) % 2, request.shard);
        }
    }
    stop(&bot, task).await;
}
