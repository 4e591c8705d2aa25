//! Where in a command body a violation is: `options[2].choices[25].name`.

use std::borrow::Cow;
use std::fmt;

/// One step of a [`FieldPath`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PathSegment {
    /// An object key (`options`, `name`, or a locale inside a localization map).
    Key(Cow<'static, str>),
    /// An array index.
    Index(usize),
}

/// A structured path into a command body; empty for an error about the whole body.
///
/// `Display` writes the dotted form (`options[2].choices[25].name`); Discord's error JSON uses the
/// same steps as nested object keys (see [`crate::FormBodyError`]).
///
/// ```
/// use bot_spec::FieldPath;
/// let path = FieldPath::root().key("options").index(2).key("name");
/// assert_eq!(path.to_string(), "options[2].name");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct FieldPath(Vec<PathSegment>);

impl FieldPath {
    /// The path of the whole body.
    pub fn root() -> Self {
        FieldPath(Vec::new())
    }

    /// This path followed by an object key.
    pub fn key(&self, key: impl Into<Cow<'static, str>>) -> Self {
        let mut next = self.clone();
        next.0.push(PathSegment::Key(key.into()));
        next
    }

    /// This path followed by an array index.
    pub fn index(&self, index: usize) -> Self {
        let mut next = self.clone();
        next.0.push(PathSegment::Index(index));
        next
    }

    /// `prefix` followed by this path (e.g. the index of a command in a bulk-overwrite body).
    pub fn prefixed(&self, prefix: &FieldPath) -> Self {
        let mut segments = prefix.0.clone();
        segments.extend(self.0.iter().cloned());
        FieldPath(segments)
    }

    /// The steps of the path.
    pub fn segments(&self) -> &[PathSegment] {
        &self.0
    }

    /// Whether this is the path of the whole body.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                PathSegment::Key(key) if i == 0 => write!(f, "{key}")?,
                PathSegment::Key(key) => write!(f, ".{key}")?,
                PathSegment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}
