//! How a cached message's reactions change with the reaction events: pure functions over the
//! list, so the counts a derived event carries are the ones Discord would now render.

use crate::model::{PartialEmoji, Reaction, ReactionCountDetails};

/// Whether two emojis are the same reaction: custom emojis by id, unicode ones by name.
fn same(a: &PartialEmoji, b: &PartialEmoji) -> bool {
    match (a.id, b.id) {
        (Some(a), Some(b)) => a == b,
        (None, None) => a.name == b.name,
        _ => false,
    }
}

/// `reactions` after one more `emoji` (`burst`: a super reaction; `mine`: by the bot), and
/// that emoji's reaction now.
pub(super) fn add(
    reactions: &[Reaction],
    emoji: &PartialEmoji,
    burst: bool,
    mine: bool,
) -> (Vec<Reaction>, Reaction) {
    let mut after = reactions.to_vec();
    let at = match after.iter().position(|r| same(&r.emoji, emoji)) {
        Some(at) => at,
        None => {
            after.push(Reaction {
                count: 0,
                count_details: ReactionCountDetails::default(),
                me: false,
                me_burst: false,
                emoji: emoji.clone(),
                burst_colors: Vec::new(),
            });
            after.len() - 1
        }
    };
    let reaction = &mut after[at];
    reaction.count = reaction.count.saturating_add(1);
    if burst {
        reaction.count_details.burst = reaction.count_details.burst.saturating_add(1);
        reaction.me_burst |= mine;
    } else {
        reaction.count_details.normal = reaction.count_details.normal.saturating_add(1);
        reaction.me |= mine;
    }
    let now = reaction.clone();
    (after, now)
}

/// `reactions` after one `emoji` fewer, and that emoji's reaction now (count 0 when it was
/// the last, and then gone from the list); `None` when the message had no such reaction.
pub(super) fn remove(
    reactions: &[Reaction],
    emoji: &PartialEmoji,
    burst: bool,
    mine: bool,
) -> Option<(Vec<Reaction>, Reaction)> {
    let at = reactions.iter().position(|r| same(&r.emoji, emoji))?;
    let mut after = reactions.to_vec();
    let reaction = &mut after[at];
    reaction.count = reaction.count.saturating_sub(1);
    if burst {
        reaction.count_details.burst = reaction.count_details.burst.saturating_sub(1);
        reaction.me_burst &= !mine;
    } else {
        reaction.count_details.normal = reaction.count_details.normal.saturating_sub(1);
        reaction.me &= !mine;
    }
    let now = reaction.clone();
    if now.count == 0 {
        after.remove(at);
    }
    Some((after, now))
}

/// `reactions` without `emoji`'s, and the reaction removed; `None` when there was none.
pub(super) fn clear_emoji(
    reactions: &[Reaction],
    emoji: &PartialEmoji,
) -> Option<(Vec<Reaction>, Reaction)> {
    let at = reactions.iter().position(|r| same(&r.emoji, emoji))?;
    let mut after = reactions.to_vec();
    let removed = after.remove(at);
    Some((after, removed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    #[test]
    fn counts_go_up_and_down_and_the_last_one_leaves() {
        let fire = PartialEmoji::unicode("🔥");
        let (one, now) = add(&[], &fire, false, false);
        assert_eq!((one.len(), now.count, now.me), (1, 1, false));
        let (two, now) = add(&one, &fire, false, true);
        assert_eq!(
            (two.len(), now.count, now.me, now.count_details.normal),
            (1, 2, true, 2)
        );
        let (back, now) = remove(&two, &fire, false, true).expect("there");
        assert_eq!((back.len(), now.count, now.me), (1, 1, false));
        let (none, now) = remove(&back, &fire, false, false).expect("there");
        assert_eq!((none.len(), now.count), (0, 0));
        assert!(remove(&none, &fire, false, false).is_none());
    }

    #[test]
    fn custom_emojis_match_by_id_and_super_reactions_count_apart() {
        let old = PartialEmoji::custom(Id::new(7), "old", false);
        let renamed = PartialEmoji::custom(Id::new(7), "new", false);
        let (one, _) = add(&[], &old, true, true);
        let (same, now) = add(&one, &renamed, false, false);
        assert_eq!(same.len(), 1);
        assert_eq!(
            (now.count, now.count_details.burst, now.count_details.normal),
            (2, 1, 1)
        );
        assert!(now.me_burst && !now.me);
        let other = PartialEmoji::unicode("old");
        assert!(clear_emoji(&same, &other).is_none());
        let (cleared, removed) = clear_emoji(&same, &old).expect("there");
        assert!(cleared.is_empty());
        assert_eq!(removed.count, 2);
    }
}
