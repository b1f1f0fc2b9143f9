/**
 * Who a Slack Web API error is about. Sending a DM is conversations.open then chat.postMessage; their documented
 * errors split in two: the app's own setup (token, scopes, workspace policy) is the operator's to fix and says
 * nothing about the person, while a handful name this one person as unreachable by this app.
 */

/** The token or the app's setup was refused: every send fails alike until the operator fixes it. */
export const TOKEN_REFUSED = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
]);

const OPERATOR = new Set([
  ...TOKEN_REFUSED,
  'missing_scope',
  'not_allowed_token_type',
  'no_permission',
  'access_denied',
  'ekm_access_denied',
  'team_access_not_granted',
  'two_factor_setup_required',
  'org_login_required',
  'enterprise_is_restricted',
  'accesslimited',
  // A workspace preference stops the app posting: an admin's setting, not this person's.
  'restricted_action',
  // The app's App Home Messages tab is switched off (the manifest turns it on): app configuration.
  'messages_tab_disabled',
]);

/**
 * This person cannot be messaged by the app: gone, deactivated, a bot, hidden from the app, or their DM is gone
 * even after opening it afresh (direct-send reopens a stale cached one once before this is decided).
 */
const PERSON = new Set([
  'user_not_found',
  'user_disabled',
  'user_not_visible',
  'cannot_dm_bot',
  'channel_not_found',
  'is_archived',
]);

export type SlackErrorSide = 'operator' | 'person' | 'other';

export function sideOf(error: string): SlackErrorSide {
  if (OPERATOR.has(error)) return 'operator';
  if (PERSON.has(error)) return 'person';
  return 'other';
}

/** What the operator should do, from Slack's answer alone (never the token). */
export function operatorHint(data: { error?: string; needed?: unknown; provided?: unknown }): string {
  const needed = typeof data.needed === 'string' ? data.needed : null;
  switch (data.error) {
    case 'missing_scope':
      return `add the bot scope ${needed ?? '(Slack did not say which)'} (OAuth & Permissions, or the manifest), then reinstall the app`;
    case 'not_allowed_token_type':
      return 'SLACK_BOT_TOKEN must be the Bot User OAuth Token (xoxb-…)';
    case 'messages_tab_disabled':
      return 'turn on App Home → Messages Tab, so the app can send direct messages';
    case 'restricted_action':
      return 'a workspace setting stops the app posting; ask a workspace admin';
    default:
      return TOKEN_REFUSED.has(data.error ?? '')
        ? 'SLACK_BOT_TOKEN was refused: reinstall the app and copy the Bot User OAuth Token again'
        : 'check the app’s installation and permissions in the workspace';
  }
}
