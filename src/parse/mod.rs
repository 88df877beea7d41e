//! Front ends: bytes → text → (CSAF JSON | CVRF XML) → model.

pub mod csaf;
pub mod cvrf;
pub mod json_fast;
pub mod json_value;
pub mod span;

use crate::diag::Finding;

/// The format a file's content looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// Starts with `{` or `[` (or is named `.json`).
    Json,
    /// Starts with `<` (or is named `.xml`).
    Xml,
}

/// Text decoded from a file's bytes.
pub struct Decoded<'a> {
    /// The text (a lossy copy when `error` is set, for showing the spot).
    pub text: std::borrow::Cow<'a, str>,
    /// A located `parse` finding when the bytes are not valid text.
    pub error: Option<Finding>,
}

/// Decodes the bytes of a file to text: UTF-8 (a byte order mark is accepted and dropped), or UTF-16
/// with a byte order mark. Invalid UTF-8 is a located `parse` finding.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded {
            text: std::borrow::Cow::Borrowed(s),
            error: None,
        },
        Err(e) => {
            let at = e.valid_up_to();
            Decoded {
                text: String::from_utf8_lossy(bytes),
                error: Some(
                    Finding::new(
                        "parse",
                        "",
                        format!(
                            "the file is not valid UTF-8: byte `0x{:02X}` at offset {at} cannot start or continue a character",
                            bytes[at]
                        ),
                    )
                    .help("save the file as UTF-8")
                    .at_offset(at),
                ),
            }
        }
    }
}

fn utf16(bytes: &[u8], read: fn([u8; 2]) -> u16) -> Decoded<'_> {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|c| read([c[0], *c.get(1).unwrap_or(&0)]))
        .collect();
    match String::from_utf16(&units) {
        Ok(s) if bytes.len().is_multiple_of(2) => Decoded {
            text: std::borrow::Cow::Owned(s),
            error: None,
        },
        _ => Decoded {
            text: std::borrow::Cow::Owned(String::from_utf16_lossy(&units)),
            error: Some(
                Finding::new(
                    "parse",
                    "",
                    "the file starts with a UTF-16 byte order mark but is not valid UTF-16",
                )
                .at_offset(0),
            ),
        },
    }
}

/// Decides whether `text` is JSON or XML: by its first character, else by the file name.
pub fn sniff(text: &str, name: &str) -> Option<Sniffed> {
    match text.trim_start().as_bytes().first() {
        Some(b'{') | Some(b'[') => Some(Sniffed::Json),
        Some(b'<') => Some(Sniffed::Xml),
        _ => {
            let lower = name.to_ascii_lowercase();
            if lower.ends_with(".xml") {
                Some(Sniffed::Xml)
            } else if lower.ends_with(".json") {
                Some(Sniffed::Json)
            } else {
                None
            }
        }
    }
}

/// Turns serde_json's error into a located `parse` finding.
pub fn json_error(e: &serde_json::Error, lines: &span::LineIndex<'_>) -> Finding {
    let offset = lines.offset_of_byte_column(e.line(), e.column());
    let full = e.to_string();
    let msg = match full.rfind(" at line ") {
        Some(i) => &full[..i],
        None => &full,
    };
    let msg = if let Some(rest) = msg.strip_prefix("EOF while parsing") {
        format!("the file ends in the middle of{rest}")
    } else if msg == "recursion limit exceeded" {
        "the document nests 128 levels deep or more; at most 127 are allowed".to_owned()
    } else {
        msg.to_owned()
    };
    Finding::new("parse", "", format!("not well-formed JSON: {msg}")).at_offset(offset)
}
