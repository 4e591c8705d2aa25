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
    ] {
        assert!(stdout.contains(line), "{line:?} not in:\n{stdout}");
    }
    // Each invocation's hooks in order. An after-hook runs once the reply's request returned,
    // which may be after the user saw the reply and invoked the next command: the journal
    // interleaves invocations, so only the order within each one is fixed.
    let hooks: Vec<&str> = stdout
        .lines()
        .filter_map(|line| line.strip_prefix("hook > "))
        .collect();
    let at = |hook: &str| {
        hooks
            .iter()
            .position(|line| *line == hook)
            .unwrap_or_else(|| panic!("{hook:?} not in {hooks:?}"))
    };
    assert!(at("before /purge") < at("after /purge"), "{hooks:?}");
    assert!(at("before /daily") < at("after /daily"), "{hooks:?}");
    assert!(at("about to divide") < at("before /divide"), "{hooks:?}");
    assert!(at("before /divide") < at("after /divide"), "{hooks:?}");
    assert_eq!(
        hooks.len(),
        10,
        "purge and daily once each (the others were refused), divide twice: {hooks:?}"
    );
}
