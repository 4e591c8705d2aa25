//! Discord's REST surface, guild administration (issue 28): auto-moderation rules through
//! `Http` and Pycord's names on a guild id, and the sandbox enforcing them on what scripted
//! users send (keyword and mention-spam triggers; block, alert and timeout actions) with the
//! bot's listeners seeing each action executed; the widget (Pycord's `fetch_widget`), the
//! vanity invite, voice regions, a guild's invites and its incident actions; each call on its
//! success path and an error path.

mod common;

use bot_core::event::{AutoModerationActionExecution, AutoModerationRuleCreate, Received};
use bot_core::http::{Http, HttpError, MessagesFrom, Token};
use bot_core::model::{
    AutoModerationAction, AutoModerationActionType, AutoModerationTriggerType,
    CreateAutoModerationRule, CreateInvite, EditAutoModerationRule, EditWidgetSettings, Id,
    IncidentActions, Intents, Timestamp, TriggerMetadata,
};
use bot_core::prelude::*;
use bot_sandbox::{DefaultGuild, InvokeError, Sandbox, SandboxHandle, Timings};
use futures_util::{StreamExt, TryStreamExt};
use std::time::Duration;
use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};

/// VIEW_CHANNEL, SEND_MESSAGES, READ_MESSAGE_HISTORY, MANAGE_GUILD, VIEW_AUDIT_LOG,
/// MODERATE_MEMBERS: what the bot's role gives it.
const BOT_PERMISSIONS: u64 = (1 << 10) | (1 << 11) | (1 << 16) | (1 << 5) | (1 << 7) | (1 << 40);

async fn start(permissions: u64) -> (SandboxHandle, DefaultGuild) {
    let sandbox = Sandbox::builder()
        .timings(Timings {
            message_create_window: Duration::ZERO,
            ..Timings::default()
        })
        .start()
        .await
        .expect("the sandbox starts");
    let world = sandbox.default_guild().expect("seeded");
    let role = sandbox
        .add_role(world.guild, "bot", permissions)
        .expect("the guild");
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[role]));
    (sandbox, world)
}

fn http_of(sandbox: &SandboxHandle) -> Http {
    Http::new(sandbox.rest_url(), Token::new(sandbox.token()))
}

fn bot_of(sandbox: &SandboxHandle, intents: Intents) -> Bot {
    Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(CommandRegistry::default())
        .intents(intents)
        .build()
        .expect("a bot")
}

/// A listener that forwards each action execution the bot receives.
fn executions(bot: &Bot) -> UnboundedReceiver<AutoModerationActionExecution> {
    let (tx, rx) = unbounded_channel();
    bot.add_listener(move |event: Received<AutoModerationActionExecution>| {
        let tx = tx.clone();
        async move {
            let _ = tx.send((*event).clone());
        }
    });
    rx
}

async fn next<T>(rx: &mut UnboundedReceiver<T>) -> T {
    tokio::time::timeout(Duration::from_secs(3), rx.recv())
        .await
        .expect("in time")
        .expect("a value")
}

