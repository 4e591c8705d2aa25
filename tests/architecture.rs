//! The runtime's import rules (design.md), held by reading `bot-core`'s sources: every `use`
//! item and every path written inline is resolved to the module it names (`crate::…`,
//! `super::…`, and the names the crate root re-exports), and a module may not name the
//! modules its rule forbids. A violation fails naming the file and the path.
//!
//! Paths inside macro invocations (`tracing::info!(…)`) are token streams and are not read.
//!
//! The rules: nothing under `calls/`, `dispatch/`, `invoke/`, `checks/`, `command/`, `event/`, `cog/`,
//! `extension/`, `sync/` or `gateway/` names `bot/` (`Bot`, its builder, anything in it: the
//! services reach user code as a `Context`); `gateway/` names nothing in `http/`; `event/`
//! nothing in `dispatch/`; `model/` neither `http/` nor `gateway/`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use syn::visit::Visit;

/// A module that may not name another.
struct Rule {
    from: &'static str,
    forbidden: &'static str,
}

/// The modules below the façade: they may not name `bot/`.
const BELOW_BOT: [&str; 10] = [
    "calls",
    "dispatch",
    "invoke",
    "checks",
    "command",
    "event",
    "cog",
    "extension",
    "sync",
    "gateway",
];

const RULES: &[Rule] = &[
    Rule {
        from: "gateway",
        forbidden: "http",
    },
    Rule {
        from: "event",
        forbidden: "dispatch",
    },
    Rule {
        from: "model",
        forbidden: "http",
    },
    Rule {
        from: "model",
        forbidden: "gateway",
    },
];

/// One path a file names, resolved to the crate's top-level module it is in.
#[derive(Debug, PartialEq, Eq)]
struct Named {
    /// As written, `::`-joined.
    path: String,
    /// The top-level module of `bot-core` it names.
    module: String,
}

/// Collects the paths of one file that start at the crate (`crate`, `super`, `self`).
struct Paths<'a> {
    /// The file's module path below the crate root (`["gateway", "connection"]`).
    here: &'a [String],
    /// Names the crate root re-exports, and the module each comes from.
    reexports: &'a HashMap<String, String>,
    found: Vec<Named>,
}

impl Paths<'_> {
    fn note(&mut self, segments: &[String]) {
        let Some(first) = segments.first() else {
            return;
        };
        let mut resolved: Vec<String> = match first.as_str() {
            "crate" => segments[1..].to_vec(),
            "super" | "self" => {
                // A file `a/b.rs` is module `a::b`, `a/mod.rs` module `a`: `super` is the
                // parent of either.
                let mut module: Vec<String> = self.here.to_vec();
                let mut rest = segments;
                while let Some(head) = rest.first() {
                    match head.as_str() {
                        "super" => {
                            module.pop();
                        }
                        "self" => {}
                        _ => break,
                    }
                    rest = &rest[1..];
                }
                module.extend(rest.iter().cloned());
                module
            }
            _ => return,
        };
        let Some(top) = resolved.first().cloned() else {
            return;
        };
        if let Some(module) = self.reexports.get(&top) {
            resolved[0] = module.clone();
        }
        self.found.push(Named {
            path: segments.join("::"),
            module: resolved[0].clone(),
        });
    }
}

/// The segments of each path a `use` tree names, from its root.
fn use_paths(tree: &syn::UseTree, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match tree {
        syn::UseTree::Path(path) => {
            prefix.push(path.ident.to_string());
            use_paths(&path.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(name) => {
            let mut full = prefix.clone();
            if name.ident != "self" {
                full.push(name.ident.to_string());
            }
            out.push(full);
        }
        syn::UseTree::Rename(rename) => {
            let mut full = prefix.clone();
            full.push(rename.ident.to_string());
            out.push(full);
        }
        syn::UseTree::Glob(_) => out.push(prefix.clone()),
        syn::UseTree::Group(group) => {
            for tree in &group.items {
                use_paths(tree, prefix, out);
            }
        }
    }
}

impl<'ast> Visit<'ast> for Paths<'_> {
    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        let mut paths = Vec::new();
        use_paths(&item.tree, &mut Vec::new(), &mut paths);
        for path in paths {
            self.note(&path);
        }
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        self.note(&segments);
        syn::visit::visit_path(self, path);
    }
}

/// The module path of a source file below `src` (`gateway/connection.rs` → `gateway::connection`).
fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    let file = parts.pop().unwrap_or_default();
    if file != "mod.rs" && file != "lib.rs" {
        parts.push(file.trim_end_matches(".rs").to_owned());
    }
    parts
}

