//! Pycord's `Bot` members that are its context's: one-line delegations to [`Context`](crate::Context), so that
//! `bot.wait_for(..)` and `ctx.wait_for(..)` are the same call.

use super::Bot;
use crate::Error;
use crate::cache::{Cache, CachedMessage, CachedUser, MemberRef};
use crate::calls::Rest;
use crate::checks::Check;
use crate::cog::Cog;
use crate::command::{
    ApplicationContext, AutocompleteContext, CommandError, CommandRegistry, RegisteredCommand,
    State,
};
use crate::context::PartialMessageable;
use crate::event::{
    Budget, DispatchStats, Event, EventType, ListenerId, ListenerOptions, ListenerOutput, Received,
    WaitError,
};
use crate::http::{Http, HttpError};
use crate::invoke::CheckId;
use crate::model::{
    AllowedMentions, Application, ApplicationMarker, Channel, ChannelMarker, Guild, GuildMarker,
    Id, Interaction, InteractionDataError, MessageMarker, User, UserMarker,
};
use crate::sync::{SyncOptions, SyncReport};
use bot_spec::CommandKind;
use futures_util::Stream;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

/// Who the bot is, its REST client and its state.
impl Bot {
    /// The REST client ([`Context::http`](crate::Context::http)).
    pub fn http(&self) -> &Http {
        self.context.http()
    }

    /// The bot's state of type `T`, given with
    /// [`BotBuilder::data`](crate::BotBuilder::data) ([`Context::data`](crate::Context::data)).
    pub fn data<T: Send + Sync + 'static>(&self) -> Option<State<T>> {
        self.context.data()
    }

    /// Whether [`close`](Self::close) was called or the connection ended
    /// ([`Context::is_closed`](crate::Context::is_closed)).
    pub fn is_closed(&self) -> bool {
        self.context.is_closed()
    }

    /// The bot user, after login ([`Context::user`](crate::Context::user)).
    pub fn user(&self) -> Option<&User> {
        self.context.user()
    }

    /// The application's id, after login ([`Context::application_id`](crate::Context::application_id)).
    pub fn application_id(&self) -> Option<Id<ApplicationMarker>> {
        self.context.application_id()
    }

    /// The application as it was at login ([`Context::application`](crate::Context::application)).
    pub fn application(&self) -> Option<&Application> {
        self.context.application()
    }

    /// Whether `user` owns the bot ([`Context::is_owner`](crate::Context::is_owner)).
    pub fn is_owner(&self, user: Id<UserMarker>) -> bool {
        self.context.is_owner(user)
    }

    /// The one owner, Pycord's `owner_id` ([`Context::owner_id`](crate::Context::owner_id)).
    pub fn owner_id(&self) -> Option<Id<UserMarker>> {
        self.context.owner_id()
    }

    /// The owners, Pycord's `owner_ids` ([`Context::owner_ids`](crate::Context::owner_ids)).
    pub fn owner_ids(&self) -> Vec<Id<UserMarker>> {
        self.context.owner_ids()
    }

    /// The shards' mean latency, as Pycord's `latency` ([`Context::latency`](crate::Context::latency)).
    pub fn latency(&self) -> Option<Duration> {
        self.context.latency()
    }
}

/// The shards, as Pycord's `AutoShardedBot`.
impl Bot {
    /// A handle on each shard of this process ([`Context::shards`](crate::Context::shards)).
    pub fn shards(&self) -> Vec<crate::gateway::ShardHandle> {
        self.context.shards()
    }

    /// A handle on one shard ([`Context::get_shard`](crate::Context::get_shard)).
    pub fn get_shard(&self, id: u64) -> Option<crate::gateway::ShardHandle> {
        self.context.get_shard(id)
    }

    /// How many shards the bot has in all ([`Context::shard_count`](crate::Context::shard_count)).
    pub fn shard_count(&self) -> Option<u64> {
        self.context.shard_count()
    }

    /// Each shard's latency ([`Context::latencies`](crate::Context::latencies)).
    pub fn latencies(&self) -> std::collections::BTreeMap<u64, Option<Duration>> {
        self.context.latencies()
    }

    /// Whether any shard waits for the send limit
    /// ([`Context::is_ws_ratelimited`](crate::Context::is_ws_ratelimited)).
    pub fn is_ws_ratelimited(&self) -> bool {
        self.context.is_ws_ratelimited()
    }

    /// Changes the presence on one shard or all
    /// ([`Context::change_presence`](crate::Context::change_presence)).
    pub fn change_presence(
        &self,
        activity: Option<crate::model::Activity>,
        status: Option<crate::model::Status>,
        shard_id: Option<u64>,
    ) -> Result<(), crate::gateway::ShardCommandError> {
        self.context.change_presence(activity, status, shard_id)
    }