#[tokio::test]
async fn a_keyword_rule_blocks_a_scripted_message_and_the_listener_sees_the_action() {
    let (sandbox, world) = start(BOT_PERMISSIONS).await;
    let alerts = sandbox
        .add_channel(world.guild, "mod-log", 0)
        .expect("a channel");
    let spoilers = sandbox
        .add_channel(world.guild, "spoilers", 0)
        .expect("a channel");
    let bot = bot_of(
        &sandbox,
        Intents::GUILDS
            | Intents::GUILD_MESSAGES
            | Intents::MESSAGE_CONTENT
            | Intents::AUTO_MODERATION_CONFIGURATION
            | Intents::AUTO_MODERATION_EXECUTION,
    );
    let mut executed = executions(&bot);
    let (created_tx, mut created) = unbounded_channel();
    bot.add_listener(move |event: Received<AutoModerationRuleCreate>| {
        let created_tx = created_tx.clone();
        async move {
            let _ = created_tx.send(event.name.clone());
        }
    });
    let task = common::started(&bot).await;
    let guild = Id::new(world.guild);
    let rule = guild
        .create_auto_moderation_rule(
            &bot,
            CreateAutoModerationRule::keyword(
                "No spoilers",
                TriggerMetadata::keywords(["*spoiler*"]).allow(["spoilerfree"]),
            )
            .action(AutoModerationAction::block_message(Some("Not here")))
            .action(AutoModerationAction::send_alert(Id::new(alerts)))
            .exempt_channel(Id::new(spoilers))
            .enabled(true),
            Some("spoiler season"),
        )
        .await
        .expect("a rule");
    assert_eq!(&*next(&mut created).await, "No spoilers");

    let bob = sandbox.user(world.member);
    let refused = bob
        .send_message(world.channel, "big SPOILERS ahead")
        .await
        .expect_err("blocked");
    assert!(
        matches!(refused, InvokeError::Blocked { code: 200_000, .. }),
        "{refused:?}"
    );
    let block = next(&mut executed).await;
    let alert = next(&mut executed).await;
    assert_eq!(block.action.kind, AutoModerationActionType::BlockMessage);
    assert_eq!(block.rule_id, rule.id);
    assert_eq!(block.rule_trigger_type, AutoModerationTriggerType::Keyword);
    assert_eq!(block.user_id, Id::new(world.member));
    assert_eq!(block.channel_id, Some(Id::new(world.channel)));
    assert_eq!(block.message_id, None, "a blocked message has no id");
    assert_eq!(block.matched_keyword.as_deref(), Some("*spoiler*"));
    assert_eq!(block.matched_content.as_deref(), Some("SPOILERS"));
    assert_eq!(block.content, "big SPOILERS ahead");
    assert_eq!(
        alert.action.kind,
        AutoModerationActionType::SendAlertMessage
    );
    let alert_message = alert.alert_system_message_id.expect("an alert");
    let posted = sandbox
        .message(alerts, alert_message.get())
        .expect("the alert is in the alert channel");
    assert_eq!(posted["type"], 24);
    assert_eq!(posted["embeds"][0]["type"], "auto_moderation_message");
    assert_eq!(posted["embeds"][0]["description"], "big SPOILERS ahead");
    let history: Vec<_> = http_of(&sandbox)
        .messages(Id::new(world.channel), MessagesFrom::Latest, Some(10))
        .try_collect()
        .await
        .expect("the history");
    assert!(
        history.iter().all(|m| !m.content.contains("SPOILERS")),
        "the blocked message was never created"
    );

    // Allowed words, an exempt channel and the owner pass; so does everything once disabled.
    bob.send_message(world.channel, "this review is spoilerfree")
        .await
        .expect("allowed");
    bob.send_message(spoilers, "spoiler: it was a dream")
        .await
        .expect("an exempt channel");
    sandbox
        .user(world.owner)
        .send_message(world.channel, "spoiler from the owner")
        .await
        .expect("the owner is exempt");
    guild
        .edit_auto_moderation_rule(
            &bot,
            rule.id,
            EditAutoModerationRule::new().enabled(false),
            None,
        )
        .await
        .expect("disabled");
    bob.send_message(world.channel, "spoiler, now allowed")
        .await
        .expect("a disabled rule does nothing");
    assert!(
        tokio::time::timeout(Duration::from_millis(300), executed.recv())
            .await
            .is_err(),
        "no action executed for any of those"
    );
    common::stop(&bot, task).await;
}

