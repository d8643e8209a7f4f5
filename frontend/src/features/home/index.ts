/**
 * The home feature: `/home`, where a signed-in person starts: what they must do now, by
 * role (their organisation's reports to hand in, the reports waiting for their review, the
 * evaluations before the committee, the plan office's year's evaluation), then the parts of
 * the product they can use. Other code imports it only through here.
 */
export { HomePage } from './components/HomePage'
