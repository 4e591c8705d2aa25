//! The V2019 wire protocol: opcodes, the frame envelope, and JSON encoding of client frames.

use serde::Serialize;
use serde_json::Value;
use std::io;

/// Opcodes of the V2019 protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Opcode {
    /// 0, server → client: `{"heartbeat_interval": ms}`.
    Hello,
    /// 1, client → server.
    Identify,
    /// 2, server → client: `{"client_id", "restricted"}`.
    Ready,
    /// 3, server → client: `{"error": "..."}`.
    Invalid,
    /// 4, both ways, with `t` naming the event.
    Dispatch,
    /// 5, client → server.
    Heartbeat,
    /// 6, server → client.
    HeartbeatAck,
    /// 7, server → client: reconnect.
    Goodbye,
}

impl Opcode {
    /// The opcode's number.
    pub fn code(self) -> u8 {
        match self {
            Opcode::Hello => 0,
            Opcode::Identify => 1,
            Opcode::Ready => 2,
            Opcode::Invalid => 3,
            Opcode::Dispatch => 4,
            Opcode::Heartbeat => 5,
            Opcode::HeartbeatAck => 6,
            Opcode::Goodbye => 7,
        }
    }

    /// The opcode of a number.
    pub fn from_code(code: u64) -> Option<Opcode> {
        Some(match code {
            0 => Opcode::Hello,
            1 => Opcode::Identify,
            2 => Opcode::Ready,
            3 => Opcode::Invalid,
            4 => Opcode::Dispatch,
            5 => Opcode::Heartbeat,
            6 => Opcode::HeartbeatAck,
            7 => Opcode::Goodbye,
            _ => return None,
        })
    }
}

/// A frame received from the server.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Incoming {
    pub(crate) op: Opcode,
    pub(crate) d: Value,
    pub(crate) t: Option<String>,
    pub(crate) ts: Option<i64>,
}

/// Decodes a text frame; anything that is not a known frame is a protocol error.
pub(crate) fn decode(text: &str) -> Result<Incoming, String> {
    let value: Value =
        serde_json::from_str(text).map_err(|error| format!("frame is not JSON: {error}"))?;
    let code = value
        .get("op")
        .and_then(Value::as_u64)
        .ok_or("frame has no integer `op`")?;
    let op = Opcode::from_code(code).ok_or_else(|| format!("unknown op {code}"))?;
    let d = value.get("d").cloned().unwrap_or(Value::Null);
    let t = value.get("t").and_then(Value::as_str).map(str::to_owned);
    let ts = value.get("ts").and_then(Value::as_i64);
    Ok(Incoming { op, d, t, ts })
}

#[derive(Serialize)]
struct Outgoing<'a, D: Serialize> {
    op: u8,
    d: &'a D,
    #[serde(skip_serializing_if = "Option::is_none")]
    t: Option<&'a str>,
}

/// Encodes a client frame: `{"op", "d"[, "t"]}`, floats always with a decimal point.
pub(crate) fn encode<D: Serialize>(
    op: Opcode,
    t: Option<&str>,
    d: &D,
) -> Result<String, serde_json::Error> {
    let frame = Outgoing {
        op: op.code(),
        d,
        t,
    };
    let mut out = Vec::with_capacity(128);
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, DecimalPoint);
    frame.serialize(&mut serializer)?;
    // serde_json writes UTF-8 only.
    String::from_utf8(out).map_err(|_| serde::ser::Error::custom("serde_json wrote invalid UTF-8"))
}

/// serde_json's compact format, except that every float has a decimal point (`1e16` becomes
/// `1.0e16`): the server types a value `float` only if it decodes as one.
struct DecimalPoint;

impl serde_json::ser::Formatter for DecimalPoint {
    fn write_f64<W: ?Sized + io::Write>(&mut self, writer: &mut W, value: f64) -> io::Result<()> {
        let mut buffer = ryu_like(value).replace("e+", "e");
        if !buffer.contains('.') {
            match buffer.find(['e', 'E']) {
                Some(at) => buffer.insert_str(at, ".0"),
                None => buffer.push_str(".0"),
            }
        }
        writer.write_all(buffer.as_bytes())
    }

    fn write_f32<W: ?Sized + io::Write>(&mut self, writer: &mut W, value: f32) -> io::Result<()> {
        self.write_f64(writer, f64::from(value))
    }
}

/// serde_json's own rendering of a finite float.
fn ryu_like(value: f64) -> String {
    serde_json::Number::from_f64(value)
        .map(|number| number.to_string())
        .unwrap_or_else(|| "null".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn floats_always_carry_a_decimal_point() {
        let frame = encode(
            Opcode::Dispatch,
            Some("X"),
            &json!([1.0, 0.5, 1e16, 2.5e-8, 3]),
        )
        .unwrap();
        assert_eq!(frame, r#"{"op":4,"d":[1.0,0.5,1.0e16,2.5e-8,3],"t":"X"}"#);
    }

    #[test]
    fn decode_refuses_what_is_not_a_frame() {
        assert!(decode("nope").is_err());
        assert!(decode(r#"{"d":{}}"#).is_err());
        assert!(decode(r#"{"op":"4","d":{}}"#).is_err());
        assert!(decode(r#"{"op":99,"d":{}}"#).is_err());
        let frame = decode(r#"{"op":4,"t":"SEND","d":{"payload":1},"ts":5}"#).unwrap();
        assert_eq!(frame.op, Opcode::Dispatch);
        assert_eq!(frame.t.as_deref(), Some("SEND"));
        assert_eq!(frame.ts, Some(5));
    }
}
