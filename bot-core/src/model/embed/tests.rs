use super::*;
use serde_json::json;

#[test]
fn embeds_round_trip() {
    let sent = json!({
        "title": "Weather", "type": "rich", "description": "Sunny", "url": "https://example.com",
        "timestamp": "2024-01-01T00:00:00.000000+00:00", "color": 65280,
        "footer": {"text": "bot", "icon_url": "https://example.com/i.png"},
        "image": {"url": "attachment://map.png"}, "thumbnail": {"url": "https://example.com/t.png"},
        "author": {"name": "Ann", "url": "https://example.com/ann"},
        "fields": [{"name": "High", "value": "24", "inline": true}, {"name": "Low", "value": "12"}]
    });
    let embed: Embed = serde_json::from_value(sent.clone()).unwrap();
    assert_eq!(serde_json::to_value(&embed).unwrap(), sent);
    let built = EmbedBuilder::new()
        .title("Weather")
        .description("Sunny")
        .url("https://example.com")
        .timestamp(Timestamp::from_unix_seconds(1_704_067_200))
        .color(0x00ff00)
        .footer_with(EmbedFooter::new("bot").icon_url("https://example.com/i.png"))
        .image("attachment://map.png")
        .thumbnail("https://example.com/t.png")
        .author_with(EmbedAuthor::new("Ann").url("https://example.com/ann"))
        .field("High", "24", true)
        .field("Low", "12", false)
        .build()
        .unwrap();
    assert_eq!(built, embed);
}

#[test]
fn received_embeds_decode_with_unknown_types() {
    let embed: Embed = serde_json::from_value(json!({
        "type": "fancy_new_kind", "flags": 32, "provider": {"name": "YouTube"},
        "video": {"url": "https://v", "width": 1280, "height": 720, "flags": 32},
        "image": {"url": "https://i", "proxy_url": "https://p", "content_type": "image/png",
                  "placeholder": "x", "placeholder_version": 1},
        "unknown": true
    }))
    .unwrap();
    assert_eq!(embed.kind.as_ref().unwrap().as_str(), "fancy_new_kind");
    assert!(embed.flags.contains(EmbedFlags::IS_CONTENT_INVENTORY_ENTRY));
    assert!(
        embed
            .video
            .unwrap()
            .flags
            .contains(EmbedMediaFlags::IS_ANIMATED)
    );
}

#[test]
fn every_limit_over_is_listed() {
    let mut builder = EmbedBuilder::new()
        .title("t".repeat(257))
        .description("d".repeat(4097))
        .footer("f".repeat(2049))
        .author("a".repeat(257));
    for i in 0..26 {
        builder = builder.field(
            if i == 3 { "n".repeat(257) } else { "n".into() },
            "v",
            false,
        );
    }
    builder = builder.field("name", "v".repeat(1025), false);
    let error = builder.build().unwrap_err();
    let too_long = |field: &'static str, index: Option<usize>, length: usize, limit: usize| {
        EmbedProblem::TooLong {
            embed: None,
            field,
            index,
            length,
            limit,
        }
    };
    assert_eq!(
        error.problems,
        [
            too_long("title", None, 257, 256),
            too_long("description", None, 4097, 4096),
            too_long("field name", Some(3), 257, 256),
            too_long("field value", Some(26), 1025, 1024),
            too_long("footer text", None, 2049, 2048),
            too_long("author name", None, 257, 256),
            EmbedProblem::TooManyFields {
                embed: None,
                count: 27
            },
            EmbedProblem::TotalTooLong { length: 7997 },
        ]
    );
    assert!(
        error
            .to_string()
            .contains("title has 257 characters (limit 256)")
    );
}

#[test]
fn limits_count_characters_trimmed_and_at_the_limit_is_fine() {
    let ok = EmbedBuilder::new()
        .title(format!("  {}  ", "é".repeat(256)))
        .build();
    assert!(ok.is_ok());
}

#[test]
fn a_message_s_embeds_are_checked_together() {
    let big = EmbedBuilder::new()
        .description("x".repeat(4000))
        .build()
        .unwrap();
    let error = check_embeds(&[big.clone(), big.clone()]).unwrap_err();
    assert_eq!(
        error.problems,
        [EmbedProblem::TotalTooLong { length: 8000 }]
    );
    let small = EmbedBuilder::new().title("t").build().unwrap();
    let error = check_embeds(&vec![small; 11]).unwrap_err();
    assert_eq!(error.problems, [EmbedProblem::TooManyEmbeds { count: 11 }]);
    assert!(check_embeds(&[big]).is_ok());
}

#[test]
fn embeds_stay_lean() {
    assert!(
        std::mem::size_of::<Embed>() <= 400,
        "{}",
        std::mem::size_of::<Embed>()
    );
}
