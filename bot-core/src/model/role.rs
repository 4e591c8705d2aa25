//! Guild roles, their tags and colours (developers/topics/permissions.mdx, role object; spec
//! `GuildRoleResponse`).

use super::serde_util::{is_false, present, write_present};
use super::{Id, IntegrationMarker, Permissions, RoleFlags, RoleMarker, SkuMarker, UserMarker};
use serde::{Deserialize, Serialize};

/// A guild role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Role {
    /// The role's id.
    pub id: Id<RoleMarker>,
    /// The role's name.
    pub name: String,
    /// The role's permissions.
    #[serde(default)]
    pub permissions: Option<Permissions>,
    /// The role's position (roles of equal position sort by id).
    #[serde(default)]
    pub position: i64,
    /// The colour as an integer (`0`: none); deprecated in favour of `colors`.
    #[serde(default)]
    pub color: u32,
    /// The role's colours.
    #[serde(default)]
    pub colors: Option<RoleColors>,
    /// Whether members are shown apart in the member list.
    #[serde(default)]
    pub hoist: bool,
    /// The role icon's hash.
    #[serde(default)]
    pub icon: Option<Box<str>>,
    /// The role's unicode emoji.
    #[serde(default)]
    pub unicode_emoji: Option<Box<str>>,
    /// Whether an integration manages the role.
    #[serde(default)]
    pub managed: bool,
    /// Whether anyone may mention the role.
    #[serde(default)]
    pub mentionable: bool,
    /// What the role is tied to (bot, integration, boosts, subscriptions).
    #[serde(default)]
    pub tags: Option<Box<RoleTags>>,
    /// The role's flags.
    #[serde(default)]
    pub flags: RoleFlags,
}

impl Role {
    /// A mention of the role (`<@&id>`).
    pub fn mention(&self) -> String {
        format!("<@&{}>", self.id)
    }
}

/// A role's colours: one, or a gradient of two or three (spec `GuildRoleColorsResponse`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RoleColors {
    /// The main colour.
    #[serde(default)]
    pub primary_color: u32,
    /// The gradient's second colour.
    #[serde(default)]
    pub secondary_color: Option<u32>,
    /// The third colour (the holographic style).
    #[serde(default)]
    pub tertiary_color: Option<u32>,
}

/// What a role is tied to (spec `GuildRoleTagsResponse`). The three `bool` fields are sent as
/// `null` when true and left out when false.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RoleTags {
    /// The bot the role belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bot_id: Option<Id<UserMarker>>,
    /// The integration the role belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_id: Option<Id<IntegrationMarker>>,
    /// Whether this is the guild's booster role.
    #[serde(
        default,
        deserialize_with = "present",
        serialize_with = "write_present",
        skip_serializing_if = "is_false"
    )]
    pub premium_subscriber: bool,
    /// The role subscription's SKU listing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_listing_id: Option<Id<SkuMarker>>,
    /// Whether the role can be bought.
    #[serde(
        default,
        deserialize_with = "present",
        serialize_with = "write_present",
        skip_serializing_if = "is_false"
    )]
    pub available_for_purchase: bool,
    /// Whether the role is a guild's linked role.
    #[serde(
        default,
        deserialize_with = "present",
        serialize_with = "write_present",
        skip_serializing_if = "is_false"
    )]
    pub guild_connections: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_role_decodes() {
        // developers/topics/permissions.mdx, "Example Role".
        let role: Role = serde_json::from_value(serde_json::json!({
            "id": "41771983423143936",
            "name": "WE DEM BOYZZ!!!!!!",
            "color": 3447003,
            "colors": {"primary_color": 3447003, "secondary_color": null, "tertiary_color": null},
            "hoist": true,
            "icon": "cf3ced8600b777c9486c0d7d54cba8f4",
            "unicode_emoji": null,
            "position": 1,
            "permissions": "66321471",
            "managed": false,
            "mentionable": false,
            "flags": 0,
            "tags": {"premium_subscriber": null, "bot_id": "1"}
        }))
        .unwrap();
        assert_eq!(role.colors.unwrap().primary_color, 3447003);
        assert_eq!(role.permissions.unwrap().bits(), 66321471);
        let tags = role.tags.as_deref().unwrap();
        assert!(tags.premium_subscriber && !tags.guild_connections);
        assert_eq!(tags.bot_id, Some(Id::new(1)));
        let back = serde_json::to_value(tags).unwrap();
        assert_eq!(
            back,
            serde_json::json!({"bot_id": "1", "premium_subscriber": null})
        );
        assert_eq!(serde_json::from_value::<RoleTags>(back).unwrap(), *tags);
    }
}
