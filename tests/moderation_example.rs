//! The moderation example runs offline in a fresh process: the README's `/ban` bans, and the
//! bot's timeout, roles and kick are in the audit log with their reasons. Its `ban` command is
//! the README's, line for line.

mod common;

use common::run_example;

/// The text of `async fn ban(` and the attribute above it, to the function's end, without its
/// whitespace (rustfmt lays the example out; the README keeps its own line breaks).
fn ban_command(source: &str) -> String {
    let start = source.find("/// Bans a member.").expect("the ban command");
    let end = source[start..].find("\n}\n").expect("its end") + start + 3;
    source[start..end].split_whitespace().collect()
}

#[test]
fn the_example_runs_the_readmes_ban_command() {
    let readme = include_str!("../README.md");
    let example = include_str!("../examples/moderation.rs");
    assert_eq!(ban_command(readme), ban_command(example));
}

#[test]
fn the_moderation_example_bans_times_out_changes_roles_kicks_and_reads_the_audit_log() {
    let stdout = run_example("moderation");
    for line in [
        "carol > /ban user:spammer reason:spam",
        "bot > banned spammer for spam",
        "ban: spammer (spam)",
        "audit: MemberBanAdd (spam)",
        "audit: MemberUpdate (cool down)",
        "audit: RoleCreate (a helpers role)",
        "audit: MemberRoleUpdate (helping out)",
        "audit: MemberRoleUpdate (done helping)",
        "audit: MemberKick (inactive)",
        "Done: a ban by command, a timeout, roles, a kick and the audit log, offline.",
    ] {
        assert!(
            stdout.lines().any(|l| l == line),
            "{line:?} not in:\n{stdout}"
        );
    }
}