    /// The bot's activity ([`Context::activity`](crate::Context::activity)).
    pub fn activity(&self) -> Option<crate::model::Activity> {
        self.context.activity()
    }

    /// The bot's status ([`Context::status`](crate::Context::status)).
    pub fn status(&self) -> crate::model::Status {
        self.context.status()
    }

    /// Joins, moves or leaves voice
    /// ([`Context::update_voice_state`](crate::Context::update_voice_state)).
    pub fn update_voice_state(
        &self,
        update: crate::gateway::UpdateVoiceState,
    ) -> Result<(), crate::gateway::ShardCommandError> {
        self.context.update_voice_state(update)
    }

    /// Asks for guilds' soundboard sounds
    /// ([`Context::request_soundboard_sounds`](crate::Context::request_soundboard_sounds)).
    pub fn request_soundboard_sounds(
        &self,
        guilds: impl IntoIterator<Item = Id<GuildMarker>>,
    ) -> Result<(), crate::gateway::ShardCommandError> {
        self.context.request_soundboard_sounds(guilds)
    }
}

/// Events: listeners, waiters, streams, readiness.
impl Bot {
    /// Adds a listener of events of type `E` ([`Context::add_listener`](crate::Context::add_listener)).
    pub fn add_listener<E, F, Fut>(&self, listener: F) -> ListenerId
    where
        E: EventType,
        F: Fn(Received<E>) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: ListenerOutput,
    {
        self.context.add_listener(listener)
    }

    /// Adds a listener with options ([`Context::add_listener_with`](crate::Context::add_listener_with)).
    pub fn add_listener_with<E, F, Fut>(&self, options: ListenerOptions, listener: F) -> ListenerId
    where
        E: EventType,
        F: Fn(Received<E>) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: ListenerOutput,
    {
        self.context.add_listener_with(options, listener)
    }

    /// Removes a listener ([`Context::remove_listener`](crate::Context::remove_listener)).
    pub fn remove_listener(&self, id: ListenerId) -> bool {
        self.context.remove_listener(id)
    }

