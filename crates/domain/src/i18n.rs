//! The two languages of the product. Japanese is the default everywhere; English is
//! the second language. Domain messages that reach people implement [`Localized`].

use serde::{Deserialize, Serialize};

/// A language a person reads the product in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// 日本語, the default.
    #[default]
    Ja,
    /// English.
    En,
}

impl Language {
    /// The BCP 47 tag, as stored and as sent in `Accept-Language`.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Ja => "ja",
            Self::En => "en",
        }
    }

    /// Reads a tag or a POSIX locale (`ja_JP.UTF-8`, `en-GB`); anything that is not
    /// English is Japanese, the product's default.
    pub fn from_tag(tag: &str) -> Self {
        if tag.trim().to_ascii_lowercase().starts_with("en") { Self::En } else { Self::Ja }
    }
}

/// A message that exists in both of the product's languages.
pub trait Localized {
    /// The message in the given language.
    fn localized(&self, language: Language) -> String;
}
