use super::*;
use crate::model::{ChannelType, Id, PartialEmoji};
use serde_json::{Value, json};

fn round_trip(sent: Value) -> Vec<Component> {
    let components: Vec<Component> = serde_json::from_value(sent.clone()).unwrap();
    assert_eq!(serde_json::to_value(&components).unwrap(), sent);
    components
}

#[test]
fn message_components_round_trip() {
    let components = round_trip(json!([
        {"type": 1, "components": [
            {"type": 2, "style": 1, "label": "Yes", "custom_id": "yes",
             "emoji": {"name": "✅"}},
            {"type": 2, "style": 5, "label": "Docs", "url": "https://example.com"},
            {"type": 2, "style": 6, "sku_id": "9", "disabled": true}
        ]},
        {"type": 1, "id": 4, "components": [
            {"type": 3, "custom_id": "class", "placeholder": "Choose", "min_values": 1,
             "max_values": 2, "options": [
                {"label": "Rogue", "value": "rogue", "description": "Sneak",
                 "emoji": {"id": "5", "name": "dagger", "animated": true}, "default": true},
                {"label": "Mage", "value": "mage"}]}
        ]},
        {"type": 1, "components": [
            {"type": 8, "custom_id": "where", "channel_types": [0, 5],
             "default_values": [{"id": "7", "type": "channel"}]}
        ]}
    ]));
    let Component::ActionRow(row) = &components[1] else {
        panic!("a row")
    };
    assert_eq!(row.id, Some(4));
    assert_eq!(row.components[0].kind(), ComponentType::StringSelect);
    assert_eq!(row.components[0].custom_id(), Some("class"));
}

#[test]
fn layout_components_round_trip() {
    let components = round_trip(json!([
        {"type": 17, "accent_color": 703487, "spoiler": true, "components": [
            {"type": 10, "content": "# Title"},
            {"type": 9, "components": [{"type": 10, "content": "Text"}],
             "accessory": {"type": 11, "media": {"url": "https://example.com/a.png"},
                           "description": "alt"}},
            {"type": 14, "divider": false, "spacing": 2},
            {"type": 12, "items": [{"media": {"url": "attachment://b.png"}, "spoiler": true}]},
            {"type": 13, "file": {"url": "attachment://c.pdf"}}
        ]}
    ]));
    assert_eq!(components[0].kind(), ComponentType::Container);
}

#[test]
fn modal_components_round_trip() {
    round_trip(json!([
        {"type": 18, "label": "Name", "description": "Yours",
         "component": {"type": 4, "custom_id": "name", "style": 1, "min_length": 1,
                       "max_length": 40, "required": true, "placeholder": "Ann"}},
        {"type": 18, "label": "Files", "component": {"type": 19, "custom_id": "up",
                                                     "max_values": 3}},
        {"type": 18, "label": "Size", "component": {"type": 21, "custom_id": "size",
            "options": [{"value": "s", "label": "Small"}, {"value": "l", "label": "Large",
                         "default": true}]}},
        {"type": 18, "label": "Toppings", "component": {"type": 22, "custom_id": "top",
            "min_values": 0, "options": [{"value": "c", "label": "Cheese",
                                          "description": "Yes"}]}},
        {"type": 18, "label": "Agree", "component": {"type": 23, "custom_id": "ok",
                                                     "default": false}},
        {"type": 1, "components": [{"type": 4, "custom_id": "old", "style": 2, "label": "Old"}]}
    ]));
}

#[test]
fn received_components_decode_with_their_response_fields() {
    let components: Vec<Component> = serde_json::from_value(json!([
        {"type": 13, "id": 1, "file": {"url": "attachment://c.pdf", "proxy_url": "https://p",
            "width": null, "height": null, "content_type": "application/pdf",
            "attachment_id": "44", "id": "45", "flags": 1}, "name": "c.pdf", "size": 12,
            "spoiler": false},
        {"type": 2, "id": 2, "style": 9, "custom_id": "x", "new_field": 1}
    ]))
    .unwrap();
    let Component::File(file) = &components[0] else {
        panic!("a file")
    };
    assert_eq!(file.file.attachment_id, Some(Id::new(44)));
    assert!(
        file.file
            .flags
            .contains(crate::model::UnfurledMediaFlags::IS_ANIMATED)
    );
    assert_eq!((file.name.as_deref(), file.size), (Some("c.pdf"), Some(12)));
    let Component::Button(button) = &components[1] else {
        panic!("a button")
    };
    assert_eq!(button.style, ButtonStyle::Unknown(9));
}

