import type { Landings } from '../web-context.js';
import { dashboardLanding } from './dashboard-route.js';
import { exportLanding } from './export-route.js';
import { reflectionLanding } from './reflection-route.js';

/** The pages links open besides the check-in form (createWebApp adds that one itself). */
export const PAGE_LANDINGS: Landings = {
  reflection: reflectionLanding,
  dashboard: dashboardLanding,
  export: exportLanding,
};
