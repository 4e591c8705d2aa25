//! Running a sync: read each scope, plan it, hold back what the guards forbid, write the rest.

use super::diff::{as_written, diff_scope, id_of, key_of};
use super::{DesyncedCommand, SyncAction, SyncGuard, SyncMethod, SyncOptions, SyncReport};
use crate::command::CommandScope;
use crate::http::{Http, HttpError};
use crate::model::{ApplicationMarker, GuildMarker, Id};
use serde_json::Value;
use std::collections::BTreeMap;

/// One scope as read from Discord and planned.
struct ScopePlan {
    scope: CommandScope,
    wanted: Vec<Value>,
    existing: Vec<Value>,
    actions: Vec<DesyncedCommand>,
}

impl ScopePlan {
    fn guild(&self) -> Option<Id<GuildMarker>> {
        match self.scope {
            CommandScope::Global => None,
            CommandScope::Guild(id) => Some(id),
        }
    }

    fn differs(&self) -> bool {
        self.actions.iter().any(|a| {
            !matches!(
                a.action,
                SyncAction::Unchanged { .. } | SyncAction::Kept { .. }
            )
        })
    }

    /// The bulk-overwrite body: the registry's commands, and the ones Discord has that are kept.
    fn bulk_body(&self) -> Vec<Value> {
        let mut body = self.wanted.clone();
        for action in &self.actions {
            if let SyncAction::Kept { id } = action.action
                && let Some(stored) = self.existing.iter().find(|e| id_of(e) == Some(id))
            {
                body.push(as_written(stored));
            }
        }
        body
    }
}

/// Syncs `scopes` with Discord: `desired` holds the registry's body of each scope (a scope
/// without one gets no command). `empty_registry` arms the guard against wiping every command.
pub(crate) async fn sync(
    http: &Http,
    application: Id<ApplicationMarker>,
    desired: &BTreeMap<CommandScope, Value>,
    scopes: &[CommandScope],
    options: &SyncOptions,
    empty_registry: bool,
) -> Result<SyncReport, HttpError> {
    let mut plans = Vec::with_capacity(scopes.len());
    for &scope in scopes {
        let wanted: Vec<Value> = desired
            .get(&scope)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let guild = match scope {
            CommandScope::Global => None,
            CommandScope::Guild(id) => Some(id),
        };
        let existing = http.commands(application, guild).await?;
        let actions = diff_scope(scope, &wanted, &existing, options.delete_existing);
        plans.push(ScopePlan {
            scope,
            wanted,
            existing,
            actions,
        });
    }
    let mut report = SyncReport::default();
    if empty_registry && !options.allow_empty_registry {
        let would_delete = hold_back_deletes(&mut plans);
        if would_delete > 0 {
            tracing::warn!(
                would_delete,
                "command sync wrote nothing: this program defines no command, so it would have \
                 deleted every command Discord has. If the commands live in another crate, the \
                 binary must link it (`use my_commands as _;`); to delete them on purpose, set \
                 SyncOptions::allow_empty_registry"
            );
            report.guarded = Some(SyncGuard::EmptyRegistry { would_delete });
        }
    }
    for plan in plans {
        write_scope(http, application, &plan, options, &mut report).await?;
        report.commands.extend(plan.actions);
    }
    Ok(report)
}

/// Turns every planned delete into a keep; returns how many there were.
fn hold_back_deletes(plans: &mut [ScopePlan]) -> usize {
    let mut held = 0;
    for action in plans.iter_mut().flat_map(|p| p.actions.iter_mut()) {
        if let SyncAction::Delete { id } = action.action {
            action.action = SyncAction::Kept { id };
            held += 1;
        }
    }
    held
}

async fn write_scope(
    http: &Http,
    application: Id<ApplicationMarker>,
    plan: &ScopePlan,
    options: &SyncOptions,
    report: &mut SyncReport,
) -> Result<(), HttpError> {
    let scope = plan.scope;
    for action in &plan.actions {
        if let SyncAction::Unchanged { id } | SyncAction::Edit { id } = action.action {
            report
                .ids
                .insert((scope, action.kind, action.name.clone()), id);
        }
    }
    if options.dry_run || report.guarded.is_some() || !(plan.differs() || options.force) {
        return Ok(());
    }
    let guild = plan.guild();
    let written = match options.method {
        SyncMethod::Bulk => {
            report.writes += 1;
            http.bulk_overwrite_commands(application, guild, &plan.bulk_body())
                .await?
        }
        SyncMethod::Individual => {
            let mut written = Vec::new();
            for action in &plan.actions {
                match &action.action {
                    SyncAction::Delete { id } => {
                        report.writes += 1;
                        http.delete_command(application, guild, *id).await?;
                    }
                    SyncAction::Kept { .. } => {}
                    SyncAction::Unchanged { .. } if !options.force => {}
                    _ => {
                        let Some(body) = plan
                            .wanted
                            .iter()
                            .find(|w| key_of(w) == (action.kind, action.name.clone()))
                        else {
                            continue;
                        };
                        report.writes += 1;
                        written.push(http.upsert_command(application, guild, body).await?);
                    }
                }
            }
            written
        }
    };
    for command in &written {
        if let Some(id) = id_of(command) {
            let (kind, name) = key_of(command);
            let defined = plan
                .wanted
                .iter()
                .any(|w| key_of(w) == (kind, name.clone()));
            if defined {
                report.ids.insert((scope, kind, name), id);
            }
        }
    }
    Ok(())
}