#[tokio::test]
async fn a_mention_spam_rule_times_the_member_out_and_hides_content_without_the_intent() {
    let (sandbox, world) = start(BOT_PERMISSIONS).await;
    let bot = bot_of(
        &sandbox,
        Intents::GUILDS | Intents::AUTO_MODERATION_EXECUTION,
    );
    let mut executed = executions(&bot);
    let task = common::started(&bot).await;
    let guild = Id::new(world.guild);
    let rule = bot
        .http()
        .create_auto_moderation_rule(
            guild,
            &CreateAutoModerationRule::mention_spam("Mentions", 2)
                .action(AutoModerationAction::timeout(60))
                .enabled(true),
            None,
        )
        .await
        .expect("a rule");
    let carol = sandbox.add_user("carol");
    assert!(sandbox.add_member(world.guild, carol, &[]));
    let bob = sandbox.user(world.member);
    bob.send_message(
        world.channel,
        &format!("<@{}> <@!{}>", world.owner, world.owner),
    )
    .await
    .expect("one unique mention is under the limit");
    let content = format!("<@{}> <@{carol}> <@&{}>", world.owner, world.role);
    let sent = bob
        .send_message(world.channel, &content)
        .await
        .expect("a timeout does not block");
    let timeout = next(&mut executed).await;
    assert_eq!(timeout.rule_id, rule.id);
    assert_eq!(timeout.action.kind, AutoModerationActionType::Timeout);
    assert_eq!(
        timeout.rule_trigger_type,
        AutoModerationTriggerType::MentionSpam
    );
    assert_eq!(
        timeout.message_id.map(|id| id.to_string()).as_deref(),
        sent["id"].as_str()
    );
    assert_eq!(timeout.matched_keyword, None);
    assert_eq!(timeout.content, "", "no MESSAGE_CONTENT, no content");
    let member = sandbox.member(world.guild, world.member).expect("bob");
    assert!(
        member["communication_disabled_until"].is_string(),
        "timed out: {member}"
    );
    common::stop(&bot, task).await;
}

#[tokio::test]
async fn rules_are_listed_read_changed_and_deleted_with_their_events_and_audit_entries() {
    let (sandbox, world) = start(BOT_PERMISSIONS).await;
    let bot = bot_of(
        &sandbox,
        Intents::GUILDS | Intents::AUTO_MODERATION_CONFIGURATION,
    );
    let mut events = bot.events();
    let task = common::started(&bot).await;
    let http = bot.http();
    let guild = Id::new(world.guild);
    let rule = http
        .create_auto_moderation_rule(
            guild,
            &CreateAutoModerationRule::keyword("Words", TriggerMetadata::keywords(["bad"]))
                .action(AutoModerationAction::block_message(None))
                .exempt_role(Id::new(world.role)),
            Some("tidy"),
        )
        .await
        .expect("a rule");
    assert!(!rule.enabled, "off unless asked");
    assert_eq!(rule.exempt_roles, vec![Id::new(world.role)]);
    let listed = guild
        .fetch_auto_moderation_rules(&bot)
        .await
        .expect("the rules");
    assert_eq!(listed, vec![rule.clone()]);
    let edited = http
        .edit_auto_moderation_rule(
            guild,
            rule.id,
            &EditAutoModerationRule::new()
                .name("Words, renamed")
                .metadata(TriggerMetadata::keywords(["worse*"]).regex_patterns(["^b.d$"])),
            None,
        )
        .await
        .expect("changed");
    assert_eq!(&*edited.name, "Words, renamed");
    assert_eq!(edited.trigger_metadata.regex_patterns.len(), 1);
    let fetched = guild
        .fetch_auto_moderation_rule(&bot, rule.id)
        .await
        .expect("the rule");
    assert_eq!(fetched, edited);
    guild
        .delete_auto_moderation_rule(&bot, rule.id, None)
        .await
        .expect("deleted");
    let unknown = http.auto_moderation_rule(guild, rule.id).await;
    assert!(
        matches!(unknown, Err(HttpError::Api { status: 404, .. })),
        "{unknown:?}"
    );

    let mut seen = Vec::new();
    while seen.len() < 3 {
        let event = tokio::time::timeout(Duration::from_secs(3), events.next())
            .await
            .expect("in time")
            .expect("an event");
        if event.name().starts_with("AUTO_MODERATION_RULE_") {
            seen.push(event.name().to_owned());
        }
    }
    assert_eq!(
        seen,
        [
            "AUTO_MODERATION_RULE_CREATE",
            "AUTO_MODERATION_RULE_UPDATE",
            "AUTO_MODERATION_RULE_DELETE"
        ]
    );
    let entries: Vec<_> = guild
        .audit_logs(&bot, Default::default(), Some(10))
        .try_collect()
        .await
        .expect("the audit log");
    let created = entries
        .iter()
        .find(|e| e.reason.as_deref() == Some("tidy"))
        .expect("the creation is audited");
    assert_eq!(created.target_id.map(|id| id.get()), Some(rule.id.get()));
    common::stop(&bot, task).await;
}

