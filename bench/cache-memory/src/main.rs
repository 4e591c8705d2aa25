//! Live heap bytes per member of a realistic 20 000-member guild, in this SDK's cache and in
//! twilight-cache-inmemory 0.18, each loaded in its own process with the same resources kept
//! (guilds, channels, roles, members, users; no messages, no presences). The payloads are
//! parsed, fed to the cache and dropped; what stays is the cache. A counting global allocator
//! gives the live bytes; RSS after `malloc_trim(0)` is beside it; `get_member` is timed so
//! memory is not bought with lookup time.
//!
//! ```text
//! cargo run --release --manifest-path bench/cache-memory/Cargo.toml
//! ```

#![recursion_limit = "256"]

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Counts the bytes allocated and not yet freed.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const MEMBERS: u64 = 20_000;
const GUILD: u64 = 81_384_788_765_712_384;
const ROLES: u64 = 50;
const CHANNELS: u64 = 20;

/// A small deterministic generator, so both processes load the same guild.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn hash(&mut self) -> String {
        format!(
            "{:016x}{:016x}",
            self.next() << 32 | self.next(),
            self.next() << 32 | self.next()
        )
    }
}

fn role(id: u64, position: u64) -> serde_json::Value {
    serde_json::json!({
        "id": id.to_string(), "name": format!("role {position}"), "permissions": "1024",
        "position": position, "color": 0, "hoist": false, "managed": false,
        "mentionable": false, "flags": 0, "icon": null, "unicode_emoji": null,
        "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null},
    })
}

/// GUILD_CREATE's data (no members), then the member chunks' data, as JSON text.
fn payloads() -> (String, Vec<String>) {
    let mut rng = Lcg(42);
    let roles: Vec<serde_json::Value> = std::iter::once(role(GUILD, 0))
        .chain((1..ROLES).map(|n| role(GUILD + n, n)))
        .collect();
    let channels: Vec<serde_json::Value> = (0..CHANNELS)
        .map(|n| {
            serde_json::json!({
                "id": (GUILD + 1000 + n).to_string(), "type": 0, "guild_id": GUILD.to_string(),
                "name": format!("channel-{n}"), "position": n, "permission_overwrites": [],
                "nsfw": false, "topic": null, "last_message_id": null, "parent_id": null,
                "rate_limit_per_user": 0,
            })
        })
        .collect();
    let guild = serde_json::json!({
        "id": GUILD.to_string(), "name": "A big guild", "icon": null, "splash": null,
        "discovery_splash": null, "owner_id": "1", "afk_channel_id": null, "afk_timeout": 300,
        "verification_level": 1, "default_message_notifications": 1,
        "explicit_content_filter": 0, "roles": roles, "emojis": [], "features": [],
        "mfa_level": 0, "application_id": null, "system_channel_id": null,
        "system_channel_flags": 0, "rules_channel_id": null, "vanity_url_code": null,
        "description": null, "banner": null, "premium_tier": 0,
        "preferred_locale": "en-US", "public_updates_channel_id": null, "nsfw_level": 0,
        "premium_progress_bar_enabled": false, "stickers": [], "joined_at":
        "2021-02-12T18:25:07.972000+00:00", "large": true, "unavailable": false,
        "member_count": MEMBERS, "voice_states": [], "members": [], "channels": channels,
        "threads": [], "presences": [], "stage_instances": [], "guild_scheduled_events": [],
        "soundboard_sounds": [], "max_members": 500000, "max_video_channel_users": 25,
    });
    let members: Vec<serde_json::Value> = (0..MEMBERS)
        .map(|n| {
            let id = 100_000_000_000_000_000 + n * 7919;
            let name_len = 4 + rng.below(12) as usize;
            let username: String = (0..name_len).map(|i| (b'a' + ((n as usize + i * 7) % 26) as u8) as char).collect();
            let global_name = (rng.below(10) < 6).then(|| format!("{username} the {}", rng.below(100)));
            let avatar = (rng.below(10) < 8).then(|| rng.hash());
            let nick = (rng.below(10) < 3).then(|| format!("nick {}", rng.below(10_000)));
            let guild_avatar = (rng.below(100) < 5).then(|| rng.hash());
            let roles: Vec<String> = (0..rng.below(6))
                .map(|_| (GUILD + 1 + rng.below(ROLES - 1)).to_string())
                .collect();
            serde_json::json!({
                "user": {"id": id.to_string(), "username": username, "discriminator": "0",
                         "global_name": global_name, "avatar": avatar, "bot": false,
                         "public_flags": 0},
                "nick": nick, "avatar": guild_avatar, "roles": roles,
                "joined_at": format!("2021-0{}-1{}T18:25:07.972000+00:00", 1 + rng.below(9), rng.below(10)),
                "premium_since": null, "deaf": false, "mute": false, "pending": false,
                "flags": 0, "communication_disabled_until": null,
            })
        })
        .collect();
    let chunks = members
        .chunks(1000)
        .enumerate()
        .map(|(index, chunk)| {
            serde_json::json!({
                "guild_id": GUILD.to_string(), "members": chunk, "chunk_index": index,
                "chunk_count": MEMBERS / 1000,
            })
            .to_string()
        })
        .collect();
    (guild.to_string(), chunks)
}

