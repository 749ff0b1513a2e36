/**
 * The lecture id the player accepts to mean "the first lecture of the course". On its own so that
 * pages linking into the player (my learning) do not load the player's helpers.
 */
export const FIRST_LECTURE = 'start';
