use super::*;
use crate::model::{
    ButtonStyle, ChannelType, Component, EmbedType, InteractionType, MessageFlags, Resolved,
    StickerFormatType,
};
use serde_json::json;

fn fixture(name: &str) -> serde_json::Value {
    crate::model::test_fixture(name, "")
}

#[test]
fn message_create_fixture_decodes() {
    let payload = fixture("message_create.composed.json");
    let message: Message = serde_json::from_value(payload["d"].clone()).unwrap();
    assert_eq!(message.content, "Supa Hot");
    assert_eq!(message.kind, MessageType::Default);
    assert_eq!(message.guild_id, Some(Id::new(290926798626357999)));
    assert_eq!(&*message.author.username, "Mason");
    assert!(message.member.as_ref().unwrap().roles.is_empty());
    assert_eq!(
        message.timestamp.unwrap().to_string(),
        "2017-07-11T17:27:07.299000+00:00"
    );
    assert_eq!(message.edited_timestamp, None);
    let reaction = &message.reactions[0];
    assert_eq!(reaction.count, 1);
    assert_eq!(reaction.count_details.normal, 1);
    assert_eq!(reaction.emoji, PartialEmoji::unicode("🔥"));
    assert_eq!(reaction.emoji.mention(), "🔥");
    assert_eq!(
        message.jump_url(),
        "https://discord.com/channels/290926798626357999/290926798999357250/334385199974967042"
    );
}

#[test]
fn interaction_resolved_parts_decode() {
    let payload = fixture("interaction_create.user_command.json");
    let data = payload.get("d").unwrap_or(&payload)["data"].clone();
    let resolved: Resolved = serde_json::from_value(data["resolved"].clone()).unwrap();
    assert_eq!(resolved.users.len(), 1);
    assert_eq!(resolved.members.len(), 1);
    let resolved: Resolved = serde_json::from_value(json!({
        "messages": {"60": {"id": "60", "channel_id": "5", "content": "hello",
                            "author": {"id": "10", "username": "ana"}}},
        "attachments": {"40": {"id": "40", "filename": "SPOILER_cat.png", "size": 3, "url": "u",
                               "proxy_url": "p", "content_type": "image/png", "width": 2,
                               "height": 2, "duration_secs": 1.5, "flags": 8}},
        "channels": {"7": {"id": "7", "type": 0, "name": "general", "permissions": "1024"}}
    }))
    .unwrap();
    assert_eq!(resolved.messages[&Id::new(60)].content, "hello");
    let attachment = &resolved.attachments[&Id::new(40)];
    assert!(attachment.is_spoiler());
    assert_eq!(attachment.duration_secs, Some(1.5));
    assert_eq!(resolved.channels[&Id::new(7)].kind, ChannelType::GuildText);
}

#[test]
fn documented_crosspost_decodes() {
    let message: Message = serde_json::from_value(json!({
        "reactions": [], "attachments": [], "tts": false, "embeds": [],
        "timestamp": "2017-07-11T17:27:07.299000+00:00", "mention_everyone": false,
        "id": "334385199974967042", "pinned": false, "edited_timestamp": null,
        "author": {"username": "Mason", "discriminator": "9999", "id": "53908099506183680",
                   "avatar": null},
        "mention_roles": [],
        "mention_channels": [{"id": "278325129692446722", "guild_id": "278325129692446720",
                              "name": "big-news", "type": 5}],
        "content": "Big news! In this <#278325129692446722> channel!",
        "channel_id": "290926798999357250", "mentions": [], "type": 0, "flags": 2,
        "message_reference": {"type": 0, "channel_id": "278325129692446722",
                              "guild_id": "278325129692446720", "message_id": "306588351130107906"}
    }))
    .unwrap();
    assert!(message.flags.contains(MessageFlags::IS_CROSSPOST));
    assert_eq!(
        message.mention_channels[0].kind,
        ChannelType::GuildAnnouncement
    );
    let reference = message.message_reference.unwrap();
    assert_eq!(reference.kind, MessageReferenceType::Default);
    assert_eq!(reference.message_id, Some(Id::new(306588351130107906)));
}

