//! The walk of the miscellaneous routes (issue 26): every typed call for invites by code (with
//! their target users), stage instances, stickers and sticker packs, the default soundboard
//! sounds, gateway discovery and the bot's guilds with counts, once through the proxy — so
//! that the SDK's requests and the sandbox's answers are validated — with an error path each
//! where the path can be wrong.

use bot_core::http::{GuildsFrom, Http, HttpError};
use bot_core::model::{
    CreateInvite, CreateStageInstance, EditStageInstance, Id, Permissions, StagePrivacyLevel,
};
use bot_sandbox::{DefaultGuild, SandboxHandle};
use futures_util::TryStreamExt;

fn status(error: HttpError) -> Option<u16> {
    match error {
        HttpError::Api { status, .. } => Some(status),
        _ => None,
    }
}

/// Calls every miscellaneous route through `http` (the SDK, through the proxy).
pub async fn misc(sandbox: &SandboxHandle, world: DefaultGuild, http: &Http) {
    let moderator = Permissions::VIEW_CHANNEL
        | Permissions::CREATE_INSTANT_INVITE
        | Permissions::MANAGE_CHANNELS
        | Permissions::MUTE_MEMBERS
        | Permissions::MOVE_MEMBERS;
    let role = sandbox
        .add_role(world.guild, "misc-walker", moderator.bits())
        .expect("the guild");
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[role]));

    // Invites by code.
    let invite = http
        .create_channel_invite(
            Id::new(world.channel),
            &CreateInvite::new().unique(true),
            None,
        )
        .await
        .expect("an invite");
    let fetched = http
        .invite(&invite.code, true, None)
        .await
        .expect("resolved");
    assert!(fetched.approximate_member_count.is_some());
    assert_eq!(
        status(http.invite("unknown0", false, None).await.unwrap_err()),
        Some(404)
    );
    http.set_invite_target_users(&invite.code, &[Id::new(world.member)])
        .await
        .expect("target users set");
    let targets = http
        .invite_target_users(&invite.code)
        .await
        .expect("target users");
    assert_eq!(targets, [Id::new(world.member)]);
    http.invite_target_users_job(&invite.code)
        .await
        .expect("the job");
    http.delete_invite(&invite.code, Some("walk"))
        .await
        .expect("revoked");
    assert_eq!(
        status(http.delete_invite(&invite.code, None).await.unwrap_err()),
        Some(404)
    );

    // Stage instances.
    let stage = Id::new(
        sandbox
            .create_channel(world.guild, "walk-stage", 13)
            .expect("a stage channel"),
    );
    http.create_stage_instance(
        &CreateStageInstance::new(stage, "Walking").privacy_level(StagePrivacyLevel::GuildOnly),
        Some("walk"),
    )
    .await
    .expect("started");
    http.stage_instance(stage).await.expect("live");
    http.edit_stage_instance(stage, &EditStageInstance::new().topic("Walked"), None)
        .await
        .expect("edited");
    http.delete_stage_instance(stage, None)
        .await
        .expect("ended");
    assert_eq!(
        status(http.stage_instance(stage).await.unwrap_err()),
        Some(404)
    );

    // Discord's catalog.
    let packs = http.sticker_packs().await.expect("the packs");
    let pack = http.sticker_pack(packs[0].id).await.expect("a pack");
    http.sticker(pack.stickers[0].id).await.expect("a sticker");
    assert_eq!(
        status(http.sticker(Id::new(1)).await.unwrap_err()),
        Some(404)
    );
    assert!(
        !http
            .default_soundboard_sounds()
            .await
            .expect("the sounds")
            .is_empty()
    );

    // Gateway discovery and the bot's guilds.
    http.gateway().await.expect("the gateway URL");
    let guilds: Vec<_> = http
        .current_user_guilds(GuildsFrom::Before(Id::new(u64::MAX >> 1)), Some(5), true)
        .try_collect()
        .await
        .expect("the guilds");
    assert!(guilds.iter().all(|g| g.approximate_member_count.is_some()));
}
