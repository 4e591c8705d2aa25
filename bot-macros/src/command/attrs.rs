//! Parsing a command's own attributes: `#[slash_command(name = "...", guild_ids = [...], ...)]`.

use super::ir::{CommandAttrs, Localized, Placement, Spanned};
use crate::diag::Errors;
use crate::literal;
use bot_spec::{ChannelType, CommandKind, IntegrationType, InteractionContextType};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned as _;
use syn::{Expr, Meta, Token};

const COMMAND_KEYS: &[&str] = &[
    "name",
    "description",
    "name_localized",
    "description_localized",
    "guild_ids",
    "default_member_permissions",
    "contexts",
    "integration_types",
    "nsfw",
    "checks",
    "cooldown",
    "max_concurrency",
    "auto_defer",
    "before_invoke",
    "after_invoke",
    "on_error",
];
const TOP_LEVEL_KEYS: &[&str] = &[
    "guild_ids",
    "default_member_permissions",
    "contexts",
    "integration_types",
    "nsfw",
];
pub(super) fn one_of(keys: &[&str]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn key_of(path: &syn::Path) -> String {
    path.get_ident()
        .map(|i| i.to_string())
        .unwrap_or_else(|| quote::quote!(#path).to_string().replace(' ', ""))
}

/// `("fr", "text")` inside a list attribute.
pub(super) fn localized(list: &syn::MetaList) -> syn::Result<Localized> {
    let args = list.parse_args_with(Punctuated::<Expr, Token![,]>::parse_terminated)?;
    let items: Vec<&Expr> = args.iter().collect();
    match items.as_slice() {
        [locale, text] => {
            let (locale, _) = literal::string(locale)?;
            let (text, _) = literal::string(text)?;
            Ok(Spanned::new((locale, text), list.span()))
        }
        _ => Err(syn::Error::new(
            list.span(),
            "expected `(\"locale\", \"text\")`, e.g. `(\"fr\", \"bonjour\")`",
        )),
    }
}

pub(super) fn enum_list<T>(
    expr: &Expr,
    known: &[(&str, T)],
    what: &str,
) -> syn::Result<Spanned<Vec<T>>>
where
    T: Copy,
{
    let mut out = Vec::new();
    for item in literal::array(expr)? {
        let ident = literal::ident(item)?;
        let found = known.iter().find(|(name, _)| ident == name);
        match found {
            Some((_, value)) => out.push(*value),
            None => {
                let names: Vec<&str> = known.iter().map(|(n, _)| *n).collect();
                return Err(syn::Error::new(
                    ident.span(),
                    format!(
                        "unknown {what} `{ident}`; expected one of: {}",
                        one_of(&names)
                    ),
                ));
            }
        }
    }
    Ok(Spanned::new(out, expr.span()))
}

const CONTEXTS: &[(&str, InteractionContextType)] = &[
    ("Guild", InteractionContextType::Guild),
    ("BotDm", InteractionContextType::BotDm),
    ("PrivateChannel", InteractionContextType::PrivateChannel),
];
const INTEGRATION_TYPES: &[(&str, IntegrationType)] = &[
    ("GuildInstall", IntegrationType::GuildInstall),
    ("UserInstall", IntegrationType::UserInstall),
];
pub(super) const CHANNEL_TYPES: &[(&str, ChannelType)] = &[
    ("GuildText", ChannelType::GuildText),
    ("Dm", ChannelType::Dm),
    ("GuildVoice", ChannelType::GuildVoice),
    ("GroupDm", ChannelType::GroupDm),
    ("GuildCategory", ChannelType::GuildCategory),
    ("GuildAnnouncement", ChannelType::GuildAnnouncement),
    ("AnnouncementThread", ChannelType::AnnouncementThread),
    ("PublicThread", ChannelType::PublicThread),
    ("PrivateThread", ChannelType::PrivateThread),
    ("GuildStageVoice", ChannelType::GuildStageVoice),
    ("GuildDirectory", ChannelType::GuildDirectory),
    ("GuildForum", ChannelType::GuildForum),
    ("GuildMedia", ChannelType::GuildMedia),
];

/// Parses the arguments of `#[slash_command(...)]` and friends.
pub(crate) fn parse_command_attrs(
    args: proc_macro2::TokenStream,
    kind: CommandKind,
    placement: Placement,
    errors: &mut Errors,
) -> CommandAttrs {
    let mut attrs = CommandAttrs {
        name: None,
        description: None,
        name_localized: Vec::new(),
        description_localized: Vec::new(),
        guild_ids: None,
        default_member_permissions: None,
        contexts: None,
        integration_types: None,
        nsfw: None,
        around: Default::default(),
    };
    let metas =
        match syn::parse::Parser::parse2(Punctuated::<Meta, Token![,]>::parse_terminated, args) {
            Ok(metas) => metas,
            Err(e) => {
                errors.push(e);
                return attrs;
            }
        };
    let allowed: Vec<&str> = COMMAND_KEYS
        .iter()
        .copied()
        .filter(|k| kind == CommandKind::ChatInput || !k.starts_with("description"))
        .filter(|k| placement == Placement::TopLevel || !TOP_LEVEL_KEYS.contains(k))
        .collect();
    for meta in metas {
        let key = key_of(meta.path());
        if !allowed.contains(&key.as_str()) {
            let why = if TOP_LEVEL_KEYS.contains(&key.as_str())
                && placement == Placement::Subcommand
            {
                format!(
                    "`{key}` applies to a whole command, not to a subcommand: put it on the \
                     top-level `#[slash_group(...)]` (Discord: top-level-only field)"
                )
            } else if key.starts_with("description") && kind != CommandKind::ChatInput {
                format!(
                    "`{key}`: user and message commands have no description (Discord requires it \
                     to be empty)"
                )
            } else {
                format!(
                    "unknown attribute `{key}`; expected one of: {}",
                    one_of(&allowed)
                )
            };
            errors.add(meta.path().span(), why);
            continue;
        }
        let result: syn::Result<()> = (|| {
            match (key.as_str(), &meta) {
                ("name", Meta::NameValue(nv)) => {
                    let (s, span) = literal::string(&nv.value)?;
                    attrs.name = Some(Spanned::new(s, span));
                }
                ("description", Meta::NameValue(nv)) => {
                    let (s, span) = literal::string(&nv.value)?;
                    attrs.description = Some(Spanned::new(s, span));
                }
                ("name_localized", Meta::List(list)) => attrs.name_localized.push(localized(list)?),
                ("description_localized", Meta::List(list)) => {
                    attrs.description_localized.push(localized(list)?)
                }
                ("guild_ids", Meta::NameValue(nv)) => {
                    let ids = literal::array(&nv.value)?
                        .into_iter()
                        .map(literal::unsigned)
                        .collect::<syn::Result<Vec<_>>>()?;
                    attrs.guild_ids = Some(Spanned::new(ids, nv.value.span()));
                }
                ("default_member_permissions", Meta::NameValue(nv)) => {
                    attrs.default_member_permissions = Some(nv.value.clone());
                }
                ("contexts", Meta::NameValue(nv)) => {
                    attrs.contexts = Some(enum_list(&nv.value, CONTEXTS, "context")?);
                }
                ("integration_types", Meta::NameValue(nv)) => {
                    attrs.integration_types =
                        Some(enum_list(&nv.value, INTEGRATION_TYPES, "integration type")?);
                }
                ("nsfw", Meta::Path(path)) => attrs.nsfw = Some(path.span()),
                (key, meta) if super::around::KEYS.contains(&key) => {
                    super::around::parse(key, meta, &mut attrs.around)?
                }
                (key, meta) => {
                    let form = match key {
                        "nsfw" => "`nsfw`",
                        "name_localized" | "description_localized" => "`key(\"locale\", \"text\")`",
                        _ => "`key = value`",
                    };
                    return Err(syn::Error::new(meta.span(), format!("expected {form}")));
                }
            }
            Ok(())
        })();
        errors.ok(result);
    }
    attrs
}
