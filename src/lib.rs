//! Examples and cross-crate tests of the bot SDK. This library holds nothing of its own: it
//! compiles and runs every Rust code block of the workspace's `README.md` as a doctest, so the
//! README cannot drift from the API.

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
