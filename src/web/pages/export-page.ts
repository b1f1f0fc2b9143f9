import { type Html, html } from '../html.js';
import { type PageChrome, page } from './layout.js';

export interface ExportFileLine {
  filename: string;
  /** Size in bytes of the file as it would download now. */
  bytes: number;
}

export interface ExportPageModel {
  files: ExportFileLine[];
  /** Whole minutes until the page stops working (the link's hour). */
  minutesLeft: number;
}

/** What each file holds, in one line; a file not listed here still downloads, with a plain description. */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  'interlude-export.json':
    'Everything in one file: your profile and settings, check-ins, journal, intentions, action plans, session dates and the reminders sent to you.',
  'interlude-checkins.csv':
    'Your check-ins: scores, reflections and tags, one row each. Opens in a spreadsheet.',
  'interlude-journal.csv': 'Your journal entries, exactly as you wrote them.',
  'interlude-intentions.csv': 'Your intentions, with the day each was set.',
  'interlude-actions.csv': 'Your action plans and what became of them.',
  'interlude-sessions.csv': 'The therapy session dates you recorded.',
};

export const describeExportFile = (filename: string): string =>
  DESCRIPTIONS[filename] ?? 'Part of what Interlude holds about you.';

/** The download route for one file; filenames are ours, but they are encoded all the same. */
export const exportFileHref = (filename: string): string => `/export/${encodeURIComponent(filename)}`;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const fileCard = (f: ExportFileLine): Html =>
  html`<section class="card">
<h2><a href="${exportFileHref(f.filename)}" download="${f.filename}">${f.filename}</a></h2>
<p>${describeExportFile(f.filename)}</p>
<p class="muted">${formatBytes(f.bytes)}</p>
</section>`;

const timeLeft = (minutes: number): string =>
  minutes <= 1 ? 'less than a minute more' : `${minutes} more minutes`;

/** The page an export link opens: every file, each a download. The files are built when they are downloaded. */
export function exportPage(m: ExportPageModel, chrome: PageChrome): string {
  return page(
    'Your data',
    html`<h1>Your data</h1>
<p>These files hold everything Interlude stores about you. Keep them somewhere safe: anyone who has them can read what you wrote.</p>
<p class="muted">Only you can see this page. It works in this browser for ${timeLeft(m.minutesLeft)}; /export in your chat with Interlude gives a fresh link.</p>
${m.files.map(fileCard)}`,
    chrome,
  );
}

/** No export session in this browser (none, ended, or another page's): nothing is downloaded. */
export function exportSignedOutPage(chrome: PageChrome): string {
  return page(
    'Please open your link again',
    html`<h1>Please open your link again</h1>
<p>Downloads need the private link from your /export message, opened in this browser, within the hour it lasts.</p>
<p>To get a fresh one, type /export in your chat with Interlude.</p>`,
    chrome,
  );
}

/** A file name this page does not offer. */
export function noExportFilePage(chrome: PageChrome): string {
  return page(
    'No such file',
    html`<h1>No such file</h1>
<p>There is no file by that name. The download page lists every file there is.</p>`,
    chrome,
  );
}