fn author() -> serde_json::Value {
    json!({"id": "1", "username": "ann"})
}

#[test]
fn replies_forwards_polls_and_interactions_decode() {
    let message: Message = serde_json::from_value(json!({
        "id": "3", "channel_id": "2", "author": author(), "content": "", "type": 19,
        "timestamp": "2024-01-01T00:00:00+00:00", "nonce": "abc", "position": 4,
        "message_reference": {"message_id": "1", "channel_id": "2"},
        "referenced_message": {"id": "1", "channel_id": "2", "author": author(),
                               "content": "first", "type": 0, "nonce": 17},
        "message_snapshots": [{"message": {"type": 0, "content": "forwarded", "flags": 0,
            "timestamp": "2024-01-01T00:00:00+00:00", "edited_timestamp": null,
            "embeds": [{"type": "rich", "title": "t"}], "attachments": [], "mentions": [],
            "mention_roles": ["9"], "sticker_items": [{"id": "5", "name": "wave", "format_type": 1}],
            "components": []}}],
        "interaction_metadata": {"id": "8", "type": 5, "user": author(),
            "authorizing_integration_owners": {"0": "77"},
            "triggering_interaction_metadata": {"id": "7", "type": 3, "interacted_message_id": "6",
                "authorizing_integration_owners": {"1": "1"}}},
        "interaction": {"id": "8", "type": 2, "name": "ping", "user": author()},
        "poll": {"question": {"text": "Lunch?"}, "expiry": "2024-01-02T00:00:00+00:00",
                 "allow_multiselect": false, "layout_type": 1,
                 "answers": [{"answer_id": 1, "poll_media": {"text": "Pizza",
                              "emoji": {"id": null, "name": "🍕"}}}],
                 "results": {"is_finalized": false,
                             "answer_counts": [{"id": 1, "count": 3, "me_voted": true}]}},
        "thread": {"id": "11", "type": 11, "name": "discussion"},
        "components": [{"type": 1, "id": 1, "components": [
            {"type": 2, "id": 2, "style": 1, "label": "Go", "custom_id": "go"}]}],
        "sticker_items": [{"id": "5", "name": "wave", "format_type": 9}],
        "activity": {"type": 1, "party_id": "p"},
        "application": {"id": "12", "name": "game", "description": "", "icon": null},
        "call": {"participants": ["1"], "ended_timestamp": null},
        "role_subscription_data": {"role_subscription_listing_id": "13", "tier_name": "gold",
                                   "total_months_subscribed": 2, "is_renewal": true},
        "something_new": [1, 2, 3]
    }))
    .unwrap();
    assert!(message.is_reply());
    assert_eq!(message.nonce, Some(Nonce::String("abc".into())));
    let replied = message.referenced_message.as_ref().unwrap();
    assert_eq!(
        (replied.content.as_str(), &replied.nonce),
        ("first", &Some(Nonce::Integer(17)))
    );
    let snapshot = &message.message_snapshots[0].message;
    assert_eq!(snapshot.content, "forwarded");
    assert_eq!(snapshot.embeds[0].kind, Some(EmbedType::Rich));
    assert_eq!(
        snapshot.sticker_items[0].format_type,
        StickerFormatType::Png
    );
    assert_eq!(
        message.sticker_items[0].format_type,
        StickerFormatType::Unknown(9)
    );
    let metadata = message.interaction_metadata.as_ref().unwrap();
    assert_eq!(metadata.kind, InteractionType::ModalSubmit);
    assert_eq!(
        metadata.authorizing_integration_owners.guild,
        Some(Id::new(77))
    );
    let trigger = metadata.triggering_interaction_metadata.as_ref().unwrap();
    assert_eq!(trigger.interacted_message_id, Some(Id::new(6)));
    assert_eq!(
        trigger.authorizing_integration_owners.user,
        Some(Id::new(1))
    );
    let poll = message.poll.as_ref().unwrap();
    assert_eq!(
        poll.answers[0].poll_media.emoji,
        Some(PartialEmoji::unicode("🍕"))
    );
    assert_eq!(poll.results.as_ref().unwrap().answer_counts[0].count, 3);
    assert_eq!(
        message.thread.as_ref().unwrap().kind,
        ChannelType::PublicThread
    );
    let Component::ActionRow(row) = &message.components[0] else {
        panic!("an action row")
    };
    let Component::Button(button) = &row.components[0] else {
        panic!("a button")
    };
    assert_eq!(button.style, ButtonStyle::Primary);
    assert_eq!(
        message.activity.as_ref().unwrap().kind,
        MessageActivityType::Join
    );
    assert!(message.role_subscription_data.as_ref().unwrap().is_renewal);
    assert_eq!(message.call.as_ref().unwrap().participants, [Id::new(1)]);
    assert_eq!(message.position, Some(4));
}

