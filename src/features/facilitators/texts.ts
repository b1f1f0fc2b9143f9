/** What Interlude says to facilitators and to the people who set up a server or workspace. */
export const FACILITATOR_TEXTS = {
  dashboardIntro:
    'Your facilitator dashboard shows the members of this group who chose to share their check-ins with you.',
  openDashboard: 'Open the dashboard',
  dashboardLinkRules: (hours: number) =>
    `The link signs you in once, in one browser, for ${hours} hours, and expires in an hour if unused. Please do not forward it. Each time you open the roster or a member's page, that view is logged.`,
  consoleHasNoRoles: 'The console has no roles: use :facilitator on to act as a facilitator.',
  setupInServer:
    'Run /setup inside your server, not in a direct message: the facilitator role belongs to a server.',
  roleCleared:
    'The facilitator role is cleared: nobody here can use the facilitator commands until you set one again.',
  roleSet:
    'Done. Members with that role are facilitators here: they can use /dashboard to see the members who chose to share their check-ins. Anyone who loses the role can no longer get a sign-in link.',
  roleIsSet: 'A facilitator role is set for this server. Change it with /setup facilitator-role.',
  noRoleYet:
    'No facilitator role is set yet. Choose one with /setup facilitator-role, so facilitators can use /dashboard.',
};
