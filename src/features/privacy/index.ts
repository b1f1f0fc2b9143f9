import type { Feature } from '../../app/feature.js';
import { forgetConfirmed } from '../../app/forget.js';
import { text } from '../../views/message.js';
import { PRIVACY_TEXTS } from './texts.js';

/** A person's data is theirs: /forget's confirmation buttons. */
export const privacy: Feature = {
  name: 'privacy',
  buttons: {
    'forget.confirm': ({ deps, me }) => forgetConfirmed(deps, me()),
    'forget.cancel': () => ({ blocks: [text(PRIVACY_TEXTS.kept)] }),
  },
};
