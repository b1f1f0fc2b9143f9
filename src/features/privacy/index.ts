import type { Feature } from '../../app/feature.js';
import { text } from '../../views/message.js';
import { forgetConfirmed } from './forget.js';
import { PRIVACY_TEXTS } from './texts.js';

/** A person's data is theirs: /forget's confirmation buttons, and the export files a surface wrote erased too. */
export const privacy: Feature = {
  name: 'privacy',
  // Erase means every copy we made: export files written on this machine (the console's) go too.
  forgetPart: (deps, p) => {
    deps.exportCopies?.eraseFor(p);
  },
  buttons: {
    'forget.confirm': ({ deps, me }) => forgetConfirmed(deps, me()),
    'forget.cancel': () => ({ blocks: [text(PRIVACY_TEXTS.kept)] }),
  },
};
