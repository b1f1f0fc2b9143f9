import type { Platform } from '../domain/types.js';

/** Who is asking, as a platform adapter saw them. Roles are decided by the adapter from platform facts. */
export interface Actor {
  platform: Platform;
  /** Discord guild id, Slack team id, `local` on the console. */
  spaceExternalId: string;
  spaceName: string | null;
  userId: string;
  displayName: string | null;
  isFacilitator: boolean;
  /** May configure the space (Discord: Manage Server; Slack: workspace admin; the console: nobody, it has no roles). */
  isSpaceAdmin?: boolean;
}
