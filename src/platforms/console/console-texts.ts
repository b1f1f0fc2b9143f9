/** What Interlude says on the console only (its check-in asked one question at a time, its export files). */
export const consoleTexts = {
  checkinStillOpen:
    'Your check-in is still open: answer when you are ready, or type /cancel to put it aside.',
  checkinHowToStop:
    '(every line you type now is an answer; type /cancel to stop — nothing is saved until the last answer)',
  checkinPutAside: 'Check-in put aside. Nothing was saved.',
  savedFile: (path: string) => `saved: ${path}`,
  exportWhere: (dir: string) =>
    `These files are on this computer, in ${dir}, readable only by your user account. /forget erases them along with everything else, so copy them somewhere else first if you want to keep them.`,
  // How a channel post (groups, alerts) shows in the terminal, which has no channels of its own.
  channelPost: (channel: string, id: string) => `Interlude ▸ #${channel} · post ${id}`,
  channelEdit: (channel: string, id: string) => `Interlude ▸ #${channel} · post ${id}, edited`,
  channelPin: (channel: string, id: string) => `📌 Interlude pinned post ${id} in #${channel}`,
};
