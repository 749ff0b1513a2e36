/**
 * "Invite friends": placeholder until the referrals work lands (issue 6, item 7). Shows the
 * signed-in user's personal invite link and how many people joined through it.
 */
export function InviteFriends() {
  return null;
}