    /// The next event of type `E` that passes `check`, within `timeout`, as Pycord's
    /// `wait_for` ([`Context::wait_for`](crate::Context::wait_for)).
    pub fn wait_for<E: EventType>(
        &self,
        check: impl Fn(&E) -> bool + Send + Sync + 'static,
        timeout: impl Into<Option<Duration>>,
    ) -> impl Future<Output = Result<Received<E>, WaitError>> + Send + 'static {
        self.context.wait_for(check, timeout)
    }

    /// The events of type `E` that pass `check`, as a stream ([`Context::stream`](crate::Context::stream)).
    pub fn stream<E: EventType>(
        &self,
        check: impl Fn(&E) -> bool + Send + Sync + 'static,
        timeout: impl Into<Option<Duration>>,
        limit: impl Into<Option<usize>>,
    ) -> impl Stream<Item = Result<Received<E>, WaitError>> + Send + Unpin + 'static {
        self.context.stream(check, timeout, limit)
    }

    /// Every event from now on ([`Context::events`](crate::Context::events)).
    pub fn events(&self) -> impl Stream<Item = Event> + Send + Unpin + 'static {
        self.context.events()
    }

    /// Every event from now on, within `budget` ([`Context::events_with_budget`](crate::Context::events_with_budget)).
    pub fn events_with_budget(
        &self,
        budget: Budget,
    ) -> impl Stream<Item = Event> + Send + Unpin + 'static {
        self.context.events_with_budget(budget)
    }

    /// Whether the bot is ready ([`Context::is_ready`](crate::Context::is_ready)).
    pub fn is_ready(&self) -> bool {
        self.context.is_ready()
    }

    /// Waits until the bot is ready ([`Context::wait_until_ready`](crate::Context::wait_until_ready)).
    pub async fn wait_until_ready(&self) -> Result<(), WaitError> {
        self.context.wait_until_ready().await
    }

    /// Every cached emoji ([`Context::emojis`](crate::Context::emojis)).
    pub fn emojis(&self) -> Vec<Arc<crate::model::Emoji>> {
        self.context.emojis()
    }

    /// The application's emojis ([`Context::app_emojis`](crate::Context::app_emojis)).
    pub fn app_emojis(&self) -> Vec<Arc<crate::model::Emoji>> {
        self.context.app_emojis()
    }

    /// A cached emoji ([`Context::get_emoji`](crate::Context::get_emoji)).
    pub fn get_emoji(
        &self,
        id: crate::model::Id<crate::model::EmojiMarker>,
    ) -> Option<Arc<crate::model::Emoji>> {
        self.context.get_emoji(id)
    }

    /// Every cached sticker ([`Context::stickers`](crate::Context::stickers)).
    pub fn stickers(&self) -> Vec<Arc<crate::model::Sticker>> {
        self.context.stickers()
    }

    /// A cached sticker ([`Context::get_sticker`](crate::Context::get_sticker)).
    pub fn get_sticker(
        &self,
        id: crate::model::Id<crate::model::StickerMarker>,
    ) -> Option<Arc<crate::model::Sticker>> {
        self.context.get_sticker(id)
    }

    /// Every cached soundboard sound ([`Context::sounds`](crate::Context::sounds)).
    pub fn sounds(&self) -> Vec<Arc<crate::model::SoundboardSound>> {
        self.context.sounds()
    }

    /// A cached soundboard sound ([`Context::get_sound`](crate::Context::get_sound)).
    pub fn get_sound(
        &self,
        id: crate::model::Id<crate::model::SoundboardSoundMarker>,
    ) -> Option<Arc<crate::model::SoundboardSound>> {
        self.context.get_sound(id)
    }

    /// A cached stage instance
    /// ([`Context::get_stage_instance`](crate::Context::get_stage_instance)).
    pub fn get_stage_instance(
        &self,
        id: crate::model::Id<crate::model::StageMarker>,
    ) -> Option<Arc<crate::model::StageInstance>> {
        self.context.get_stage_instance(id)
    }

    /// The cached messages with a poll ([`Context::polls`](crate::Context::polls)).
    pub fn polls(&self) -> Vec<CachedMessage> {
        self.context.polls()
    }

    /// A cached message with a poll ([`Context::get_poll`](crate::Context::get_poll)).
    pub fn get_poll(
        &self,
        id: crate::model::Id<crate::model::MessageMarker>,
    ) -> Option<CachedMessage> {
        self.context.get_poll(id)
    }

    /// Asks for members of a guild and waits for the whole answer
    /// ([`Context::request_members`](crate::Context::request_members)).
    pub async fn request_members(
        &self,
        request: crate::members::RequestMembers,
    ) -> Result<crate::members::Members, crate::members::RequestMembersError> {
        self.context.request_members(request).await
    }

    /// Every member of a guild ([`Context::chunk_guild`](crate::Context::chunk_guild)).
    pub async fn chunk_guild(
        &self,
        guild: crate::model::Id<crate::model::GuildMarker>,
    ) -> Result<crate::members::Members, crate::members::RequestMembersError> {
        self.context.chunk_guild(guild).await
    }

    /// The dispatcher's counters ([`Context::dispatch_stats`](crate::Context::dispatch_stats)).
    pub fn dispatch_stats(&self) -> DispatchStats {
        self.context.dispatch_stats()
    }

    /// How many listeners, waiters and streams take events now
    /// ([`Context::event_consumers`](crate::Context::event_consumers)).
    pub fn event_consumers(&self) -> usize {
        self.context.event_consumers()
    }
}

/// Commands: the registry, syncing, global checks, invocation.
impl Bot {
    /// The commands, as they are now ([`Context::registry`](crate::Context::registry)).
    pub fn registry(&self) -> Arc<CommandRegistry> {
        self.context.registry()
    }

    /// Adds a command ([`Context::add_application_command`](crate::Context::add_application_command)).
    pub async fn add_application_command(
        &self,
        command: RegisteredCommand,
    ) -> Result<Option<SyncReport>, Error> {
        self.context.add_application_command(command).await
    }

    /// Removes a command ([`Context::remove_application_command`](crate::Context::remove_application_command)).
    pub async fn remove_application_command(
        &self,
        name: &str,
        guild_ids: &[u64],
        kind: CommandKind,
    ) -> Result<Option<RegisteredCommand>, Error> {
        self.context
            .remove_application_command(name, guild_ids, kind)
            .await
    }

    /// A command by name, kind and guilds ([`Context::get_application_command`](crate::Context::get_application_command)).
    pub fn get_application_command(
        &self,
        name: &str,
        guild_ids: &[u64],
        kind: CommandKind,
    ) -> Option<RegisteredCommand> {
        self.context.get_application_command(name, guild_ids, kind)
    }

    /// Every command now ([`Context::walk_application_commands`](crate::Context::walk_application_commands)).
    pub fn walk_application_commands(&self) -> Vec<RegisteredCommand> {
        self.context.walk_application_commands()
    }

