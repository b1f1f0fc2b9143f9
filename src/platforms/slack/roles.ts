import type { WebClient } from '@slack/web-api';
import type { Clock } from '../../ports/clock.js';

const TTL_MS = 5 * 60_000;

/**
 * Slack facts about people, looked up only when a command needs them and kept for five minutes: whether someone is
 * a workspace admin or owner (users.info), and who is in a user group (usergroups.users.list).
 */
export class SlackRoles {
  private readonly admins = new Map<string, { value: boolean; until: number }>();
  private readonly groups = new Map<string, { value: Set<string>; until: number }>();

  constructor(
    private readonly client: WebClient,
    private readonly clock: Clock,
  ) {}

  async isAdmin(userId: string): Promise<boolean> {
    const now = this.clock.now();
    const hit = this.admins.get(userId);
    if (hit && hit.until > now) return hit.value;
    const r = await this.client.users.info({ user: userId });
    const value = r.user?.is_admin === true || r.user?.is_owner === true;
    this.admins.set(userId, { value, until: now + TTL_MS });
    return value;
  }

  /** `role` is a user group id (S…) or a comma-separated list of user ids, as /setup stored it. */
  async isFacilitator(role: string | null, userId: string): Promise<boolean> {
    if (!role) return false;
    if (!role.startsWith('S')) return role.split(',').includes(userId);
    const now = this.clock.now();
    let hit = this.groups.get(role);
    if (!hit || hit.until <= now) {
      const r = await this.client.usergroups.users.list({ usergroup: role });
      hit = { value: new Set(r.users ?? []), until: now + TTL_MS };
      this.groups.set(role, hit);
    }
    return hit.value.has(userId);
  }
}
