//! OAuth2 scopes (developers/topics/oauth2.mdx; spec `OAuth2Scopes`).

use super::enums::str_enum;

str_enum! {
    /// An OAuth2 scope (spec `OAuth2Scopes`).
    pub enum OAuth2Scope {
        /// `identify`.
        Identify = "identify",
        /// `email`.
        Email = "email",
        /// `connections`.
        Connections = "connections",
        /// `guilds`.
        Guilds = "guilds",
        /// `guilds.join`.
        GuildsJoin = "guilds.join",
        /// `guilds.members.read`.
        GuildsMembersRead = "guilds.members.read",
        /// `gdm.join`.
        GdmJoin = "gdm.join",
        /// `bot`.
        Bot = "bot",
        /// `rpc`.
        Rpc = "rpc",
        /// `messages.read`.
        MessagesRead = "messages.read",
        /// `webhook.incoming`.
        WebhookIncoming = "webhook.incoming",
        /// `applications.builds.upload`.
        ApplicationsBuildsUpload = "applications.builds.upload",
        /// `applications.builds.read`.
        ApplicationsBuildsRead = "applications.builds.read",
        /// `applications.commands`.
        ApplicationsCommands = "applications.commands",
        /// `applications.commands.permissions.update`.
        ApplicationsCommandsPermissionsUpdate = "applications.commands.permissions.update",
        /// `applications.commands.update`.
        ApplicationsCommandsUpdate = "applications.commands.update",
        /// `applications.store.update`.
        ApplicationsStoreUpdate = "applications.store.update",
        /// `applications.entitlements`.
        ApplicationsEntitlements = "applications.entitlements",
        /// `activities.read`.
        ActivitiesRead = "activities.read",
        /// `activities.write`.
        ActivitiesWrite = "activities.write",
        /// `relationships.read`.
        RelationshipsRead = "relationships.read",
        /// `voice`.
        Voice = "voice",
        /// `dm_channels.read`.
        DmChannelsRead = "dm_channels.read",
        /// `role_connections.write`.
        RoleConnectionsWrite = "role_connections.write",
        /// `openid`.
        Openid = "openid",
    }
}
