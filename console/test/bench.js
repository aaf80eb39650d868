// Console figures in Chromium, against a running local runtime (FLOWLINE_URL, FLOWLINE_TOKEN), medians of 5 runs: the
// first load of the console on a fresh profile (to the flows listed), the flow page of a 200-action flow (to its
// last action drawn), and the layout and drawing of that graph alone. One line per figure, in the format of
// ./bench/run.
import { loadavg } from 'node:os';
import { apiClient, openBrowser } from './browser.js';

const URL = process.env.FLOWLINE_URL;
const TOKEN = process.env.FLOWLINE_TOKEN;
const api = apiClient(URL, TOKEN);
const ACTIONS = 200;
const RUNS = 5;

/** A figure without a target ("report"): browser timings depend on the machine and on what else it runs. */
function line(name, value, unit) {
  console.log(`${name.padEnd(34)} ${value.toFixed(2).padStart(15)} ${unit.padEnd(16)} report`);
}

/** A chain of delays and emails with an if/then branch every 20 actions, both ways joining the chain again. */
function bigFlow() {
  const actions = [];
  for (let i = 1; i <= ACTIONS; i++) {
    const next = i < ACTIONS ? String(i + 1) : null;
    const connection = next && { edgeType: 'STANDARD', nextActionId: next };
    if (i % 20 === 0 && i + 2 <= ACTIONS) {
      actions.push({ type: 'LIST_BRANCH', actionId: String(i), listBranches: [{ branchName: 'Customers',
        filterBranch: { filterBranchType: 'AND', filterBranchOperator: 'AND', filterBranches: [], filters: [
          { filterType: 'PROPERTY', property: 'lifecyclestage', operation: { operationType: 'STRING',
            operator: 'IS_EQUAL_TO', value: 'customer', includeObjectsWithNoValueSet: false } }] },
        connection: { edgeType: 'STANDARD', nextActionId: String(i + 1) } }],
      defaultBranch: { edgeType: 'GOTO', nextActionId: String(i + 2) }, defaultBranchName: 'Others' });
    } else {
      actions.push({ type: 'SINGLE_CONNECTION', actionId: String(i), actionTypeVersion: 0,
        actionTypeId: i % 2 ? '0-1' : '0-4', fields: i % 2 ? { delta: '1', time_unit: 'DAYS' } : { content_id: `e${i}` },
        ...(connection ? { connection } : {}) });
    }
  }
  return { type: 'CONTACT_FLOW', objectTypeId: '0-1', flowType: 'WORKFLOW', name: `${ACTIONS} actions`, isEnabled: false,
    startActionId: '1', actions,
    enrollmentCriteria: { type: 'MANUAL', shouldReEnroll: false, unEnrollObjectsNotMeetingCriteria: false,
      reEnrollmentTriggersFilterBranches: [] },
    timeWindows: [], blockedDates: [], customProperties: {}, suppressionListIds: [], canEnrollFromSalesforce: false };
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

const flow = await api('POST', '/automation/v4/flows', bigFlow());
const loads = [];
const renders = [];
const pages = [];
for (let run = 0; run < RUNS; run++) {
  const browser = await openBrowser();
  try {
    const page = await browser.context.newPage();
    await page.addInitScript((token) => sessionStorage.setItem('flowline.token', token), TOKEN);
    const started = Date.now();
    await page.goto(`${URL}/console#/flows`);
    await page.locator('table caption', { hasText: 'Flows' }).waitFor();
    loads.push(Date.now() - started);

    const opened = Date.now();
    await page.goto(`${URL}/console#/flows/${flow.id}`);
    await page.locator(`[data-action-id="${ACTIONS}"]`).waitFor();
    pages.push(Date.now() - opened);

    renders.push(await page.evaluate(async (id) => {
      const { layout, draw } = await import('/console/graph.js');
      const definition = await (await fetch(`/automation/v4/flows/${id}`,
        { headers: { Authorization: `Bearer ${sessionStorage.getItem('flowline.token')}` } })).json();
      const start = performance.now();
      const graph = draw(definition, layout(definition), () => ({ here: 0, succeeded: 0, failed: 0, skipped: 0 }), () => {});
      document.body.append(graph);
      graph.getBoundingClientRect();
      return performance.now() - start;
    }, flow.id));
  } finally {
    await browser.close();
  }
}
line('console first load', median(loads), 'ms');
line(`flow page, ${ACTIONS} actions`, median(pages), 'ms');
line(`graph layout and draw, ${ACTIONS}`, median(renders), 'ms');
line('load average (1 min) meanwhile', loadavg()[0], 'runnable');
