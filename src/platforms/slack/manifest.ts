import { type CommandDef, type Leaf, offeredOptions } from '../../app/command.js';
import { SLACK_EVENTS_PATH, SLASH_COMMAND } from './slack-app.js';

/** What the bot may do, and why each scope is there (the README lists the same). */
export const BOT_SCOPES = [
  'commands', // the /interlude slash command
  'chat:write', // nudges and replies
  'im:write', // open the direct message a nudge goes to (conversations.open)
  'im:history', // hear a direct message typed to the bot, to answer with the commands or crisis lines
  'users:read', // is the person running /interlude setup a workspace admin?
  'usergroups:read', // who is in the facilitators' user group
  'files:write', // /export as files, when ANSWER_IN_CHAT allows it
  'pins:write', // pin a post in a group's channel (its agreements, the next session) so members find it
] as const;

/** Slack's longest usage hint. */
const USAGE_HINT_LIMIT = 1000;

const optionsHint = (l: Leaf, answerInChat: boolean) =>
  offeredOptions(l, answerInChat).map(([name, o]) =>
    o.kind === 'choice'
      ? o.required
        ? o.choices.join('|')
        : `[${o.choices.join('|')}]`
      : o.required
        ? `<${name}>`
        : `[${name}]`,
  );

/**
 * What follows `/interlude` in Slack's hint, read from the same declarations every surface uses: a command with
 * subcommands names them (`settings show|time|…`), one without names its options (`pause [until]`).
 */
export function usageHint(commands: readonly CommandDef[], answerInChat = false): string {
  const full = commands
    .map((c) =>
      [
        c.name,
        ...(c.leaf ? optionsHint(c.leaf, answerInChat) : [Object.keys(c.subcommands ?? {}).join('|')]),
      ].join(' '),
    )
    .join(' · ');
  // Past Slack's limit, the names alone: every command stays findable.
  return full.length <= USAGE_HINT_LIMIT
    ? full
    : commands
        .map((c) => c.name)
        .join(' | ')
        .slice(0, USAGE_HINT_LIMIT);
}

/**
 * A Slack app manifest (https://api.slack.com/reference/manifests) built from commands/: paste it at
 * api.slack.com/apps → Create New App → From an app manifest. With Socket Mode no request URL is needed.
 */
export function slackManifest(commands: readonly CommandDef[], publicUrl: string, socketMode: boolean) {
  const url = `${publicUrl.replace(/\/+$/, '')}${SLACK_EVENTS_PATH}`;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: 'Interlude',
      description:
        'A gentle companion between therapy sessions: daily check-ins, journal, intentions, crisis lines.',
      background_color: '#2f4f4f',
    },
    features: {
      app_home: {
        home_tab_enabled: false,
        messages_tab_enabled: true,
        messages_tab_read_only_enabled: false,
      },
      bot_user: { display_name: 'Interlude', always_online: true },
      slash_commands: [
        {
          command: SLASH_COMMAND,
          ...(socketMode ? {} : { url }),
          description: 'Check in, journal, see your week, get help (try: /interlude help)',
          usage_hint: usageHint(commands),
          should_escape: true,
        },
      ],
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...(socketMode ? {} : { request_url: url }), bot_events: ['message.im'] },
      interactivity: { is_enabled: true, ...(socketMode ? {} : { request_url: url }) },
      org_deploy_enabled: false,
      socket_mode_enabled: socketMode,
      token_rotation_enabled: false,
    },
  };
}