    /// Syncs the commands as `options` says ([`Context::register_commands`](crate::Context::register_commands)).
    pub async fn register_commands(&self, options: SyncOptions) -> Result<SyncReport, Error> {
        self.context.register_commands(options).await
    }

    /// Syncs the commands with the builder's options ([`Context::sync_commands`](crate::Context::sync_commands)).
    pub async fn sync_commands(&self) -> Result<SyncReport, Error> {
        self.context.sync_commands().await
    }

    /// What a sync would do, without writing ([`Context::get_desynced_commands`](crate::Context::get_desynced_commands)).
    pub async fn get_desynced_commands(&self) -> Result<SyncReport, Error> {
        self.context.get_desynced_commands().await
    }

    /// The last sync's report, if `start` synced ([`Context::last_sync`](crate::Context::last_sync)).
    pub async fn last_sync(&self) -> Option<SyncReport> {
        self.context.last_sync().await
    }

    /// Adds a global check, as Pycord's `add_check` ([`Context::add_check`](crate::Context::add_check)).
    pub fn add_check(&self, check: impl Check, call_once: bool) -> CheckId {
        self.context.add_check(check, call_once)
    }

    /// Removes a global check ([`Context::remove_check`](crate::Context::remove_check)).
    pub fn remove_check(&self, id: CheckId) -> bool {
        self.context.remove_check(id)
    }

    /// The context of an application command interaction, answering through this bot.
    pub fn get_application_context(
        &self,
        interaction: Interaction,
    ) -> Result<ApplicationContext, InteractionDataError> {
        crate::invoke::router::application_context(&self.context, interaction)
    }

    /// The context of an autocomplete interaction.
    pub fn get_autocomplete_context(
        &self,
        interaction: Interaction,
    ) -> Result<AutocompleteContext, InteractionDataError> {
        crate::invoke::router::autocomplete_context(&self.context, interaction)
    }

    /// Handles an interaction as the bot does with each it receives: an application command is
    /// invoked ([`invoke_application_command`](Self::invoke_application_command)), an
    /// autocomplete request answered with its callback's choices; others are left alone.
    pub async fn process_application_commands(&self, interaction: Interaction) {
        crate::invoke::router::process(&self.context, interaction).await
    }

    /// Invokes the command `ctx` names, through checks, limits and hooks (see
    /// [`crate::invoke`] for the order). A failure has been through the error chain when it is
    /// returned. A command this program does not define is answered "This command is not
    /// available." and never written to Discord.
    pub async fn invoke_application_command(
        &self,
        ctx: &ApplicationContext,
    ) -> Result<(), CommandError> {
        crate::invoke::router::invoke(&self.context, ctx).await
    }
}

/// Cogs and extensions.
impl Bot {
    /// Adds a cog ([`Context::add_cog`](crate::Context::add_cog)).
    pub async fn add_cog<C: Cog>(
        &self,
        cog: C,
        override_existing: bool,
    ) -> Result<Option<SyncReport>, Error> {
        self.context.add_cog(cog, override_existing).await
    }

    /// Removes a cog ([`Context::remove_cog`](crate::Context::remove_cog)).
    pub async fn remove_cog(&self, name: &str) -> Result<bool, Error> {
        self.context.remove_cog(name).await
    }

    /// The cog of type `T` ([`Context::get_cog`](crate::Context::get_cog)).
    pub fn get_cog<T: Cog>(&self) -> Option<Arc<T>> {
        self.context.get_cog()
    }

    /// The names of the cogs ([`Context::cogs`](crate::Context::cogs)).
    pub fn cogs(&self) -> Vec<String> {
        self.context.cogs()
    }

    /// Loads an extension ([`Context::load_extension`](crate::Context::load_extension)).
    pub async fn load_extension(&self, name: &str) -> Result<Option<SyncReport>, Error> {
        self.context.load_extension(name).await
    }

    /// Loads extensions in turn ([`Context::load_extensions`](crate::Context::load_extensions)).
    pub async fn load_extensions(&self, names: &[&str]) -> Result<(), Error> {
        self.context.load_extensions(names).await
    }

    /// Unloads an extension ([`Context::unload_extension`](crate::Context::unload_extension)).
    pub async fn unload_extension(&self, name: &str) -> Result<Option<SyncReport>, Error> {
        self.context.unload_extension(name).await
    }

    /// Reloads an extension ([`Context::reload_extension`](crate::Context::reload_extension)).
    pub async fn reload_extension(&self, name: &str) -> Result<Option<SyncReport>, Error> {
        self.context.reload_extension(name).await
    }

