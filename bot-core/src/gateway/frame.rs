//! An incoming gateway frame, parsed once: the envelope's fields, the opcode typed before anything
//! is matched, and `d` left as JSON text so a dispatch decodes straight into its typed event.

use super::payload::OpCode;
use serde::Deserialize;
use serde_json::value::RawValue;

/// `{"op": .., "s": .., "t": .., "d": ..}`, borrowing from the frame's bytes.
#[derive(Debug, Deserialize)]
pub(super) struct Frame<'a> {
    /// The opcode (`OpCode::Unknown(n)` for one this version does not know: the frame still
    /// parses, and the shard ignores it).
    pub(super) op: OpCode,
    /// The sequence number (dispatches only).
    #[serde(default)]
    pub(super) s: Option<u64>,
    /// The dispatch's name (dispatches only).
    #[serde(default, borrow)]
    pub(super) t: Option<std::borrow::Cow<'a, str>>,
    /// The data, as JSON text (`None` when absent or null).
    #[serde(default, borrow)]
    pub(super) d: Option<&'a RawValue>,
}

impl<'a> Frame<'a> {
    /// The frame in `bytes`, or `None` when it is not a gateway payload.
    pub(super) fn parse(bytes: &'a [u8]) -> Option<Frame<'a>> {
        serde_json::from_slice(bytes).ok()
    }

    /// The data's JSON text (`null` when there is none).
    pub(super) fn data(&self) -> &'a str {
        self.d.map_or("null", RawValue::get)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_envelope_is_read_in_any_order_and_the_data_kept_as_text() {
        let frame = Frame::parse(
            br#"{"t":"MESSAGE_DELETE","d":{"id":"2","channel_id":"1"},"s":42,"op":0}"#,
        )
        .unwrap();
        assert_eq!((frame.op, frame.s), (OpCode::Dispatch, Some(42)));
        assert_eq!(frame.t.as_deref(), Some("MESSAGE_DELETE"));
        assert_eq!(frame.data(), r#"{"id":"2","channel_id":"1"}"#);
        let ack = Frame::parse(br#"{"op":11}"#).unwrap();
        assert_eq!((ack.op, ack.data()), (OpCode::HeartbeatAck, "null"));
        let hello = Frame::parse(br#"{"op":10,"d":null,"s":null,"t":null}"#).unwrap();
        assert_eq!((hello.op, hello.data()), (OpCode::Hello, "null"));
        assert!(Frame::parse(b"not json").is_none());
        assert!(Frame::parse(br#"{"op":"zero"}"#).is_none());
        assert!(Frame::parse(br#"{"d":{}}"#).is_none(), "no opcode");
    }

    #[test]
    fn an_unknown_opcode_is_named_as_such_and_does_not_fail_the_frame() {
        let frame = Frame::parse(br#"{"op":42,"d":{"new":true},"s":null,"t":null}"#).unwrap();
        assert_eq!(frame.op, OpCode::Unknown(42));
        assert_eq!(frame.data(), r#"{"new":true}"#);
        // Beyond the opcode's width it is not a gateway payload (and is ignored as one).
        assert!(Frame::parse(br#"{"op":4096}"#).is_none());
    }

    #[test]
    fn an_escaped_name_is_unescaped() {
        let frame = Frame::parse(br#"{"op":0,"t":"MESSAGE\u005fDELETE","d":{}}"#).unwrap();
        assert_eq!(frame.t.as_deref(), Some("MESSAGE_DELETE"));
    }
}
