/**
 * The home feature: `/home`, where a signed-in person starts (a greeting, their roles, and
 * the parts of the product they can use today). Other code imports it only through here.
 */
export { HomePage } from './components/HomePage'