#[tokio::test]
async fn bad_rules_are_refused_before_sending_or_by_discord() {
    let (sandbox, world) = start(BOT_PERMISSIONS).await;
    let http = http_of(&sandbox);
    let guild = Id::new(world.guild);
    let no_action = CreateAutoModerationRule::keyword("Words", TriggerMetadata::keywords(["x"]));
    let refused = http
        .create_auto_moderation_rule(guild, &no_action, None)
        .await;
    assert!(matches!(refused, Err(HttpError::Refused(_))), "{refused:?}");
    let long = EditAutoModerationRule::new().name("x".repeat(101));
    let refused = http
        .edit_auto_moderation_rule(guild, Id::new(1), &long, None)
        .await;
    assert!(matches!(refused, Err(HttpError::Refused(_))), "{refused:?}");

    let spam = CreateAutoModerationRule::mention_spam("Mentions", 5)
        .action(AutoModerationAction::block_message(None));
    http.create_auto_moderation_rule(guild, &spam, None)
        .await
        .expect("the first mention-spam rule");
    let second = http.create_auto_moderation_rule(guild, &spam, None).await;
    assert_eq!(second.expect_err("one per guild").code(), Some(50035));
    let bad_regex = CreateAutoModerationRule::keyword(
        "Regex",
        TriggerMetadata::default().regex_patterns(["(unclosed"]),
    )
    .action(AutoModerationAction::block_message(None));
    let refused = http
        .create_auto_moderation_rule(guild, &bad_regex, None)
        .await;
    assert_eq!(refused.expect_err("no such regex").code(), Some(50035));

    // Without MANAGE_GUILD: 50013 for every route.
    let (plain, plain_world) = start(1 << 10).await;
    let plain_http = http_of(&plain);
    let missing = plain_http
        .auto_moderation_rules(Id::new(plain_world.guild))
        .await;
    assert_eq!(missing.expect_err("no MANAGE_GUILD").code(), Some(50013));
}

#[tokio::test]
async fn the_widget_vanity_regions_invites_and_incident_actions() {
    let (sandbox, world) = start(BOT_PERMISSIONS | 1).await;
    let bot = bot_of(&sandbox, Intents::GUILDS);
    let http = bot.http();
    let guild = Id::new(world.guild);
    let voice = sandbox
        .add_channel(world.guild, "Lounge", 2)
        .expect("a voice channel");

    // The widget: off, so its page is refused; on, it lists the voice channel and members.
    let settings = http.guild_widget_settings(guild).await.expect("settings");
    assert!(!settings.enabled);
    let off = bot.fetch_widget(guild).await;
    assert_eq!(off.expect_err("off").code(), Some(50004));
    let on = http
        .edit_guild_widget(
            guild,
            &EditWidgetSettings::new()
                .enabled(true)
                .channel(Some(Id::new(world.channel))),
            None,
        )
        .await
        .expect("turned on");
    assert_eq!(on.channel_id, Some(Id::new(world.channel)));
    let widget = bot.context().fetch_widget(guild).await.expect("the widget");
    assert_eq!(widget.channels.len(), 1);
    assert_eq!(widget.channels[0].id, Id::new(voice));
    assert_eq!(widget.presence_count, 3, "alice, bob, the bot");
    let unknown_channel = http
        .edit_guild_widget(
            guild,
            &EditWidgetSettings::new().channel(Some(Id::new(1))),
            None,
        )
        .await;
    assert_eq!(
        unknown_channel.expect_err("not the guild's").code(),
        Some(50035)
    );

    // The vanity invite (none), the regions, the guild's invites.
    let vanity = http.guild_vanity_url(guild).await.expect("the vanity url");
    assert_eq!(vanity.code, None);
    let regions = http.voice_regions().await.expect("regions");
    assert!(regions.iter().all(|r| !r.optimal) && !regions.is_empty());
    let guild_regions = http.guild_voice_regions(guild).await.expect("regions");
    assert_eq!(guild_regions.iter().filter(|r| r.optimal).count(), 1);
    assert!(http.guild_voice_regions(Id::new(1)).await.is_err());
    let invite = http
        .create_channel_invite(Id::new(world.channel), &CreateInvite::new(), None)
        .await
        .expect("an invite");
    let invites = http.guild_invites(guild).await.expect("the invites");
    assert_eq!(
        invites.iter().map(|i| &i.code).collect::<Vec<_>>(),
        [&invite.code]
    );

    // Incident actions: at most a day ahead, checked before sending.
    let in_an_hour = Timestamp::from_unix_seconds(Timestamp::now().unix_seconds() + 3600);
    let data = http
        .edit_incident_actions(guild, &IncidentActions::new(Some(in_an_hour), None))
        .await
        .expect("invites paused");
    assert_eq!(
        data.invites_disabled_until.map(|t| t.unix_seconds()),
        Some(in_an_hour.unix_seconds())
    );
    assert_eq!(data.dms_disabled_until, None);
    let in_two_days = Timestamp::from_unix_seconds(Timestamp::now().unix_seconds() + 172_800);
    let refused = http
        .edit_incident_actions(guild, &IncidentActions::new(None, Some(in_two_days)))
        .await;
    assert!(matches!(refused, Err(HttpError::Refused(_))), "{refused:?}");

    // Without MANAGE_GUILD.
    let (plain, plain_world) = start(1 << 10).await;
    let missing = http_of(&plain)
        .guild_widget_settings(Id::new(plain_world.guild))
        .await;
    assert_eq!(missing.expect_err("no MANAGE_GUILD").code(), Some(50013));
}

