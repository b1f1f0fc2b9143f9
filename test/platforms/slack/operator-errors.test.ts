import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at } from '../../helpers/app-harness.js';
import { actionIds, SlackHarness, USERS } from './slack-harness.js';

const ZONE = 'America/Chicago';
const { robin, casey } = USERS;
const ALL_SCOPES = ['commands', 'chat:write', 'im:write', 'im:history', 'users:read', 'usergroups:read'];

async function enrol(h: SlackHarness, user: string, time: string): Promise<void> {
  const offer = await h.command(user, `start zone:${ZONE} time:${time}`);
  const agree = actionIds(offer.body.blocks).find((id) => id.startsWith('enrol.agree'));
  const done = await h.click(user, agree ?? '');
  await done.waitForResponses(1);
  // One nudge a day keeps the ticks below one per day.
  await h.command(user, 'settings follow-up off');
  expect(h.participant(user)?.followUp).toBe(false);
}

/**
 * An app installed without a scope, or whose token was revoked, fails every send alike: that is the operator's
 * to fix, so nobody is marked unreachable and the log says what to change. Only errors about the person are
 * permanent.
 */
describe('Slack: the app’s own setup failing is not the person’s failure (in-process queue)', () => {
  let h: SlackHarness;
  const failedTotal = async (permanent: boolean) => {
    const text = await h.bot.runtime.metrics.text();
    const m = new RegExp(`interlude_nudges_failed_total\\{permanent="${permanent}"\\} (\\d+)`).exec(text);
    return Number(m?.[1] ?? Number.NaN);
  };
  const delivery = (user: string, localDate: string) =>
    h.deps.store.deliveries
      .forParticipant(h.participant(user)?.id ?? 0)
      .find((d) => d.localDate === localDate);

  beforeAll(async () => {
    h = await SlackHarness.start(at(ZONE, '2026-06-01T07:00'), {
      env: { DELIVERY_ATTEMPTS: '2', DELIVERY_BACKOFF_MS: '10' },
    });
    await enrol(h, robin.id, '08:00');
  });
  afterAll(async () => {
    await h.close();
  });

  it('no im:write: conversations.open says missing_scope; the log names the scope, robin stays reachable', async () => {
    h.fake.grantScopes(ALL_SCOPES.filter((s) => s !== 'im:write'));
    await h.tick(at(ZONE, '2026-06-01T08:00'));
    expect(h.fake.calls.filter((c) => c.method === 'conversations.open').map((c) => c.error)).toContain(
      'missing_scope',
    );
    const p = h.participant(robin.id);
    expect(p?.unreachable).toBe(false);
    expect(p?.paused).toBe(false);
    expect(p?.nextDueAt).not.toBeNull();
    expect(delivery(robin.id, '2026-06-01')?.lastError).toMatch(/missing_scope.*im:write/);
    expect(await failedTotal(true)).toBe(0);
    expect(await failedTotal(false)).toBe(1);
    const problem = h.log.entries.find((e) => e.level === 'error' && /missing_scope/.test(e.msg ?? ''));
    expect(problem?.obj).toMatchObject({ error: 'missing_scope', neededScope: 'im:write' });
    expect(JSON.stringify(problem?.obj)).toContain('chat:write');
    expect(JSON.stringify(h.log.entries)).not.toContain(h.fake.botToken);
    expect(h.log.entries.some((e) => e.msg === 'participant unreachable')).toBe(false);
  });

  it('no chat:write with the DM already open: chat.postMessage says missing_scope, still not unreachable', async () => {
    h.fake.grantScopes(null);
    await h.tick(at(ZONE, '2026-06-02T08:00'));
    expect(h.fake.messagesTo(robin.id)).toHaveLength(1);
    expect(h.participant(robin.id)?.dmChannelId).toBe(h.fake.dmChannels.get(robin.id));

    h.fake.grantScopes(ALL_SCOPES.filter((s) => s !== 'chat:write'));
    await h.tick(at(ZONE, '2026-06-03T08:00'));
    expect(h.fake.calls.at(-1)).toMatchObject({ method: 'chat.postMessage', error: 'missing_scope' });
    expect(h.participant(robin.id)?.unreachable).toBe(false);
    expect(delivery(robin.id, '2026-06-03')?.lastError).toMatch(/missing_scope.*chat:write/);
    expect(
      h.log.entries.some(
        (e) => e.level === 'error' && (e.obj as { neededScope?: string }).neededScope === 'chat:write',
      ),
    ).toBe(true);
    expect(await failedTotal(true)).toBe(0);
  });

  it('a revoked token or an uninstalled app (account_inactive) is not the person’s failure either', async () => {
    h.fake.grantScopes(null);
    for (const [error, day] of [
      ['token_revoked', '2026-06-04'],
      ['account_inactive', '2026-06-05'],
    ] as const) {
      h.fake.revokeBotToken(error);
      await h.tick(at(ZONE, `${day}T08:00`));
      expect(h.participant(robin.id)?.unreachable).toBe(false);
      expect(delivery(robin.id, day)?.lastError).toBe(`slack ${error}`);
    }
    expect(await failedTotal(true)).toBe(0);
    expect(JSON.stringify(h.log.entries)).not.toContain(h.fake.botToken);

    // Fixed by the operator: the next nudge arrives as if nothing had happened.
    h.fake.revokeBotToken(null);
    await h.tick(at(ZONE, '2026-06-06T08:00'));
    expect(h.fake.messagesTo(robin.id)).toHaveLength(2);
  });

  it('errors about the person stay permanent: a bot user (cannot_dm_bot) is marked unreachable at once', async () => {
    await enrol(h, casey.id, '09:00');
    h.fake.blockDmsFrom(casey.id, 'cannot_dm_bot');
    await h.tick(at(ZONE, '2026-06-06T09:00'));
    expect(h.participant(casey.id)?.unreachable).toBe(true);
    expect(await failedTotal(true)).toBe(1);
    expect(h.participant(robin.id)?.unreachable).toBe(false);
  });
});
