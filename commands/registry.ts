import type { CommandDef } from '../src/app/command.js';
import action from './action.js';
import checkin from './checkin.js';
import crisis from './crisis.js';
import dashboard from './dashboard.js';
import exportCmd from './export.js';
import forget from './forget.js';
import help from './help.js';
import intention from './intention.js';
import journal from './journal.js';
import pause from './pause.js';
import resume from './resume.js';
import session from './session.js';
import settings from './settings.js';
import setup from './setup.js';
import skip from './skip.js';
import start from './start.js';
import summary from './summary.js';

/** Every command, in the order /help lists them (a fresh list each call, so no caller can change another's). */
export const ALL_COMMANDS = (): CommandDef[] => [
  start,
  checkin,
  journal,
  intention,
  action,
  session,
  summary,
  settings,
  pause,
  resume,
  skip,
  exportCmd,
  forget,
  dashboard,
  setup,
  crisis,
  help,
];
