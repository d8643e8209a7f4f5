/**
 * The account feature: a signed-in person's notification mails (`/account/notifications`)
 * and the public invitation link (`/invitations/:token`), where an invited person sets
 * their password and is signed in. The routes load it on first use. Other code imports the
 * feature only through this file.
 */
export { InvitationPage } from './components/InvitationPage'
export { NotificationSettingsPage } from './components/NotificationSettingsPage'
