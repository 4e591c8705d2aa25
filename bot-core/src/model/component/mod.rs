//! Message and modal components as data: one enum over Discord's component types
//! (developers/components/reference.mdx), with constructors for the common ones. A component
//! type this SDK does not know is kept raw, with its type ([`UnknownComponent`]).

mod interactive;
mod layout;
mod modal;
mod select;
#[cfg(test)]
mod tests;

pub use interactive::{ActionRow, Button, ButtonStyle};
pub use layout::{
    Container, FileComponent, MediaGallery, MediaGalleryItem, Section, Separator, SeparatorSpacing,
    TextDisplay, Thumbnail, UnfurledMedia, UnknownComponent,
};
pub use modal::{
    Checkbox, CheckboxGroup, FileUpload, GroupOption, Label, RadioGroup, TextInput, TextInputStyle,
};
pub use select::{SelectDefaultValue, SelectDefaultValueType, SelectMenu, SelectOption};

use super::enums::int_enum;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

int_enum! {
    /// A component's type.
    pub enum ComponentType: u8 {
        /// A row of buttons or one select (1).
        ActionRow = 1,
        /// A button (2).
        Button = 2,
        /// A select of the bot's options (3).
        StringSelect = 3,
        /// A text input, in modals (4).
        TextInput = 4,
        /// A select of users (5).
        UserSelect = 5,
        /// A select of roles (6).
        RoleSelect = 6,
        /// A select of users and roles (7).
        MentionableSelect = 7,
        /// A select of channels (8).
        ChannelSelect = 8,
        /// Text with an accessory (9).
        Section = 9,
        /// Markdown text (10).
        TextDisplay = 10,
        /// A small image (11).
        Thumbnail = 11,
        /// A gallery of media (12).
        MediaGallery = 12,
        /// An attached file (13).
        File = 13,
        /// Space and an optional divider (14).
        Separator = 14,
        /// A box of components with an accent colour (17).
        Container = 17,
        /// A label around a modal input (18).
        Label = 18,
        /// A file upload, in modals (19).
        FileUpload = 19,
        /// A radio group, in modals (21).
        RadioGroup = 21,
        /// A checkbox group, in modals (22).
        CheckboxGroup = 22,
        /// A checkbox, in modals (23).
        Checkbox = 23,
    }
}

/// A component of a message or a modal.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Component {
    /// An action row (1).
    ActionRow(ActionRow),
    /// A button (2).
    Button(Button),
    /// A string select (3).
    StringSelect(SelectMenu),
    /// A text input (4).
    TextInput(TextInput),
    /// A user select (5).
    UserSelect(SelectMenu),
    /// A role select (6).
    RoleSelect(SelectMenu),
    /// A mentionable select (7).
    MentionableSelect(SelectMenu),
    /// A channel select (8).
    ChannelSelect(SelectMenu),
    /// A section (9).
    Section(Section),
    /// A text display (10).
    TextDisplay(TextDisplay),
    /// A thumbnail (11).
    Thumbnail(Thumbnail),
    /// A media gallery (12).
    MediaGallery(MediaGallery),
    /// A file (13).
    File(FileComponent),
    /// A separator (14).
    Separator(Separator),
    /// A container (17).
    Container(Container),
    /// A label (18).
    Label(Label),
    /// A file upload (19).
    FileUpload(FileUpload),
    /// A radio group (21).
    RadioGroup(RadioGroup),
    /// A checkbox group (22).
    CheckboxGroup(CheckboxGroup),
    /// A checkbox (23).
    Checkbox(Checkbox),
    /// A type this SDK does not know, kept raw.
    Unknown(UnknownComponent),
}

impl Component {
    /// The component's type.
    pub fn kind(&self) -> ComponentType {
        match self {
            Component::ActionRow(_) => ComponentType::ActionRow,
            Component::Button(_) => ComponentType::Button,
            Component::StringSelect(_) => ComponentType::StringSelect,
            Component::TextInput(_) => ComponentType::TextInput,
            Component::UserSelect(_) => ComponentType::UserSelect,
            Component::RoleSelect(_) => ComponentType::RoleSelect,
            Component::MentionableSelect(_) => ComponentType::MentionableSelect,
            Component::ChannelSelect(_) => ComponentType::ChannelSelect,
            Component::Section(_) => ComponentType::Section,
            Component::TextDisplay(_) => ComponentType::TextDisplay,
            Component::Thumbnail(_) => ComponentType::Thumbnail,
            Component::MediaGallery(_) => ComponentType::MediaGallery,
            Component::File(_) => ComponentType::File,
            Component::Separator(_) => ComponentType::Separator,
            Component::Container(_) => ComponentType::Container,
            Component::Label(_) => ComponentType::Label,
            Component::FileUpload(_) => ComponentType::FileUpload,
            Component::RadioGroup(_) => ComponentType::RadioGroup,
            Component::CheckboxGroup(_) => ComponentType::CheckboxGroup,
            Component::Checkbox(_) => ComponentType::Checkbox,
            Component::Unknown(raw) => raw.kind,
        }
    }

