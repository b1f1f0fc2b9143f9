/**
 * views.open / views.push / views.update: trigger ids are single-use and expire (store.useTrigger), views get
 * generated ids and hashes, views.update honours view_id or external_id and a stale hash. views.push stacks on the
 * last view opened by anyone (one modal stack for the whole workspace: enough for one user at a time).
 */
import { opaque, slackId } from './ids.js';
import { blocksOf, fail, type MethodCtx, type MethodSpec, str } from './method-table.js';
import type { SlackStore } from './store.js';
import type { FakeSlackView, Json } from './types.js';

const newHash = () => `${Math.floor(Date.now() / 1000)}.${opaque(4)}`;

/** The view object Slack answers with (and sends back in view_submission / block_actions payloads). */
export function viewObject(store: SlackStore, v: FakeSlackView, stateValues: Json = {}): Json {
  const { identity } = store;
  const raw = v.view ?? {};
  return {
    id: v.id,
    team_id: identity.teamId,
    type: v.type,
    blocks: v.blocks,
    private_metadata: v.privateMetadata,
    callback_id: v.callbackId,
    state: { values: stateValues },
    hash: v.hash,
    title: v.title,
    clear_on_close: raw.clear_on_close ?? false,
    notify_on_close: raw.notify_on_close ?? false,
    close: raw.close ?? null,
    submit: raw.submit ?? null,
    previous_view_id: v.previousViewId,
    root_view_id: v.rootViewId,
    app_id: identity.appId,
    external_id: v.externalId ?? '',
    app_installed_team_id: identity.teamId,
    bot_id: identity.botId,
  };
}

function checkView(view: Json): string | null {
  if (!view || typeof view !== 'object' || Array.isArray(view)) return 'invalid_arguments';
  if (typeof view.type !== 'string') return 'invalid_arguments';
  if (view.external_id !== undefined && typeof view.external_id !== 'string') return 'invalid_arguments';
  return null;
}

function applyView(v: FakeSlackView, view: Json): void {
  v.type = view.type;
  v.callbackId = str(view.callback_id) ?? '';
  v.privateMetadata = str(view.private_metadata) ?? '';
  v.title = view.title ?? null;
  v.blocks = blocksOf(view.blocks);
  v.view = view;
  v.hash = newHash();
}

function openOrPush(method: 'views.open' | 'views.push') {
  return ({ params, store }: MethodCtx): Json => {
    const view = params.view;
    const bad = checkView(view);
    if (bad) return fail(bad);
    const triggerError = store.useTrigger(params.trigger_id);
    if (triggerError) return fail(triggerError);
    if (view.external_id && store.findView({ externalId: view.external_id }))
      return fail('duplicate_external_id');
    const id = slackId('V');
    const parent = method === 'views.push' ? store.views.at(-1) : undefined;
    const v: FakeSlackView = {
      id,
      ...(view.external_id ? { externalId: view.external_id } : {}),
      type: '',
      callbackId: '',
      privateMetadata: '',
      title: null,
      blocks: [],
      hash: '',
      rootViewId: parent?.rootViewId ?? id,
      previousViewId: parent?.id ?? null,
      openedWith: method,
      triggerId: params.trigger_id,
      view,
      updates: 0,
      at: Date.now(),
    };
    applyView(v, view);
    store.views.push(v);
    return { ok: true, view: viewObject(store, v) };
  };
}

function update({ params, store }: MethodCtx): Json {
  const view = params.view;
  const bad = checkView(view);
  if (bad) return fail(bad);
  if (!params.view_id && !params.external_id) return fail('invalid_arguments');
  const v = store.findView({ viewId: params.view_id, externalId: params.external_id });
  if (!v) return fail('not_found');
  if (typeof params.hash === 'string' && params.hash !== v.hash) return fail('hash_conflict');
  applyView(v, view);
  if (typeof view.external_id === 'string') v.externalId = view.external_id;
  v.updates += 1;
  return { ok: true, view: viewObject(store, v) };
}

export const VIEW_METHODS: Record<string, MethodSpec> = {
  'views.open': { token: 'bot', handle: openOrPush('views.open') },
  'views.push': { token: 'bot', handle: openOrPush('views.push') },
  'views.update': { token: 'bot', handle: update },
};
