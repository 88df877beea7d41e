//! Reads JSON into a `serde_json::Value` in one pass while noting duplicate object keys,
//! which `Value` itself cannot show (it keeps the last value of a key).

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

/// A key that occurs more than once in one object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    /// JSON pointer of the member (the parent object's pointer plus the key).
    pub pointer: String,
    /// The key.
    pub key: String,
    /// How many times it occurs in that object.
    pub count: usize,
}

/// Parses `text` as JSON, returning the value and every duplicated key.
///
/// Nesting deeper than serde_json's limit (128) is a parse error, not a stack overflow.
pub fn parse(text: &str) -> Result<(Value, Vec<DuplicateKey>), serde_json::Error> {
    let dups = RefCell::new(Vec::new());
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Seed { dups: &dups }.deserialize(&mut de)?;
    de.end()?;
    let dups = dups
        .into_inner()
        .into_iter()
        .map(|d: RawDup| {
            let mut pointer = String::new();
            for seg in d.rev_segments.iter().rev() {
                pointer.push('/');
                push_escaped(&mut pointer, seg);
            }
            DuplicateKey {
                key: d.rev_segments[0].clone(),
                pointer,
                count: d.count,
            }
        })
        .collect();
    Ok((value, dups))
}

/// Parses `text` as [`parse`] does, and with the position of every value when the byte-level parser
/// ([`super::json_fast`]) takes the document, as it does every well-formed one without duplicated
/// keys: the diagnostics are then located without scanning the text again. Anything else (an error,
/// a duplicated key, …) goes through [`parse`], so the value, the duplicates and the errors are
/// always serde_json's.
pub fn parse_located(
    text: &str,
) -> Result<(Value, Vec<DuplicateKey>, Option<super::json_fast::Positions>), serde_json::Error> {
    if let Some((value, positions)) = super::json_fast::parse(text) {
        return Ok((value, Vec::new(), Some(positions)));
    }
    let (value, dups) = parse(text)?;
    Ok((value, dups, None))
}

/// Appends `segment` to a JSON pointer with RFC 6901 escaping (`~` → `~0`, `/` → `~1`).
pub fn push_escaped(pointer: &mut String, segment: &str) {
    for c in segment.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

struct RawDup {
    /// Path segments from the key up to the root (reversed, filled in as the parents return).
    rev_segments: Vec<String>,
    count: usize,
}

#[derive(Clone, Copy)]
struct Seed<'a> {
    dups: &'a RefCell<Vec<RawDup>>,
}

impl Seed<'_> {
    /// Adds `segment` to every duplicate found since `start` (they lie below this member).
    fn prefix_since(&self, start: usize, segment: impl Fn() -> String) {
        let mut dups = self.dups.borrow_mut();
        if dups.len() > start {
            for d in &mut dups[start..] {
                d.rev_segments.push(segment());
            }
        }
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

// With `arbitrary_precision`, serde_json hands numbers to `visit_map` as a one-entry map.
pub(super) const NUMBER_TOKEN: &str = "$serde_json::private::Number";

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        loop {
            let start = self.dups.borrow().len();
            match seq.next_element_seed(self)? {
                Some(v) => {
                    let index = items.len();
                    self.prefix_since(start, || index.to_string());
                    items.push(v);
                }
                None => break,
            }
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        let mut first = true;
        // where each key duplicated in this object sits in `dups` (a map: many distinct
        // duplicated keys must not take quadratic time)
        let mut duplicated: HashMap<String, usize> = HashMap::new();
        while let Some(key) = map.next_key::<String>()? {
            if first && key == NUMBER_TOKEN {
                let text: String = map.next_value()?;
                return Number::from_str(&text)
                    .map(Value::Number)
                    .map_err(serde::de::Error::custom);
            }
            first = false;
            let start = self.dups.borrow().len();
            let value = map.next_value_seed(self)?;
            self.prefix_since(start, || key.clone());
            // the entry API: no copy of the key unless it is a duplicate
            let key = match object.entry(key) {
                serde_json::map::Entry::Vacant(e) => {
                    e.insert(value);
                    continue;
                }
                serde_json::map::Entry::Occupied(mut e) => {
                    e.insert(value);
                    e.key().clone()
                }
            };
            {
                let mut dups = self.dups.borrow_mut();
                // Count again when the same key repeats a third time.
                if let Some(&i) = duplicated.get(&key) {
                    dups[i].count += 1;
                } else {
                    duplicated.insert(key.clone(), dups.len());
                    dups.push(RawDup {
                        rev_segments: vec![key],
                        count: 2,
                    });
                }
            }
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_duplicates_with_their_pointer() {
        let (v, d) = parse(r#"{"a":{"b":[1,{"c":1,"c":2,"c":3}]},"a/x":1,"a/x":2}"#).unwrap();
        assert_eq!(v["a"]["b"][1]["c"], 3);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].pointer, "/a/b/1/c");
        assert_eq!(d[0].count, 3);
        assert_eq!(d[1].pointer, "/a~1x");
    }

    #[test]
    fn keeps_decimals_exact() {
        let (v, d) = parse(r#"{"score": 6.3, "big": 2e99999}"#).unwrap();
        assert!(d.is_empty());
        assert_eq!(v["score"].to_string(), "6.3");
        assert!(v["big"].is_number());
    }

    #[test]
    fn deep_nesting_is_an_error() {
        let text = "[".repeat(200_000);
        assert!(parse(&text).is_err());
    }
}
