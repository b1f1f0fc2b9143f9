/**
 * What Slack sends the bot: slash command form fields and block_actions / view_submission payloads, shaped like
 * the real ones (same field names and order, ids from the fake's world).
 */
import { actionTs, slackId } from './ids.js';
import { viewObject } from './methods-views.js';
import type { SlackStore } from './store.js';
import type { BlockActionArgs, FakeSlackView, Json, SlashCommandArgs, ViewSubmissionArgs } from './types.js';

function userRef(store: SlackStore, id: string): Json {
  const name = store.userName(id);
  return { id, username: name, name, team_id: store.identity.teamId };
}

function teamRef(store: SlackStore): Json {
  return { id: store.identity.teamId, domain: store.identity.teamDomain };
}

function channelName(store: SlackStore, id: string): string {
  if (store.dmUserByChannel.has(id) || [...store.peerDms.values()].includes(id)) return 'directmessage';
  return 'general';
}

export function slashCommandFields(
  store: SlackStore,
  a: SlashCommandArgs,
  triggerId: string,
  responseUrl: string,
): Record<string, string> {
  const { identity } = store;
  const channelId = a.channelId ?? store.dmFor(a.user);
  return {
    token: identity.verificationToken,
    team_id: identity.teamId,
    team_domain: identity.teamDomain,
    channel_id: channelId,
    channel_name: a.channelName ?? channelName(store, channelId),
    user_id: a.user,
    user_name: store.userName(a.user),
    command: a.command ?? '/interlude',
    text: a.text,
    api_app_id: identity.appId,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: triggerId,
  };
}

/** The block_id of the block holding an element with this action_id. */
function blockIdOf(blocks: Json[], buttonId: string): string | undefined {
  for (const b of blocks) {
    const elements: Json[] = [...(Array.isArray(b?.elements) ? b.elements : []), b?.accessory, b?.element];
    if (elements.some((e) => e?.action_id === buttonId)) return b.block_id;
  }
  return undefined;
}

function elementOf(blocks: Json[], buttonId: string): Json {
  for (const b of blocks) {
    const elements: Json[] = [...(Array.isArray(b?.elements) ? b.elements : []), b?.accessory, b?.element];
    const e = elements.find((x) => x?.action_id === buttonId);
    if (e) return e;
  }
  return undefined;
}

function resolveView(store: SlackStore, view: string | Json): Json {
  if (typeof view !== 'string') return view;
  const v = store.findView({ viewId: view });
  if (!v) throw new Error(`FakeSlack: no view ${view} was opened`);
  return viewObject(store, v);
}

export function blockActionPayload(
  store: SlackStore,
  a: BlockActionArgs,
  triggerId: string,
  responseUrl: string,
): Json {
  const { identity } = store;
  const view = a.view === undefined ? undefined : resolveView(store, a.view);
  const channelId = a.channelId ?? store.dmFor(a.user);
  const message = a.messageTs ? store.findMessage(channelId, a.messageTs) : undefined;
  const blocks: Json[] = view ? (view.blocks ?? []) : (message?.blocks ?? []);
  const element = elementOf(blocks, a.buttonId);
  const action: Json = {
    action_id: a.buttonId,
    block_id: a.blockId ?? blockIdOf(blocks, a.buttonId) ?? 'fake_block',
    text: element?.text ?? { type: 'plain_text', text: a.buttonId, emoji: true },
    ...(a.value !== undefined || element?.value !== undefined ? { value: a.value ?? element.value } : {}),
    type: 'button',
    action_ts: actionTs(),
  };
  const where: Json = view
    ? { container: { type: 'view', view_id: view.id }, view }
    : {
        container: {
          type: 'message',
          message_ts: a.messageTs ?? '',
          channel_id: channelId,
          is_ephemeral: false,
        },
        channel: { id: channelId, name: channelName(store, channelId) },
        ...(a.messageTs
          ? {
              message: {
                type: 'message',
                user: identity.botUserId,
                bot_id: identity.botId,
                app_id: identity.appId,
                text: message?.text ?? '',
                ts: a.messageTs,
                blocks,
                team: identity.teamId,
              },
            }
          : {}),
        state: { values: {} },
        response_url: responseUrl,
      };
  return {
    type: 'block_actions',
    user: userRef(store, a.user),
    api_app_id: identity.appId,
    token: identity.verificationToken,
    container: where.container,
    trigger_id: triggerId,
    team: teamRef(store),
    enterprise: null,
    is_enterprise_install: false,
    ...where,
    actions: [action],
  };
}

export function viewSubmissionPayload(store: SlackStore, a: ViewSubmissionArgs, triggerId: string): Json {
  const { identity } = store;
  const known = a.view.id ? store.findView({ viewId: a.view.id }) : undefined;
  const base: FakeSlackView = known ?? {
    id: a.view.id ?? slackId('V'),
    type: 'modal',
    callbackId: a.view.callback_id,
    privateMetadata: a.view.private_metadata ?? '',
    title: { type: 'plain_text', text: 'Fake', emoji: true },
    blocks: [],
    hash: `${Math.floor(Date.now() / 1000)}.fakehash`,
    rootViewId: '',
    previousViewId: null,
    openedWith: 'views.open',
    triggerId: '',
    view: {},
    updates: 0,
    at: Date.now(),
  };
  const view = viewObject(
    store,
    {
      ...base,
      callbackId: a.view.callback_id,
      privateMetadata: a.view.private_metadata ?? base.privateMetadata,
      rootViewId: base.rootViewId || base.id,
    },
    a.view.state.values,
  );
  return {
    type: 'view_submission',
    team: teamRef(store),
    user: userRef(store, a.user),
    api_app_id: identity.appId,
    token: identity.verificationToken,
    trigger_id: triggerId,
    view,
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}
