//! The password policy: at least 12 characters, at most 128 (which bounds the cost of
//! hashing), and not one of the passwords attackers try first. Length matters more than
//! character classes (NIST SP 800-63B), so no class rules are imposed.

use crate::i18n::{Language, Localized};

/// The shortest password accepted, in characters.
pub const MIN_CHARS: usize = 12;
/// The longest password accepted, in characters.
pub const MAX_CHARS: usize = 128;

/// Passwords of 12 or more characters that appear near the top of breach lists, and the
/// words such passwords are built from. A password is refused when it is one of them,
/// or one of the words with digits and symbols around it (`Password2024!`).
const COMMON: &str = include_str!("common_passwords.txt");

/// Keyboard and alphabet runs: a password that is a stretch of one of these is refused.
const RUNS: [&str; 5] = [
    "01234567890123456789",
    "abcdefghijklmnopqrstuvwxyz",
    "qwertyuiopasdfghjklzxcvbnm",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    "qazwsxedcrfvtgbyhnujmikolp",
];

/// Why a password is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordProblem {
    /// Fewer than [`MIN_CHARS`] characters.
    TooShort,
    /// More than [`MAX_CHARS`] characters.
    TooLong,
    /// A well-known password, a keyboard run, or a common word padded with digits.
    TooCommon,
    /// Fewer than five different characters.
    TooRepetitive,
    /// Contains the person's e-mail name or display name.
    Personal,
}

impl Localized for PasswordProblem {
    fn localized(&self, language: Language) -> String {
        let text = match (self, language) {
            (Self::TooShort, Language::Ja) => "パスワードは12文字以上にしてください。",
            (Self::TooShort, Language::En) => "Use at least 12 characters.",
            (Self::TooLong, Language::Ja) => "パスワードは128文字以内にしてください。",
            (Self::TooLong, Language::En) => "Use at most 128 characters.",
            (Self::TooCommon, Language::Ja) => {
                "よく使われるパスワードです。推測されにくい別のパスワードにしてください。"
            }
            (Self::TooCommon, Language::En) => {
                "This password is too common. Choose one that is harder to guess."
            }
            (Self::TooRepetitive, Language::Ja) => {
                "同じ文字の繰り返しが多すぎます。5種類以上の文字を使ってください。"
            }
            (Self::TooRepetitive, Language::En) => "Too repetitive: use at least five different characters.",
            (Self::Personal, Language::Ja) => "メールアドレスや氏名を含まないパスワードにしてください。",
            (Self::Personal, Language::En) => "Do not use your e-mail address or name in your password.",
        };
        text.to_owned()
    }
}

fn common_entries() -> impl Iterator<Item = &'static str> {
    COMMON.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#'))
}

fn is_common(lower: &str) -> bool {
    let core = lower.trim_matches(|c: char| !c.is_alphabetic());
    common_entries().any(|entry| entry == lower || (!core.is_empty() && entry == core))
        || RUNS.iter().any(|run| run.contains(lower) || run.chars().rev().collect::<String>().contains(lower))
}

/// Checks a new password against the policy. `personal` holds what an attacker would
/// try first about this person: the e-mail's local part and the display name.
pub fn check(password: &str, personal: &[&str]) -> Result<(), PasswordProblem> {
    let length = password.chars().count();
    if length < MIN_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    if length > MAX_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    let lower = password.to_lowercase();
    let mut distinct: Vec<char> = lower.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < 5 {
        return Err(PasswordProblem::TooRepetitive);
    }
    if is_common(&lower) {
        return Err(PasswordProblem::TooCommon);
    }
    let personal_hit = personal
        .iter()
        .map(|word| word.trim().to_lowercase())
        .filter(|word| word.chars().count() >= 4)
        .any(|word| lower.contains(&word));
    if personal_hit {
        return Err(PasswordProblem::Personal);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_long_unusual_passwords() {
        assert_eq!(check("kasumigaura-lotus-2041", &["taro.yamada"]), Ok(()));
        assert_eq!(check("霞ヶ浦の蓮根は美味しい季節", &[]), Ok(()));
    }

    #[test]
    fn refuses_by_length() {
        assert_eq!(check("short-pass1", &[]), Err(PasswordProblem::TooShort));
        assert_eq!(check(&"ab1-".repeat(33), &[]), Err(PasswordProblem::TooLong));
    }

    #[test]
    fn refuses_common_passwords_and_runs() {
        for common in [
            "password1234",
            "Password2024!",
            "123456789012",
            "qwertyuiopas",
            "1qaz2wsx3edc",
            "iloveyou1234",
            "abcdefghijklm",
            "zyxwvutsrqpo",
            "!!Welcome2026",
        ] {
            assert_eq!(check(common, &[]), Err(PasswordProblem::TooCommon), "{common}");
        }
    }

    #[test]
    fn refuses_repetition_and_personal_words() {
        assert_eq!(check("aaaaaaaaaaaaaaa", &[]), Err(PasswordProblem::TooRepetitive));
        assert_eq!(check("abababab1212", &[]), Err(PasswordProblem::TooRepetitive));
        assert_eq!(check("yamada-is-here-77", &["yamada"]), Err(PasswordProblem::Personal));
    }
}
