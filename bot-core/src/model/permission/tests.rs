use super::*;

const GUILD: Id<GuildMarker> = Id::new(100);
const OWNER: Id<UserMarker> = Id::new(1);
const MEMBER: Id<UserMarker> = Id::new(2);
const MODS: Id<RoleMarker> = Id::new(10);
const MUTED: Id<RoleMarker> = Id::new(11);

fn now() -> Timestamp {
    Timestamp::from_unix_seconds(1_700_000_000)
}

fn everyone() -> Permissions {
    Permissions::VIEW_CHANNEL | Permissions::SEND_MESSAGES | Permissions::READ_MESSAGE_HISTORY
}

fn member() -> PermissionCalculator {
    PermissionCalculator::new(GUILD, OWNER, MEMBER, everyone())
}

fn role(id: Id<RoleMarker>, allow: Permissions, deny: Permissions) -> PermissionOverwrite {
    PermissionOverwrite::role(id, allow, deny)
}

#[test]
fn the_owner_has_everything_whatever_the_overwrites() {
    let owner = PermissionCalculator::new(GUILD, OWNER, OWNER, Permissions::empty());
    let deny_all = [PermissionOverwrite::member(
        OWNER,
        Permissions::empty(),
        Permissions::all(),
    )];
    assert_eq!(owner.guild(now()), Permissions::all());
    assert_eq!(owner.in_channel(&deny_all, now()), Permissions::all());
}

#[test]
fn administrators_have_everything_even_timed_out() {
    let admin = member()
        .role(MODS, Permissions::ADMINISTRATOR)
        .timed_out_until(Some(Timestamp::from_unix_seconds(1_800_000_000)));
    let deny = [role(GUILD.cast(), Permissions::empty(), Permissions::all())];
    assert_eq!(admin.guild(now()), Permissions::all());
    assert_eq!(admin.in_channel(&deny, now()), Permissions::all());
}

#[test]
fn base_is_everyone_and_roles() {
    let calc = member().role(MODS, Permissions::KICK_MEMBERS);
    assert_eq!(calc.guild(now()), everyone() | Permissions::KICK_MEMBERS);
    assert_eq!(
        calc.in_channel(&[], now()),
        everyone() | Permissions::KICK_MEMBERS
    );
}

#[test]
fn everyone_overwrite_denies_then_allows() {
    let overwrites = [role(
        GUILD.cast(),
        Permissions::ADD_REACTIONS,
        Permissions::SEND_MESSAGES,
    )];
    assert_eq!(
        member().in_channel(&overwrites, now()),
        Permissions::VIEW_CHANNEL | Permissions::READ_MESSAGE_HISTORY | Permissions::ADD_REACTIONS
    );
}

#[test]
fn role_overwrites_allow_over_deny_and_over_everyone() {
    let overwrites = [
        role(
            GUILD.cast(),
            Permissions::empty(),
            Permissions::VIEW_CHANNEL,
        ),
        role(MODS, Permissions::VIEW_CHANNEL, Permissions::empty()),
        role(
            MUTED,
            Permissions::empty(),
            Permissions::VIEW_CHANNEL | Permissions::SEND_MESSAGES,
        ),
    ];
    let both = member()
        .role(MODS, Permissions::empty())
        .role(MUTED, Permissions::empty());
    // A role's allow wins over another role's deny.
    assert!(
        both.in_channel(&overwrites, now())
            .contains(Permissions::VIEW_CHANNEL)
    );
    assert!(
        !both
            .in_channel(&overwrites, now())
            .contains(Permissions::SEND_MESSAGES)
    );
    let muted = member().role(MUTED, Permissions::empty());
    assert!(
        !muted
            .in_channel(&overwrites, now())
            .contains(Permissions::VIEW_CHANNEL)
    );
    // Overwrites of roles the member lacks do not apply.
    assert_eq!(
        member().in_channel(&overwrites[..2], now()),
        everyone() - Permissions::VIEW_CHANNEL
    );
}

#[test]
fn member_overwrite_comes_last() {
    let overwrites = [
        PermissionOverwrite::member(
            MEMBER,
            Permissions::SEND_MESSAGES,
            Permissions::VIEW_CHANNEL,
        ),
        role(MODS, Permissions::VIEW_CHANNEL, Permissions::SEND_MESSAGES),
        PermissionOverwrite::member(OWNER, Permissions::all(), Permissions::empty()),
    ];
    let calc = member().role(MODS, Permissions::empty());
    let result = calc.in_channel(&overwrites, now());
    assert!(result.contains(Permissions::SEND_MESSAGES));
    assert!(!result.contains(Permissions::VIEW_CHANNEL));
    // A role overwrite with the member's id is not a member overwrite.
    let same_id = [role(
        MEMBER.cast(),
        Permissions::empty(),
        Permissions::all(),
    )];
    assert_eq!(member().in_channel(&same_id, now()), everyone());
}

#[test]
fn timed_out_members_keep_view_and_history_until_the_end() {
    let until = Timestamp::from_unix_seconds(1_700_000_600);
    let calc = member()
        .role(
            MODS,
            Permissions::KICK_MEMBERS | Permissions::MANAGE_MESSAGES,
        )
        .timed_out_until(Some(until));
    assert_eq!(calc.guild(now()), PermissionCalculator::TIMED_OUT);
    let hide = [role(
        GUILD.cast(),
        Permissions::empty(),
        Permissions::READ_MESSAGE_HISTORY,
    )];
    assert_eq!(calc.in_channel(&hide, now()), Permissions::VIEW_CHANNEL);
    let later = Timestamp::from_unix_seconds(1_700_000_601);
    assert!(calc.guild(later).contains(Permissions::KICK_MEMBERS));
}

#[test]
fn roles_from_role_objects() {
    let role: Role = serde_json::from_value(serde_json::json!({
        "id": "10", "name": "mods", "permissions": "8", "position": 1
    }))
    .unwrap();
    let calc = member().roles([&role]);
    assert_eq!(calc.guild(now()), Permissions::all());
}
