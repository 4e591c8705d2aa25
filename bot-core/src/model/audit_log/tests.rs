use super::*;
use crate::model::Permissions;
use serde_json::json;

#[test]
fn entries_decode_with_typed_and_raw_changes() {
    let log: AuditLog = serde_json::from_value(json!({
        "audit_log_entries": [{
            "id": "1", "action_type": 25, "user_id": "2", "target_id": "3",
            "changes": [
                {"key": "$add", "new_value": [{"id": "4", "name": "Mods"}]},
                {"key": "nick", "old_value": "a", "new_value": "b"},
                {"key": "permissions", "old_value": "0", "new_value": "2048"},
                {"key": "name", "new_value": 12},
                {"key": "some_new_key", "new_value": {"x": [1, 2]}}
            ],
            "reason": "promotion"
        }, {
            "id": "5", "action_type": 72, "user_id": "2", "target_id": "3",
            "options": {"channel_id": "6", "count": "3"}
        }, {
            "id": "7", "action_type": 143, "user_id": "2", "target_id": "3",
            "options": {"auto_moderation_rule_name": "No links",
                        "auto_moderation_rule_trigger_type": "1", "channel_id": "6"}
        }, {
            "id": "8", "action_type": 999, "user_id": null, "target_id": null
        }],
        "users": [{"id": "2", "username": "admin"}],
        "integrations": [{"id": "9", "name": "A Name", "type": "twitch",
                          "account": {"name": "twitchusername", "id": "1234567"},
                          "application_id": "94651234501213162"}],
        "webhooks": [], "guild_scheduled_events": [], "auto_moderation_rules": [],
        "threads": [], "application_commands": []
    }))
    .unwrap();
    let entry = &log.audit_log_entries[0];
    assert_eq!(entry.action_type, AuditLogEvent::MemberRoleUpdate);
    let AuditLogChange::RolesAdded(added) = &entry.changes[0] else {
        panic!("{:?}", entry.changes[0]);
    };
    assert_eq!(added.new.as_ref().unwrap()[0].name.as_ref(), "Mods");
    assert_eq!(
        entry.changes[1],
        AuditLogChange::Nick(Change {
            old: Some("a".into()),
            new: Some("b".into())
        })
    );
    let AuditLogChange::Permissions(permissions) = &entry.changes[2] else {
        panic!("{:?}", entry.changes[2]);
    };
    assert_eq!(permissions.new, Some(Permissions::SEND_MESSAGES));
    // A known key with an odd value, and an unknown key, stay raw.
    assert!(matches!(&entry.changes[3], AuditLogChange::Other { key, .. } if &**key == "name"));
    assert_eq!(entry.changes[4].key(), "some_new_key");
    let options = log.audit_log_entries[1].options.as_deref().unwrap();
    assert_eq!(options.count, Some(3));
    let automod = log.audit_log_entries[2].options.as_deref().unwrap();
    assert_eq!(
        automod.trigger_type(),
        Some(AutoModerationTriggerType::Keyword)
    );
    assert_eq!(
        log.audit_log_entries[3].action_type,
        AuditLogEvent::Unknown(999)
    );
    assert_eq!(log.integrations[0].kind, IntegrationType::Twitch);
}

#[test]
fn changes_encode_back_as_sent() {
    for change in [
        json!({"key": "$remove", "new_value": [{"id": "4", "name": "Mods"}]}),
        json!({"key": "nick", "old_value": "a"}),
        json!({"key": "verification_level", "old_value": 1, "new_value": 3}),
        json!({"key": "communication_disabled_until",
               "new_value": "2024-01-01T00:00:00.000000+00:00"}),
        json!({"key": "mystery", "old_value": [1], "new_value": {"a": null}}),
    ] {
        let decoded: AuditLogChange = serde_json::from_value(change.clone()).unwrap();
        assert_eq!(serde_json::to_value(&decoded).unwrap(), change);
    }
    let options = AuditLogOptions {
        count: Some(2),
        ..AuditLogOptions::default()
    };
    let value = serde_json::to_value(&options).unwrap();
    assert_eq!(value["count"], json!("2"));
    assert_eq!(
        serde_json::from_value::<AuditLogOptions>(value).unwrap(),
        options
    );
}