    /// The names of the loaded extensions ([`Context::extensions`](crate::Context::extensions)).
    pub fn extensions(&self) -> Vec<&'static str> {
        self.context.extensions()
    }
}

/// The cache, with Pycord's names.
impl Bot {
    /// The cache ([`Context::cache`](crate::Context::cache)).
    pub fn cache(&self) -> &Cache {
        self.context.cache()
    }

    /// A cached guild ([`Context::get_guild`](crate::Context::get_guild)).
    pub fn get_guild(&self, id: Id<GuildMarker>) -> Option<Arc<Guild>> {
        self.context.get_guild(id)
    }

    /// A cached channel ([`Context::get_channel`](crate::Context::get_channel)).
    pub fn get_channel(&self, id: Id<ChannelMarker>) -> Option<Arc<Channel>> {
        self.context.get_channel(id)
    }

    /// A cached user ([`Context::get_user`](crate::Context::get_user)).
    pub fn get_user(&self, id: Id<UserMarker>) -> Option<Arc<CachedUser>> {
        self.context.get_user(id)
    }

    /// A cached message ([`Context::get_message`](crate::Context::get_message)).
    pub fn get_message(&self, id: Id<MessageMarker>) -> Option<CachedMessage> {
        self.context.get_message(id)
    }

    /// A cached member ([`Context::get_member`](crate::Context::get_member)).
    pub fn get_member(&self, guild: Id<GuildMarker>, user: Id<UserMarker>) -> Option<MemberRef> {
        self.context.get_member(guild, user)
    }

    /// The cached guilds ([`Context::guilds`](crate::Context::guilds)).
    pub fn guilds(&self) -> Vec<Arc<Guild>> {
        self.context.guilds()
    }

    /// The cached users ([`Context::users`](crate::Context::users)).
    pub fn users(&self) -> Vec<Arc<CachedUser>> {
        self.context.users()
    }

    /// The cached messages ([`Context::cached_messages`](crate::Context::cached_messages)).
    pub fn cached_messages(&self) -> Vec<CachedMessage> {
        self.context.cached_messages()
    }

    /// The cached DM channels ([`Context::private_channels`](crate::Context::private_channels)).
    pub fn private_channels(&self) -> Vec<Arc<Channel>> {
        self.context.private_channels()
    }

    /// Every cached guild channel ([`Context::get_all_channels`](crate::Context::get_all_channels)).
    pub fn get_all_channels(&self) -> impl Iterator<Item = Arc<Channel>> + '_ {
        self.context.get_all_channels()
    }

    /// Every cached member ([`Context::get_all_members`](crate::Context::get_all_members)).
    pub fn get_all_members(&self) -> impl Iterator<Item = MemberRef> + '_ {
        self.context.get_all_members()
    }

    /// A channel to send to by id
    /// ([`Context::get_partial_messageable`](crate::Context::get_partial_messageable)).
    pub fn get_partial_messageable(&self, id: Id<ChannelMarker>) -> PartialMessageable {
        self.context.get_partial_messageable(id)
    }
}

/// REST with Pycord's names, and the bot as what the everyday calls go through.
impl Bot {
    /// A channel from Discord ([`Context::fetch_channel`](crate::Context::fetch_channel)).
    pub async fn fetch_channel(&self, id: Id<ChannelMarker>) -> Result<Channel, HttpError> {
        self.context.fetch_channel(id).await
    }

    /// A user from Discord ([`Context::fetch_user`](crate::Context::fetch_user)).
    pub async fn fetch_user(&self, id: Id<UserMarker>) -> Result<User, HttpError> {
        self.context.fetch_user(id).await
    }

    /// The DM channel with a user ([`Context::create_dm`](crate::Context::create_dm)).
    pub async fn create_dm(&self, user: Id<UserMarker>) -> Result<Channel, HttpError> {
        self.context.create_dm(user).await
    }

    /// A guild from Discord ([`Context::fetch_guild`](crate::Context::fetch_guild)).
    pub async fn fetch_guild(
        &self,
        id: crate::model::Id<crate::model::GuildMarker>,
        with_counts: bool,
    ) -> Result<crate::model::Guild, crate::http::HttpError> {
        self.context.fetch_guild(id, with_counts).await
    }
}

/// As its [`Context`](crate::Context): the bot's client and default allowed mentions.
impl Rest for Bot {
    fn http(&self) -> &Http {
        Rest::http(&self.context)
    }

    fn default_allowed_mentions(&self) -> Option<&AllowedMentions> {
        self.context.default_allowed_mentions()
    }
}