#[test]
fn unknown_types_are_kept_and_messages_re_encode() {
    let message: Message = serde_json::from_value(json!({
        "id": "3", "channel_id": "2", "author": author(), "type": 250,
        "message_reference": {"type": 4, "message_id": "1"}
    }))
    .unwrap();
    assert_eq!(message.kind, MessageType::Unknown(250));
    assert_eq!(
        message.message_reference.unwrap().kind,
        MessageReferenceType::Unknown(4)
    );
    let again: Message = serde_json::from_value(serde_json::to_value(&message).unwrap()).unwrap();
    assert_eq!(again, message);
}

#[test]
fn the_message_stays_lean() {
    // Rare parts are boxed: a message is a few hundred bytes before its heap parts (its author,
    // a full user, is inline: every message has one).
    assert!(
        std::mem::size_of::<Message>() <= 720,
        "{}",
        std::mem::size_of::<Message>()
    );
}

#[test]
fn poll_round_trips_as_sent() {
    let sent = json!({
        "question": {"text": "Lunch?"},
        "answers": [{"poll_media": {"text": "Pizza"}},
                    {"poll_media": {"text": "Sushi", "emoji": {"name": "🍣"}}}],
        "duration": 4, "allow_multiselect": true, "layout_type": 1
    });
    let poll: CreatePoll = serde_json::from_value(sent.clone()).unwrap();
    assert_eq!(serde_json::to_value(&poll).unwrap(), sent);
    let built = CreatePoll::new("Lunch?")
        .answer("Pizza")
        .answer_with_emoji("Sushi", PartialEmoji::unicode("🍣"))
        .duration_hours(4)
        .allow_multiselect(true);
    assert_eq!(
        serde_json::to_value(&built).unwrap(),
        json!({"question": {"text": "Lunch?"},
               "answers": [{"poll_media": {"text": "Pizza"}},
                           {"poll_media": {"text": "Sushi", "emoji": {"name": "🍣"}}}],
               "duration": 4, "allow_multiselect": true})
    );
}

#[test]
fn custom_emojis_mention() {
    let emoji = PartialEmoji::custom(Id::new(5), "blob", true);
    assert_eq!(emoji.mention(), "<a:blob:5>");
    assert_eq!(
        serde_json::to_value(&emoji).unwrap(),
        json!({"id": "5", "name": "blob", "animated": true})
    );
}

#[test]
fn one_odd_field_does_not_fail_the_message() {
    let (message, dropped) = crate::model::decode_lenient::<Message>(json!({
        "id": "3", "channel_id": "2", "author": author(), "content": "hi",
        "poll": {"question": "not an object"},
        "reactions": [{"emoji": {"name": "🔥"}, "count": "many"}]
    }))
    .unwrap();
    assert_eq!(message.content, "hi");
    assert!(message.poll.is_none());
    assert_eq!(dropped, ["poll.question", "poll", "reactions[0].count"]);
}