#[tokio::test]
async fn a_template_is_created_fetched_by_link_synced_renamed_and_deleted() {
    let (sandbox, world) = start(BOT_PERMISSIONS).await;
    let bot = bot_of(&sandbox, Intents::GUILDS);
    let http = bot.http();
    let guild = Id::new(world.guild);
    let template = http
        .create_guild_template(guild, "Starter", Some("A small guild"))
        .await
        .expect("a template");
    assert_eq!(template.source_guild_id, guild);
    assert_eq!(template.is_dirty, Some(false));
    let saved = &template.serialized_source_guild;
    assert_eq!(&*saved.roles[0].name, "@everyone");
    assert_eq!(saved.roles[0].id.get(), 0, "@everyone is 0");
    let again = http.create_guild_template(guild, "Second", None).await;
    assert_eq!(again.expect_err("one per guild").code(), Some(30031));

    let link = format!("https://discord.new/{}", template.code);
    let fetched = bot.fetch_template(&link).await.expect("by link");
    assert_eq!(fetched.code, template.code);
    let unknown = bot.context().fetch_template("nope").await;
    assert_eq!(unknown.expect_err("unknown").code(), Some(10057));

    // The guild changes: the template is dirty until synced.
    sandbox
        .add_channel(world.guild, "later", 0)
        .expect("a channel");
    let listed = http.guild_templates(guild).await.expect("listed");
    assert_eq!(listed[0].is_dirty, Some(true));
    let synced = http
        .sync_guild_template(guild, &template.code)
        .await
        .expect("synced");
    assert_eq!(synced.is_dirty, Some(false));
    assert_eq!(
        synced.serialized_source_guild.channels.len(),
        saved.channels.len() + 1
    );
    let renamed = http
        .edit_guild_template(guild, &template.code, Some("Renamed"), Some(None))
        .await
        .expect("renamed");
    assert_eq!(
        (&*renamed.name, renamed.description.as_deref()),
        ("Renamed", None)
    );
    let refused = http
        .edit_guild_template(guild, &template.code, Some(""), None)
        .await;
    assert!(matches!(refused, Err(HttpError::Refused(_))), "{refused:?}");
    let deleted = http
        .delete_guild_template(guild, &template.code)
        .await
        .expect("deleted");
    assert_eq!(deleted.code, template.code);
    assert!(
        http.guild_templates(guild)
            .await
            .expect("listed")
            .is_empty()
    );
}