/// The names `lib.rs` re-exports from the crate's own modules (`Bot` → `bot`).
fn reexports(lib: &syn::File) -> HashMap<String, String> {
    let mut names = HashMap::new();
    for item in &lib.items {
        let syn::Item::Use(item) = item else {
            continue;
        };
        let mut paths = Vec::new();
        use_paths(&item.tree, &mut Vec::new(), &mut paths);
        for path in paths {
            if let (Some(module), Some(name)) = (path.first(), path.last())
                && path.len() > 1
            {
                names.insert(name.clone(), module.clone());
            }
        }
    }
    names
}

/// What `source`, the file at `relative` below `src`, names against the rules.
fn violations(
    relative: &Path,
    source: &str,
    reexports: &HashMap<String, String>,
) -> Result<Vec<String>, syn::Error> {
    let file = syn::parse_file(source)?;
    let here = module_of(relative);
    let Some(top) = here.first().cloned() else {
        return Ok(Vec::new());
    };
    let mut paths = Paths {
        here: &here,
        reexports,
        found: Vec::new(),
    };
    paths.visit_file(&file);
    Ok(paths
        .found
        .iter()
        .filter(|named| {
            let below_bot = BELOW_BOT.contains(&top.as_str()) && named.module == "bot";
            below_bot
                || RULES
                    .iter()
                    .any(|rule| rule.from == top && rule.forbidden == named.module)
        })
        .map(|named| {
            format!(
                "{}: names `{}` ({}/ may not name {}/)",
                relative.display(),
                named.path,
                top,
                named.module
            )
        })
        .collect())
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("bot-core/src")
}

#[test]
fn the_runtime_modules_name_only_what_their_rules_allow() {
    let src = src();
    let lib = syn::parse_file(&std::fs::read_to_string(src.join("lib.rs")).unwrap()).unwrap();
    let reexports = reexports(&lib);
    assert_eq!(reexports.get("Bot").map(String::as_str), Some("bot"));
    let mut files = Vec::new();
    sources(&src, &mut files);
    assert!(files.len() > 100, "read every source file: {}", files.len());
    let mut found = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let source = std::fs::read_to_string(file).unwrap();
        match violations(relative, &source, &reexports) {
            Ok(mut more) => found.append(&mut more),
            Err(error) => panic!("{}: {error}", relative.display()),
        }
    }
    assert!(
        found.is_empty(),
        "import rules broken:\n{}",
        found.join("\n")
    );
}

#[test]
fn a_planted_violation_is_found_with_its_file_and_path() {
    let reexports = HashMap::from([("Bot".to_owned(), "bot".to_owned())]);
    let planted = r#"
        use super::frame::Frame;
        use crate::{model::Token, http::{Http, HttpError}};
        fn f() { let _ = crate::http::DISCORD; let _ = super::super::http::x(); }
    "#;
    let found = violations(Path::new("gateway/connection.rs"), planted, &reexports).unwrap();
    assert_eq!(
        found,
        [
            "gateway/connection.rs: names `crate::http::Http` (gateway/ may not name http/)",
            "gateway/connection.rs: names `crate::http::HttpError` (gateway/ may not name http/)",
            "gateway/connection.rs: names `crate::http::DISCORD` (gateway/ may not name http/)",
            "gateway/connection.rs: names `super::super::http::x` (gateway/ may not name http/)",
        ]
    );
    let in_mod_rs = violations(
        Path::new("event/mod.rs"),
        "pub use super::dispatch::DispatchStats; pub use self::kind::EventKind;",
        &reexports,
    )
    .unwrap();
    assert_eq!(
        in_mod_rs,
        ["event/mod.rs: names `super::dispatch::DispatchStats` (event/ may not name dispatch/)"]
    );
    let bot_below = violations(
        Path::new("dispatch/runner.rs"),
        "use crate::Bot; use crate::context::Context; fn f(b: crate::bot::BotRef) {}",
        &reexports,
    )
    .unwrap();
    assert_eq!(
        bot_below,
        [
            "dispatch/runner.rs: names `crate::Bot` (dispatch/ may not name bot/)",
            "dispatch/runner.rs: names `crate::bot::BotRef` (dispatch/ may not name bot/)",
        ]
    );
    let clean = violations(
        Path::new("model/user.rs"),
        "use crate::Bot; use super::Id;",
        &reexports,
    )
    .unwrap();
    assert!(
        clean.is_empty(),
        "model may name bot/ (not a rule): {clean:?}"
    );
}
