//! What loading, unloading or reloading an extension can fail with.

use super::ExtensionError;
use std::fmt;

/// Why an extension could not be loaded, unloaded or reloaded; the bot is then as it was.
#[derive(Debug)]
#[non_exhaustive]
pub enum LoadError {
    /// The program has no extension of this name.
    NotFound {
        /// The name asked for.
        name: String,
        /// The extensions the program has.
        known: Vec<&'static str>,
    },
    /// The extension is loaded already.
    AlreadyLoaded {
        /// Its name.
        name: String,
    },
    /// The extension is not loaded.
    NotLoaded {
        /// Its name.
        name: String,
    },
    /// The extension's setup failed (or panicked), or what it gave could not be installed.
    Failed {
        /// Its name.
        name: String,
        /// Why.
        error: ExtensionError,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotFound { name, known } => {
                let known: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
                write!(
                    f,
                    "no extension named `{name}` in this program (it has: {})",
                    if known.is_empty() {
                        "none".to_owned()
                    } else {
                        known.join(", ")
                    }
                )
            }
            LoadError::AlreadyLoaded { name } => {
                write!(f, "the extension `{name}` is loaded already")
            }
            LoadError::NotLoaded { name } => write!(f, "the extension `{name}` is not loaded"),
            LoadError::Failed { name, error } => {
                write!(f, "the extension `{name}` failed to load: {error}")
            }
        }
    }
}

impl std::error::Error for LoadError {
    /// Why the setup failed, for [`LoadError::Failed`].
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LoadError::Failed { error, .. } => Some(error.as_ref()),
            _ => None,
        }
    }
}