#[test]
fn unknown_component_types_are_kept_raw() {
    let raw = json!({"type": 99, "id": 3, "whatever": {"nested": [1, 2]}});
    let component: Component = serde_json::from_value(raw.clone()).unwrap();
    let Component::Unknown(unknown) = &component else {
        panic!("unknown")
    };
    assert_eq!(unknown.kind, ComponentType::Unknown(99));
    assert_eq!(component.kind().value(), 99);
    assert_eq!(serde_json::to_value(&component).unwrap(), raw);
    assert!(serde_json::from_value::<Component>(json!({"custom_id": "no type"})).is_err());
}

#[test]
fn builders_make_discords_shapes() {
    let row = ActionRow::buttons([
        Button::primary("yes", "Yes").emoji(PartialEmoji::unicode("✅")),
        Button::danger("no", "No").disabled(true),
        Button::link("https://example.com", "Docs"),
    ]);
    assert_eq!(
        serde_json::to_value(Component::from(row)).unwrap(),
        json!({"type": 1, "components": [
            {"type": 2, "style": 1, "label": "Yes", "emoji": {"name": "✅"}, "custom_id": "yes"},
            {"type": 2, "style": 4, "label": "No", "custom_id": "no", "disabled": true},
            {"type": 2, "style": 5, "label": "Docs", "url": "https://example.com"}
        ]})
    );
    let select = SelectMenu::string(
        "class",
        [SelectOption::new("Rogue", "rogue")
            .description("Sneak")
            .default_selected(true)],
    )
    .placeholder("Choose")
    .min_values(0)
    .max_values(1);
    assert_eq!(
        serde_json::to_value(Component::from(ActionRow::string_select(select))).unwrap(),
        json!({"type": 1, "components": [{"type": 3, "custom_id": "class", "placeholder": "Choose",
            "min_values": 0, "max_values": 1, "options": [
                {"label": "Rogue", "value": "rogue", "description": "Sneak", "default": true}]}]})
    );
    let channels = SelectMenu::entity("where").channel_types([ChannelType::GuildText]);
    assert_eq!(
        serde_json::to_value(Component::ChannelSelect(channels)).unwrap(),
        json!({"type": 8, "custom_id": "where", "channel_types": [0]})
    );
    let container = Container::new([
        TextDisplay::new("hi").into(),
        Section::new([TextDisplay::new("x")], Thumbnail::new("https://t")).into(),
        Separator::new().into(),
        MediaGallery::new([MediaGalleryItem::new("https://m")]).into(),
        FileComponent::attachment("a.txt").into(),
    ])
    .accent_color(1);
    assert_eq!(
        serde_json::to_value(Component::from(container)).unwrap(),
        json!({"type": 17, "accent_color": 1, "components": [
            {"type": 10, "content": "hi"},
            {"type": 9, "components": [{"type": 10, "content": "x"}],
             "accessory": {"type": 11, "media": {"url": "https://t"}}},
            {"type": 14},
            {"type": 12, "items": [{"media": {"url": "https://m"}}]},
            {"type": 13, "file": {"url": "attachment://a.txt"}}
        ]})
    );
    let label = Label::new("Name", TextInput::new("name", TextInputStyle::Short));
    assert_eq!(
        serde_json::to_value(Component::from(label)).unwrap(),
        json!({"type": 18, "label": "Name",
               "component": {"type": 4, "custom_id": "name", "style": 1}})
    );
}

#[test]
fn components_stay_small() {
    assert!(
        std::mem::size_of::<Component>() <= 208,
        "{}",
        std::mem::size_of::<Component>()
    );
}
