/**
 * users.info, usergroups.users.list, the v2 file upload (files.getUploadURLExternal + POST to the upload URL +
 * files.completeUploadExternal) and apps.connections.open.
 */
import { slackId } from './ids.js';
import { fail, type MethodCtx, type MethodSpec, str } from './method-table.js';
import type { FakeSlackFile, Json } from './types.js';

function usersInfo({ params, store }: MethodCtx): Json {
  const user = str(params.user);
  if (!user || store.unknownUsers.has(user)) return fail('user_not_found');
  return { ok: true, user: store.userObject(user) };
}

function usergroupUsers({ params, store }: MethodCtx): Json {
  const users = store.usergroups.get(str(params.usergroup) ?? '');
  return users ? { ok: true, users: [...users] } : fail('no_such_subteam');
}

function getUploadUrl({ params, store, baseUrl }: MethodCtx): Json {
  const filename = str(params.filename);
  const length = Number(params.length);
  if (!filename || !Number.isInteger(length) || length < 0) return fail('invalid_arguments');
  const id = slackId('F');
  store.uploads.set(id, { id, filename, length, content: null });
  return { ok: true, upload_url: `${baseUrl}/upload/${id}`, file_id: id };
}

function completeUpload({ params, store }: MethodCtx): Json {
  const list: Json[] = Array.isArray(params.files) ? params.files : [];
  if (list.length === 0) return fail('invalid_arguments');
  const uploads = list.map((f) => store.uploads.get(str(f?.id) ?? ''));
  if (uploads.some((u) => !u?.content)) return fail('file_not_found');
  let channel: string | null = null;
  const channelArg = str(params.channel_id) ?? str(params.channels);
  if (channelArg) {
    const target = store.resolveChannel(channelArg);
    if ('error' in target) return fail(target.error);
    const blocked = store.postError(target.dmUser);
    if (blocked) return fail(blocked);
    channel = target.id;
  }
  const at = Date.now();
  const files: FakeSlackFile[] = uploads.map((u, i) => ({
    id: u!.id,
    filename: u!.filename,
    title: str(list[i]?.title) ?? u!.filename,
    declaredLength: u!.length,
    content: u!.content!,
    channel,
    ...(str(params.initial_comment) ? { initialComment: str(params.initial_comment) } : {}),
    ...(str(params.thread_ts) ? { threadTs: str(params.thread_ts) } : {}),
    at,
  }));
  for (const f of files) {
    store.uploads.delete(f.id);
    store.files.push(f);
  }
  return {
    ok: true,
    files: files.map((f) => ({
      id: f.id,
      created: Math.floor(at / 1000),
      name: f.filename,
      title: f.title,
      size: f.content.length,
      user: store.identity.botUserId,
      channels: f.channel && /^C/.test(f.channel) ? [f.channel] : [],
      groups: f.channel && /^G/.test(f.channel) ? [f.channel] : [],
      ims: f.channel && /^D/.test(f.channel) ? [f.channel] : [],
    })),
  };
}

function connectionsOpen({ openSocketUrl }: MethodCtx): Json {
  return { ok: true, url: openSocketUrl() };
}

export const MISC_METHODS: Record<string, MethodSpec> = {
  'users.info': { token: 'bot', handle: usersInfo },
  'usergroups.users.list': { token: 'bot', handle: usergroupUsers },
  'files.getUploadURLExternal': { token: 'bot', handle: getUploadUrl },
  'files.completeUploadExternal': { token: 'bot', handle: completeUpload },
  'apps.connections.open': { token: 'app', handle: connectionsOpen },
};
