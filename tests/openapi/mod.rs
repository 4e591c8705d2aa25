//! Validating recorded REST exchanges against Discord's OpenAPI description.
#![allow(dead_code)]

pub mod coverage;
pub mod proxy;
pub mod routes;
pub mod spec;
pub mod walk;
pub mod walk_application;
pub mod walk_channel_extras;
pub mod walk_channels;
pub mod walk_expressions;
pub mod walk_guild;
pub mod walk_guild_admin;
pub mod walk_guild_extras;
pub mod walk_misc;
pub mod walk_webhooks;

use proxy::{Exchange, Payload, Sender};
use spec::Spec;

/// One way an exchange departs from the spec.
#[derive(Debug)]
pub struct Finding {
    /// `POST /channels/1/messages -> 200`.
    pub exchange: String,
    /// "request (SDK)", "request (test)" or "response".
    pub side: String,
    pub instance_path: String,
    pub message: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = if self.instance_path.is_empty() {
            "(root)"
        } else {
            &self.instance_path
        };
        write!(
            f,
            "{} [{}] at {at}: {}",
            self.exchange, self.side, self.message
        )
    }
}

/// Checks both sides of every exchange; returns every finding.
pub fn check(spec: &Spec, exchanges: &[Exchange]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for exchange in exchanges {
        let finding = |side: &str, instance_path: &str, message: String| Finding {
            exchange: exchange.label(),
            side: side.to_owned(),
            instance_path: instance_path.to_owned(),
            message,
        };
        let Some(operation) = spec.operation(&exchange.method, &exchange.path) else {
            findings.push(finding("route", "", "no operation in the spec".to_owned()));
            continue;
        };
        let request_side = match exchange.sender {
            Sender::Sdk => "request (SDK)",
            Sender::Test => "request (test)",
        };
        match (&exchange.request, spec.request_schema(&operation)) {
            (Payload::None, _) => {}
            (Payload::Json(body), Some(schema)) => {
                for v in spec.validate(schema, body) {
                    findings.push(finding(request_side, &v.instance_path, v.message));
                }
            }
            (Payload::Json(_), None) => findings.push(finding(
                request_side,
                "",
                format!("a body on {}, which takes none", operation.template),
            )),
            (Payload::Form(fields), _) => match spec.request_form_fields(&operation) {
                Some(required) => {
                    for field in required.iter().filter(|r| !fields.iter().any(|f| f == *r)) {
                        findings.push(finding(
                            request_side,
                            "",
                            format!("the form has no `{field}`"),
                        ));
                    }
                }
                None => findings.push(finding(
                    request_side,
                    "",
                    format!("a form on {}, which takes none", operation.template),
                )),
            },
            (Payload::Unreadable(kind), _) => findings.push(finding(
                request_side,
                "",
                format!("a body that is not JSON ({kind})"),
            )),
        }
        match (
            &exchange.response,
            spec.response_schema(&operation, exchange.status),
        ) {
            (_, None) => findings.push(finding(
                "response",
                "",
                format!("status {} is not declared by the spec", exchange.status),
            )),
            (Payload::None, Some(None)) => {}
            (Payload::None, Some(Some(_))) => {
                findings.push(finding("response", "", "an empty body".to_owned()))
            }
            (Payload::Json(body), Some(Some(schema))) => {
                for v in spec.validate(schema, body) {
                    findings.push(finding("response", &v.instance_path, v.message));
                }
            }
            (Payload::Json(_), Some(None)) => findings.push(finding(
                "response",
                "",
                format!("a body with status {}, which has none", exchange.status),
            )),
            (Payload::Unreadable(kind), _)
                if spec.response_declares(&operation, exchange.status, kind) => {}
            (Payload::Unreadable(kind), _) => findings.push(finding(
                "response",
                "",
                format!("a body that is not `application/json` JSON ({kind})"),
            )),
            (Payload::Form(_), _) => {
                findings.push(finding("response", "", "a multipart body".to_owned()))
            }
        }
    }
    findings
}
