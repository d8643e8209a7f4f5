//! Turning an event into mails: who is told, in which language, now or in tomorrow's
//! digest. The mails are queued in the outbox inside the caller's transaction, so they
//! exist exactly when the change they announce does.

use std::collections::HashSet;

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use domain::{Language, notification::Notification, report::japan_time, user::User};
use store::NewMail;

use crate::AppError;

/// The hour (Japan time) at which daily digests go out.
const DIGEST_HOUR: u32 = 8;

/// The next digest time after `now`: 08:00 in Japan.
pub(crate) fn next_digest_time(now: DateTime<Utc>) -> DateTime<Utc> {
    let japan = japan_time();
    let local_date = now.with_timezone(&japan).date_naive();
    let at_hour = local_date.and_time(NaiveTime::from_hms_opt(DIGEST_HOUR, 0, 0).unwrap_or_default());
    let mut at = japan.from_local_datetime(&at_hour).single().map_or(now, |t| t.with_timezone(&Utc));
    if at <= now {
        at += Duration::days(1);
    }
    at
}

/// The mails that tell `recipients` about something, each in their language. Inactive
/// accounts, the person who acted, and (for comments) those who muted comment mails are
/// left out; each person is told once.
pub(crate) fn mails_for(
    recipients: &[User],
    except: Option<domain::ids::UserId>,
    notification: impl Fn(Language) -> Notification,
) -> Result<Vec<NewMail>, AppError> {
    let now = Utc::now();
    let mut seen = HashSet::new();
    let mut mails = Vec::new();
    for user in recipients {
        if !user.active || Some(user.id) == except || !seen.insert(user.id) {
            continue;
        }
        let message = notification(user.language);
        if message.is_comment() && user.notifications.mute_comments {
            continue;
        }
        let digest = user.notifications.daily_digest && !message.bypasses_digest();
        mails.push(NewMail {
            recipient_user_id: Some(user.id),
            recipient_email: user.email.clone(),
            language: user.language.tag().to_owned(),
            payload: serde_json::to_string(&message).map_err(|e| AppError::internal(e.to_string()))?,
            digest,
            deliver_after: if digest { next_digest_time(now) } else { now },
            dedupe_key: None,
        });
    }
    Ok(mails)
}