fn member_id(n: u64) -> u64 {
    100_000_000_000_000_000 + n * 7919
}

/// Resident set size, in bytes.
fn rss() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: usize = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    pages * 4096
}

/// What one process measured.
struct Figures {
    live: usize,
    rss: usize,
    get_member_ns: f64,
}

fn measure(load: impl FnOnce(String, Vec<String>) -> Box<dyn Fn(u64) -> bool>) -> Figures {
    let (guild, chunks) = payloads();
    let before = LIVE.load(Ordering::SeqCst);
    // The payloads' text is counted out: only the cache stays once they are dropped.
    let payload_bytes = guild.capacity()
        + chunks.iter().map(String::capacity).sum::<usize>()
        + chunks.capacity() * std::mem::size_of::<String>();
    let lookup = load(guild, chunks);
    let live = LIVE.load(Ordering::SeqCst) + payload_bytes - before;
    unsafe { libc::malloc_trim(0) };
    let rss = rss();
    let rounds = 20;
    let started = Instant::now();
    for _ in 0..rounds {
        for n in 0..MEMBERS {
            assert!(black_box(lookup(black_box(member_id(n)))));
        }
    }
    let get_member_ns = started.elapsed().as_nanos() as f64 / (rounds * MEMBERS) as f64;
    Figures {
        live,
        rss,
        get_member_ns,
    }
}

fn ours() -> Figures {
    use bot_core::cache::{Cache, CacheConfig, ResourceType};
    use bot_core::event::Event;
    use std::sync::Arc;
    measure(|guild, chunks| {
        let cache = Arc::new(Cache::new(
            CacheConfig::default()
                .resources(
                    ResourceType::GUILD
                        | ResourceType::CHANNEL
                        | ResourceType::ROLE
                        | ResourceType::MEMBER
                        | ResourceType::USER,
                )
                .max_messages(None),
        ));
        let event = Arc::new(Event::from_dispatch_json("GUILD_CREATE", &guild));
        assert!(
            matches!(*event, Event::GuildCreate(_)),
            "GUILD_CREATE decodes"
        );
        cache.update(&event);
        drop((event, guild));
        for chunk in chunks {
            let event = Arc::new(Event::from_dispatch_json("GUILD_MEMBERS_CHUNK", &chunk));
            assert!(
                matches!(*event, Event::GuildMembersChunk(_)),
                "a chunk decodes"
            );
            cache.update(&event);
        }
        assert_eq!(cache.members(GUILD.into()).len() as u64, MEMBERS);
        Box::new(move |id| cache.member(GUILD.into(), id.into()).is_some())
    })
}

fn twilight() -> Figures {
    use twilight_cache_inmemory::{DefaultInMemoryCache, ResourceType};
    use twilight_model::gateway::payload::incoming::{GuildCreate, MemberChunk};
    use twilight_model::guild::Guild;
    use twilight_model::id::Id;
    measure(|guild, chunks| {
        let cache = DefaultInMemoryCache::builder()
            .resource_types(
                ResourceType::GUILD
                    | ResourceType::CHANNEL
                    | ResourceType::ROLE
                    | ResourceType::MEMBER
                    | ResourceType::USER,
            )
            .message_cache_size(0)
            .build();
        let parsed: Guild = serde_json::from_str(&guild).expect("twilight reads the guild");
        cache.update(&GuildCreate::Available(parsed));
        drop(guild);
        for chunk in chunks {
            let parsed: MemberChunk = serde_json::from_str(&chunk).expect("twilight reads a chunk");
            cache.update(&parsed);
        }
        assert_eq!(cache.stats().members() as u64, MEMBERS);
        Box::new(move |id| cache.member(Id::new(GUILD), Id::new(id)).is_some())
    })
}

fn main() {
    let which = std::env::args().nth(1);
    match which.as_deref() {
        Some(name @ ("ours" | "twilight")) => {
            let figures = if name == "ours" { ours() } else { twilight() };
            println!(
                "{} {} {} {:.1}",
                name, figures.live, figures.rss, figures.get_member_ns
            );
        }
        _ => {
            let exe = std::env::current_exe().expect("this program");
            println!(
                "| cache | live heap bytes per member | RSS after malloc_trim (MiB) | get_member ns/op |"
            );
            println!("|---|---:|---:|---:|");
            for name in ["ours", "twilight"] {
                let out = Command::new(&exe)
                    .arg(name)
                    .output()
                    .expect("a child process");
                let text = String::from_utf8_lossy(&out.stdout);
                let parts: Vec<&str> = text.split_whitespace().collect();
                if !out.status.success() || parts.len() != 4 {
                    eprintln!("{name} failed: {}", String::from_utf8_lossy(&out.stderr));
                    std::process::exit(1);
                }
                let live: f64 = parts[1].parse().unwrap_or(0.0);
                let rss: f64 = parts[2].parse().unwrap_or(0.0);
                println!(
                    "| {} | {:.0} | {:.1} | {} |",
                    if name == "ours" {
                        "bot-core"
                    } else {
                        "twilight-cache-inmemory 0.18"
                    },
                    live / MEMBERS as f64,
                    rss / (1024.0 * 1024.0),
                    parts[3]
                );
            }
        }
    }
}
