//! Compile-time checks: every rule and misuse has a `tests/ui/fail` case whose expected errors
//! are stated in `// expect:` comments; the pass cases compile under the strictest lints.

use std::fs;
use std::path::Path;

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/pass/*.rs");
    cases.compile_fail("tests/ui/fail/*.rs");
}

/// The `error` blocks of a `.stderr` file.
fn error_blocks(stderr: &str) -> Vec<String> {
    let mut blocks: Vec<String> = Vec::new();
    for line in stderr.lines() {
        if line.starts_with("error") {
            blocks.push(String::new());
        } else if line.starts_with("warning") {
            blocks.push(String::from("WARNING"));
        }
        if let Some(block) = blocks.last_mut() {
            block.push_str(line);
            block.push('\n');
        }
    }
    blocks
}

#[test]
fn each_fail_case_gets_exactly_its_stated_errors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui/fail");
    let mut checked = 0;
    let mut problems = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
    {
        let source = fs::read_to_string(path).unwrap();
        let expected: Vec<&str> = source
            .lines()
            .filter_map(|line| line.strip_prefix("// expect: "))
            .collect();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if expected.is_empty() {
            problems.push(format!("{name}: states no expected error"));
            continue;
        }
        let Ok(stderr) = fs::read_to_string(path.with_extension("stderr")) else {
            problems.push(format!("{name}: has no .stderr"));
            continue;
        };
        let blocks = error_blocks(&stderr);
        if blocks.len() != expected.len() {
            problems.push(format!(
                "{name}: expected {} error(s), .stderr has {}",
                expected.len(),
                blocks.len()
            ));
        }
        for (block, keyword) in blocks.iter().zip(&expected) {
            if !block.contains(keyword) {
                problems.push(format!(
                    "{name}: error does not mention `{keyword}`:\n{block}"
                ));
            }
        }
        for block in &blocks {
            for cascade in ["cannot find", "the trait bound", "WARNING"] {
                if block.contains(cascade) {
                    problems.push(format!("{name}: cascading error `{cascade}`:\n{block}"));
                }
            }
        }
        checked += 1;
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(checked >= 50, "only {checked} fail cases");
}