    /// The developer-defined id of an interactive component.
    pub fn custom_id(&self) -> Option<&str> {
        match self {
            Component::Button(b) => b.custom_id.as_deref(),
            Component::StringSelect(s)
            | Component::UserSelect(s)
            | Component::RoleSelect(s)
            | Component::MentionableSelect(s)
            | Component::ChannelSelect(s) => Some(&s.custom_id),
            Component::TextInput(t) => Some(&t.custom_id),
            Component::FileUpload(f) => Some(&f.custom_id),
            Component::RadioGroup(r) => Some(&r.custom_id),
            Component::CheckboxGroup(c) => Some(&c.custom_id),
            Component::Checkbox(c) => Some(&c.custom_id),
            _ => None,
        }
    }
}

/// A component's fields with its `type` in front, for serializing.
#[derive(Serialize)]
struct Tagged<'a, T> {
    #[serde(rename = "type")]
    kind: u8,
    #[serde(flatten)]
    inner: &'a T,
}

impl Serialize for Component {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        fn tag<S: Serializer, T: Serialize>(
            kind: ComponentType,
            inner: &T,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            Tagged {
                kind: kind.value(),
                inner,
            }
            .serialize(s)
        }
        let kind = self.kind();
        match self {
            Component::ActionRow(c) => tag(kind, c, serializer),
            Component::Button(c) => tag(kind, c, serializer),
            Component::StringSelect(c)
            | Component::UserSelect(c)
            | Component::RoleSelect(c)
            | Component::MentionableSelect(c)
            | Component::ChannelSelect(c) => tag(kind, c, serializer),
            Component::TextInput(c) => tag(kind, c, serializer),
            Component::Section(c) => tag(kind, c, serializer),
            Component::TextDisplay(c) => tag(kind, c, serializer),
            Component::Thumbnail(c) => tag(kind, c, serializer),
            Component::MediaGallery(c) => tag(kind, c, serializer),
            Component::File(c) => tag(kind, c, serializer),
            Component::Separator(c) => tag(kind, c, serializer),
            Component::Container(c) => tag(kind, c, serializer),
            Component::Label(c) => tag(kind, c, serializer),
            Component::FileUpload(c) => tag(kind, c, serializer),
            Component::RadioGroup(c) => tag(kind, c, serializer),
            Component::CheckboxGroup(c) => tag(kind, c, serializer),
            Component::Checkbox(c) => tag(kind, c, serializer),
            Component::Unknown(raw) => raw.raw.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Component {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = serde_json::Value::deserialize(deserializer)?;
        let kind = raw
            .get("type")
            .and_then(serde_json::Value::as_u64)
            .and_then(|n| u8::try_from(n).ok())
            .map(ComponentType::from_value)
            .ok_or_else(|| D::Error::custom("a component needs an integer `type`"))?;
        fn parse<T: serde::de::DeserializeOwned, E: serde::de::Error>(
            raw: serde_json::Value,
        ) -> Result<T, E> {
            serde_json::from_value(raw).map_err(E::custom)
        }
        Ok(match kind {
            ComponentType::ActionRow => Component::ActionRow(parse(raw)?),
            ComponentType::Button => Component::Button(parse(raw)?),
            ComponentType::StringSelect => Component::StringSelect(parse(raw)?),
            ComponentType::TextInput => Component::TextInput(parse(raw)?),
            ComponentType::UserSelect => Component::UserSelect(parse(raw)?),
            ComponentType::RoleSelect => Component::RoleSelect(parse(raw)?),
            ComponentType::MentionableSelect => Component::MentionableSelect(parse(raw)?),
            ComponentType::ChannelSelect => Component::ChannelSelect(parse(raw)?),
            ComponentType::Section => Component::Section(parse(raw)?),
            ComponentType::TextDisplay => Component::TextDisplay(parse(raw)?),
            ComponentType::Thumbnail => Component::Thumbnail(parse(raw)?),
            ComponentType::MediaGallery => Component::MediaGallery(parse(raw)?),
            ComponentType::File => Component::File(parse(raw)?),
            ComponentType::Separator => Component::Separator(parse(raw)?),
            ComponentType::Container => Component::Container(parse(raw)?),
            ComponentType::Label => Component::Label(parse(raw)?),
            ComponentType::FileUpload => Component::FileUpload(parse(raw)?),
            ComponentType::RadioGroup => Component::RadioGroup(parse(raw)?),
            ComponentType::CheckboxGroup => Component::CheckboxGroup(parse(raw)?),
            ComponentType::Checkbox => Component::Checkbox(parse(raw)?),
            ComponentType::Unknown(_) => Component::Unknown(UnknownComponent { kind, raw }),
        })
    }
}

macro_rules! into_component {
    ($($ty:ident => $variant:ident,)+) => {$(
        impl From<$ty> for Component {
            fn from(component: $ty) -> Self {
                Component::$variant(component)
            }
        }
    )+};
}

into_component! {
    ActionRow => ActionRow,
    Button => Button,
    TextInput => TextInput,
    Section => Section,
    TextDisplay => TextDisplay,
    Thumbnail => Thumbnail,
    MediaGallery => MediaGallery,
    FileComponent => File,
    Separator => Separator,
    Container => Container,
    Label => Label,
    FileUpload => FileUpload,
    RadioGroup => RadioGroup,
    CheckboxGroup => CheckboxGroup,
    Checkbox => Checkbox,
}
