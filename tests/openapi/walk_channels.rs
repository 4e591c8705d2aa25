//! The walk of the channel, message, reaction, thread and user routes: every typed call of the
//! SDK once through the proxy, so that its requests and the sandbox's answers are validated.

use bot_core::http::{Http, MessagesFrom, ReactionEmoji};
use bot_core::model::{
    AttachmentFile, ChannelType, CreateForumThread, CreateMessage, CreateThread, EditChannel,
    EditCurrentUser, Id, PermissionOverwrite, Permissions,
};
use bot_sandbox::{DefaultGuild, SandboxHandle};
use futures_util::TryStreamExt;

/// What the bot may do in the walk's guild.
const BOT_PERMISSIONS: u64 = (1 << 4)
    | (1 << 6)
    | (1 << 10)
    | (1 << 11)
    | (1 << 13)
    | (1 << 15)
    | (1 << 16)
    | (1 << 28)
    | (1 << 34)
    | (1 << 35)
    | (1 << 36)
    | (1 << 38);

/// Calls every channel and user route through `http` (the SDK, through the proxy).
pub async fn channels(sandbox: &SandboxHandle, world: DefaultGuild, http: &Http) {
    let role = sandbox
        .add_role(world.guild, "walker", BOT_PERMISSIONS)
        .expect("the guild");
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[role]));
    let walk = sandbox
        .add_text_channel(world.guild, "walk")
        .expect("the guild");
    let channel = Id::new(walk);
    let seeded = sandbox.seed_messages(walk, world.member, 5, "seed");
    let first = Id::new(seeded[0]);
    let sent = http
        .create_message(
            channel,
            &CreateMessage::new()
                .content("with a file")
                .file(AttachmentFile::new("a.txt", b"bytes".to_vec())),
        )
        .await
        .expect("a message with a file");
    http.channel(channel).await.expect("the channel");
    http.edit_channel(channel, &EditChannel::new().topic("walked"), Some("walk"))
        .await
        .expect("edited");
    let member = Id::new(world.member);
    http.set_permission_overwrite(
        channel,
        &PermissionOverwrite::member(member, Permissions::empty(), Permissions::empty()),
        None,
    )
    .await
    .expect("an overwrite");
    http.delete_permission_overwrite(channel, member.cast(), None)
        .await
        .expect("no overwrite");
    http.trigger_typing(channel).await.expect("typing");
    let listed: Vec<_> = http
        .messages(channel, MessagesFrom::Latest, Some(3))
        .try_collect()
        .await
        .expect("history");
    assert_eq!(listed.len(), 3);
    http.message(channel, first).await.expect("one message");
    http.edit_message(channel, sent.id, &CreateMessage::new().content("edited"))
        .await
        .expect("edited");
    http.pin_message(channel, sent.id, None)
        .await
        .expect("pinned");
    let pins: Vec<_> = http.pins(channel, None).try_collect().await.expect("pins");
    assert_eq!(pins.len(), 1);
    http.unpin_message(channel, sent.id, None)
        .await
        .expect("unpinned");
    let fire = ReactionEmoji::from("🔥");
    http.add_reaction(channel, first, &fire)
        .await
        .expect("a reaction");
    assert!(sandbox.react(world.member, walk, first.get(), "🔥"));
    let users: Vec<_> = http
        .reaction_users(channel, first, &fire, None)
        .try_collect()
        .await
        .expect("who reacted");
    assert_eq!(users.len(), 2);
    http.remove_user_reaction(channel, first, &fire, member)
        .await
        .expect("theirs removed");
    http.remove_own_reaction(channel, first, &fire)
        .await
        .expect("mine removed");
    http.add_reaction(channel, first, &fire)
        .await
        .expect("again");
    http.clear_reaction(channel, first, &fire)
        .await
        .expect("one emoji cleared");
    http.add_reaction(channel, first, &fire)
        .await
        .expect("again");
    http.clear_reactions(channel, first)
        .await
        .expect("all cleared");
    http.delete_messages(
        channel,
        &[Id::new(seeded[3]), Id::new(seeded[4])],
        Some("tidy"),
    )
    .await
    .expect("bulk deleted");
    http.delete_message(channel, sent.id, None)
        .await
        .expect("deleted");

    let news = sandbox
        .add_channel(world.guild, "news", 5)
        .expect("the guild");
    let story = sandbox.seed_messages(news, sandbox.bot_user_id(), 1, "story");
    http.crosspost_message(Id::new(news), Id::new(story[0]))
        .await
        .expect("crossposted");

    let thread = http
        .create_thread_from_message(channel, first, &CreateThread::new("talk"), None)
        .await
        .expect("a thread");
    http.add_thread_member(thread.id, member)
        .await
        .expect("added");
    http.thread_member(thread.id, member, true)
        .await
        .expect("a member");
    let members: Vec<_> = http
        .thread_members(thread.id, None)
        .try_collect()
        .await
        .expect("members");
    assert_eq!(members.len(), 2);
    http.remove_thread_member(thread.id, member)
        .await
        .expect("removed");
    http.leave_thread(thread.id).await.expect("left");
    http.join_thread(thread.id).await.expect("joined");
    http.edit_channel(thread.id, &EditChannel::new().archived(true), None)
        .await
        .expect("archived");
    let archived: Vec<_> = http
        .public_archived_threads(channel, None)
        .try_collect()
        .await
        .expect("archived threads");
    assert_eq!(archived.len(), 1);
    let private = http
        .create_thread(
            channel,
            &CreateThread::new("secret").kind(ChannelType::PrivateThread),
            None,
        )
        .await
        .expect("a private thread");
    http.edit_channel(private.id, &EditChannel::new().archived(true), None)
        .await
        .expect("archived");
    let private_archived: Vec<_> = http
        .private_archived_threads(channel, None)
        .try_collect()
        .await
        .expect("private archived threads");
    assert_eq!(private_archived.len(), 1);
    let forum = sandbox
        .add_channel(world.guild, "ideas", 15)
        .expect("the guild");
    http.create_forum_thread(
        Id::new(forum),
        &CreateForumThread::new("Idea", CreateMessage::new().content("first")),
        None,
    )
    .await
    .expect("a forum post");
    http.delete_channel(private.id, None)
        .await
        .expect("deleted");

    http.current_user().await.expect("me");
    http.user(member).await.expect("bob");
    http.edit_current_user(&EditCurrentUser::new().username("walker"))
        .await
        .expect("renamed");
    http.create_dm(member).await.expect("a DM");
    let guilds: Vec<_> = http
        .current_user_guilds(bot_core::http::GuildsFrom::First, None, false)
        .try_collect()
        .await
        .expect("guilds");
    assert!(!guilds.is_empty());
    http.current_user_connections().await.expect("connections");
    let other = sandbox.add_guild("Elsewhere", world.owner);
    http.leave_guild(Id::new(other)).await.expect("left");
}
