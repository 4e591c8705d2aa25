//! How an auto-moderation rule matches a message's content (developers/resources/
//! auto-moderation.mdx, "Keyword Matching Strategies"): case-insensitively, a keyword `word`
//! matches a whole word (or phrase), `word*` the start of a word, `*word` its end, `*word*`
//! anywhere in it; regex patterns (Rust's `regex` crate, as Discord's) match anywhere. Content
//! that an allow-list entry matches (the same wildcards) does not trigger the rule.

use super::auto_moderation::Metadata;

/// What triggered a keyword rule: the keyword or pattern, and the content it matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) keyword: String,
    pub(crate) content: String,
}

/// A keyword's form: the text, and whether the match may run on before and after it inside a
/// word.
struct Keyword {
    text: Vec<char>,
    open_start: bool,
    open_end: bool,
}

impl Keyword {
    fn of(keyword: &str) -> Keyword {
        let open_start = keyword.starts_with('*');
        let rest = keyword.strip_prefix('*').unwrap_or(keyword);
        let open_end = rest.ends_with('*');
        let text = rest.strip_suffix('*').unwrap_or(rest);
        Keyword {
            text: lowered(text),
            open_start,
            open_end,
        }
    }
}

fn lowered(text: &str) -> Vec<char> {
    text.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Every match of `keyword` in `content`: the matched text, widened to its whole word when the
/// keyword has wildcards.
fn matches_of(keyword: &Keyword, content: &str) -> Vec<String> {
    let original: Vec<char> = content.chars().collect();
    let lower = lowered(content);
    let needle = &keyword.text;
    let mut found = Vec::new();
    if needle.is_empty() || needle.len() > lower.len() {
        return found;
    }
    for start in 0..=lower.len() - needle.len() {
        let end = start + needle.len();
        if lower[start..end] != needle[..] {
            continue;
        }
        let starts_word = start == 0 || !is_word(lower[start - 1]);
        let ends_word = end == lower.len() || !is_word(lower[end]);
        if (!keyword.open_start && !starts_word) || (!keyword.open_end && !ends_word) {
            continue;
        }
        let (mut from, mut to) = (start, end);
        if keyword.open_start || keyword.open_end {
            while from > 0 && is_word(lower[from - 1]) {
                from -= 1;
            }
            while to < lower.len() && is_word(lower[to]) {
                to += 1;
            }
        }
        found.push(original[from..to].iter().collect());
    }
    found
}

/// Whether an allow-list entry matches `matched`.
fn allowed(allow_list: &[String], matched: &str) -> bool {
    allow_list
        .iter()
        .any(|entry| !matches_of(&Keyword::of(entry), matched).is_empty())
}

/// A rule's regex pattern, matched case-insensitively like its keywords.
pub(crate) fn compile(pattern: &str) -> Result<regex::Regex, regex::Error> {
    regex::RegexBuilder::new(pattern)
        .case_insensitive(true)
        .build()
}

/// The first keyword or pattern of a keyword rule that `content` triggers, if any.
pub(crate) fn keyword_hit(metadata: &Metadata, content: &str) -> Option<Hit> {
    for keyword in &metadata.keyword_filter {
        let form = Keyword::of(keyword);
        if let Some(matched) = matches_of(&form, content)
            .into_iter()
            .find(|m| !allowed(&metadata.allow_list, m))
        {
            return Some(Hit {
                keyword: keyword.clone(),
                content: matched,
            });
        }
    }
    for pattern in &metadata.regex_patterns {
        let Ok(regex) = compile(pattern) else {
            continue;
        };
        if let Some(matched) = regex
            .find_iter(content)
            .map(|m| m.as_str().to_owned())
            .find(|m| !allowed(&metadata.allow_list, m))
        {
            return Some(Hit {
                keyword: pattern.clone(),
                content: matched,
            });
        }
    }
    None
}

/// The unique users and roles `content` mentions (`<@ID>`, `<@!ID>`, `<@&ID>`).
pub(crate) fn unique_mentions(content: &str) -> usize {
    let mut seen = std::collections::HashSet::new();
    for (start, _) in content.match_indices("<@") {
        let rest = &content[start + 2..];
        let (role, rest) = match rest.strip_prefix('&') {
            Some(rest) => (true, rest),
            None => (false, rest.strip_prefix('!').unwrap_or(rest)),
        };
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with('>') {
            seen.insert((role, rest[..digits].to_owned()));
        }
    }
    seen.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keywords(words: &[&str], allow: &[&str]) -> Metadata {
        Metadata {
            keyword_filter: words.iter().map(|w| (*w).to_owned()).collect(),
            allow_list: allow.iter().map(|w| (*w).to_owned()).collect(),
            ..Metadata::default()
        }
    }

    fn hit(words: &[&str], content: &str) -> Option<String> {
        keyword_hit(&keywords(words, &[]), content).map(|h| h.content)
    }

    #[test]
    fn wildcards_follow_the_docs_table() {
        // Prefix: cat, catch, Cat.
        assert_eq!(hit(&["cat*"], "a Catch!").as_deref(), Some("Catch"));
        assert_eq!(hit(&["cat*"], "copycat"), None);
        // Suffix: cat, copycat.
        assert_eq!(hit(&["*cat"], "copycat").as_deref(), Some("copycat"));
        assert_eq!(hit(&["*cat"], "catch"), None);
        // Anywhere: concatenate.
        assert_eq!(
            hit(&["*cat*"], "concatenate").as_deref(),
            Some("concatenate")
        );
        // Whole word or phrase only.
        assert_eq!(hit(&["cat"], "the cat sat").as_deref(), Some("cat"));
        assert_eq!(hit(&["cat"], "catch"), None);
        assert_eq!(
            hit(&["i like c++"], "I LIKE C++ a lot").as_deref(),
            Some("I LIKE C++")
        );
    }

    #[test]
    fn allow_list_and_regexes() {
        let metadata = keywords(&["cat*"], &["category"]);
        assert_eq!(keyword_hit(&metadata, "a category"), None);
        assert!(keyword_hit(&metadata, "a category and a catapult").is_some());
        let regex = Metadata {
            regex_patterns: vec!["(b|c)at".to_owned()],
            ..Metadata::default()
        };
        let found = keyword_hit(&regex, "a BAT").expect("a match");
        assert_eq!(
            (found.keyword.as_str(), found.content.as_str()),
            ("(b|c)at", "BAT")
        );
    }

    #[test]
    fn mentions_are_counted_once_each() {
        assert_eq!(unique_mentions("<@1> <@!1> <@&1> <@2> <@x>"), 3);
    }
}
