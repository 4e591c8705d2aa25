//! The checks example runs offline in a fresh process: a permission check refusing a member and
//! letting the owner through, a cooldown that trips, hooks around each invocation, a command's
//! own error handler, and autocomplete from the partial value.

mod common;

use common::run_example;

#[test]
fn the_checks_example_refuses_limits_hooks_handles_and_suggests() {
    let stdout = run_example("checks");
    for line in [
        "member /purge > You are missing Manage Messages permission(s) to run this command. (only you)",
        "owner /purge > purged",
        "member /daily > here are your 10 coins",
        "member /daily > You are on cooldown. Try again in 86",
        "member /divide > 7 / 2 = 3",
        "member /divide > cannot do that: division by zero (only you)",
        "typing \"gr\" suggests [{\"name\":\"green\",\"value\":\"green\"},{\"name\":\"grey\",\"value\":\"grey\"}]",
        "hook > before /purge\nhook > after /purge",
        "hook > before /daily\nhook > after /daily\nhook > about to divide\nhook > before /divide",
    ] {
        assert!(stdout.contains(line), "{line:?} not in:\n{stdout}");
    }
}
