//! Gateway events: the catalogue of every dispatch Discord documents, with Pycord's listener
//! names.

mod kind;

pub use kind::EventKind;
