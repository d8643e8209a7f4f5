//! Stable, human codes of the plan tree: `1` (goal), `1-2` (policy), `1-2-3` (direction).
//!
//! The code is the key people use in meetings and spreadsheets, so it is the key an
//! import matches on. A node's parent is the code without its last segment, which makes a
//! direction under a missing policy detectable from the codes alone.

use std::{cmp::Ordering, fmt, str::FromStr};

use serde::{Deserialize, Serialize};

/// The level of a node in the plan tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NodeLevel {
    /// 基本目標: one segment.
    Goal,
    /// 基本施策: two segments.
    Policy,
    /// 施策の方向: three segments.
    Direction,
}

impl NodeLevel {
    fn segments(self) -> usize {
        match self {
            Self::Goal => 1,
            Self::Policy => 2,
            Self::Direction => 3,
        }
    }
}

/// A validated code of a goal, policy or direction.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct NodeCode {
    segments: Vec<u16>,
}

/// Why a string is not a valid code.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    /// Empty, a non-number segment, a zero, or a leading zero.
    #[error("`{0}` is not a code: codes are positive whole numbers joined by `-`, like `1-2-3`")]
    Malformed(String),
    /// Right syntax, wrong depth for where it was used.
    #[error(
        "`{code}` is not a {expected:?} code: it has {found} segment(s), a {expected:?} code has {wanted}"
    )]
    WrongLevel {
        /// The code as written.
        code: String,
        /// The level that was expected.
        expected: NodeLevel,
        /// Segments found.
        found: usize,
        /// Segments wanted.
        wanted: usize,
    },
}

impl NodeCode {
    /// Parses a code and checks that it belongs to the given level.
    pub fn parse_at(text: &str, level: NodeLevel) -> Result<Self, CodeError> {
        let code: Self = text.parse()?;
        if code.segments.len() == level.segments() {
            Ok(code)
        } else {
            Err(CodeError::WrongLevel {
                code: text.to_owned(),
                expected: level,
                found: code.segments.len(),
                wanted: level.segments(),
            })
        }
    }

    /// The level this code's depth denotes, if it is one of the three.
    pub fn level(&self) -> Option<NodeLevel> {
        match self.segments.len() {
            1 => Some(NodeLevel::Goal),
            2 => Some(NodeLevel::Policy),
            3 => Some(NodeLevel::Direction),
            _ => None,
        }
    }

    /// The code of the parent node: `1-2` for `1-2-3`; none for a goal.
    pub fn parent(&self) -> Option<Self> {
        (self.segments.len() > 1)
            .then(|| Self { segments: self.segments[..self.segments.len() - 1].to_vec() })
    }

    /// The last segment: the node's position among its siblings.
    pub fn position(&self) -> u16 {
        self.segments.last().copied().unwrap_or_default()
    }
}

impl FromStr for NodeCode {
    type Err = CodeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let malformed = || CodeError::Malformed(text.to_owned());
        if text.is_empty() {
            return Err(malformed());
        }
        let segments = text
            .split('-')
            .map(|segment| {
                let valid = !segment.is_empty()
                    && segment.bytes().all(|b| b.is_ascii_digit())
                    && !segment.starts_with('0');
                if valid { segment.parse::<u16>().ok() } else { None }
            })
            .collect::<Option<Vec<_>>>()
            .ok_or_else(malformed)?;
        Ok(Self { segments })
    }
}

impl TryFrom<String> for NodeCode {
    type Error = CodeError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        value.parse()
    }
}

impl From<NodeCode> for String {
    fn from(value: NodeCode) -> Self {
        value.to_string()
    }
}

impl fmt::Display for NodeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, segment) in self.segments.iter().enumerate() {
            if index > 0 {
                f.write_str("-")?;
            }
            write!(f, "{segment}")?;
        }
        Ok(())
    }
}

impl Ord for NodeCode {
    /// Numeric order per segment, so `1-2` comes before `1-10`.
    fn cmp(&self, other: &Self) -> Ordering {
        self.segments.cmp(&other.segments)
    }
}

impl PartialOrd for NodeCode {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_levels_and_parents() -> Result<(), CodeError> {
        let direction = NodeCode::parse_at("1-2-3", NodeLevel::Direction)?;
        assert_eq!(direction.level(), Some(NodeLevel::Direction));
        assert_eq!(direction.parent().map(|c| c.to_string()), Some("1-2".into()));
        assert_eq!(direction.position(), 3);
        assert_eq!(NodeCode::parse_at("3", NodeLevel::Goal)?.parent(), None);
        Ok(())
    }

    #[test]
    fn rejects_malformed_codes() {
        for bad in ["", "-", "1-", "-1", "a", "1-a", "01", "1-0", "1--2", "1.2", " 1", "99999"] {
            assert!(bad.parse::<NodeCode>().is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn rejects_wrong_level() {
        let error = NodeCode::parse_at("1-2", NodeLevel::Direction);
        assert!(matches!(error, Err(CodeError::WrongLevel { found: 2, wanted: 3, .. })));
    }

    #[test]
    fn orders_numerically() -> Result<(), CodeError> {
        let mut codes: Vec<NodeCode> =
            ["1-10", "1-2", "2", "1-1-1"].iter().map(|c| c.parse()).collect::<Result<_, _>>()?;
        codes.sort();
        let shown: Vec<String> = codes.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["1-1-1", "1-2", "1-10", "2"]);
        Ok(())
    }
}
