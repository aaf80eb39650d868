// The README's picture of the console (docs/console.png): a flow with an if/then branch and a go-to, turned on,
// with contacts going through it. Run by `run.sh --screenshot` against a fresh local runtime.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiClient, openBrowser } from './browser.js';

const URL = process.env.FLOWLINE_URL;
const TOKEN = process.env.FLOWLINE_TOKEN;
const api = apiClient(URL, TOKEN);
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'console.png');

const property = (name, value) => ({ filterType: 'PROPERTY', property: name, operation: { operationType: 'STRING',
  operator: 'IS_EQUAL_TO', value, includeObjectsWithNoValueSet: false } });
const and = (...filters) => ({ filterBranchType: 'AND', filterBranchOperator: 'AND', filterBranches: [], filters });
const next = (id, edgeType = 'STANDARD') => ({ edgeType, nextActionId: id });
const action = (actionId, actionTypeId, fields, connection) => ({ type: 'SINGLE_CONNECTION', actionId,
  actionTypeVersion: 0, actionTypeId, fields, ...(connection ? { connection } : {}) });

const flow = await api('POST', '/automation/v4/flows?enrollExistingContacts=false', {
  type: 'CONTACT_FLOW', objectTypeId: '0-1', flowType: 'WORKFLOW', name: 'Lead nurture', isEnabled: true,
  startActionId: '1',
  actions: [
    action('1', '0-4', { content_id: 'welcome' }, next('2')),
    { type: 'LIST_BRANCH', actionId: '2', listBranches: [{ branchName: 'In France', filterBranch: and(property('country', 'FR')),
      connection: next('3') }], defaultBranch: next('4'), defaultBranchName: 'Elsewhere' },
    action('3', '0-4', { content_id: 'bienvenue' }, next('6', 'GOTO')),
    action('4', '0-1', { delta: '2', time_unit: 'DAYS' }, next('5')),
    action('5', '0-4', { content_id: 'case-studies' }, next('6')),
    action('6', '0-5', { property_name: 'hs_lead_status', value: { type: 'STATIC_VALUE', staticValue: 'OPEN' } }),
  ],
  enrollmentCriteria: { type: 'LIST_BASED', shouldReEnroll: false, unEnrollObjectsNotMeetingCriteria: false,
    reEnrollmentTriggersFilterBranches: [],
    listFilterBranch: { filterBranchType: 'OR', filterBranchOperator: 'OR', filters: [],
      filterBranches: [and(property('lifecyclestage', 'lead'))] } },
  goalFilterBranch: { filterBranchType: 'OR', filterBranchOperator: 'OR', filters: [],
    filterBranches: [and(property('lifecyclestage', 'customer'))] },
  timeWindows: [], blockedDates: [], customProperties: {}, suppressionListIds: [], canEnrollFromSalesforce: false,
});
for (const contentId of ['welcome', 'bienvenue', 'case-studies']) {
  await api('PUT', `/flowline/v1/email-templates/${contentId}`,
    { subject: `${contentId}, {{ contact.firstname }}`, text: 'Hello {{ contact.firstname }}' });
}
const people = [['ada', 'GB'], ['grace', 'US'], ['alan', 'GB'], ['marie', 'FR'], ['blaise', 'FR'], ['edsger', 'NL']];
for (const [name, country] of people) {
  await api('POST', '/crm/v3/objects/contacts',
    { properties: { email: `${name}@example.com`, firstname: name, country, lifecyclestage: 'lead' } });
}
const browser = await openBrowser();
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.addInitScript((token) => sessionStorage.setItem('flowline.token', token), TOKEN);
  await page.goto(`${URL}/console#/flows/${flow.id}`);
  await page.waitForFunction(() => document.querySelector('[data-action-id="5"] .count-here')?.textContent === '4',
    null, { timeout: 60_000 });
  await page.locator('[data-action-id="5"]').click();
  await page.locator('.at-action tbody tr').nth(3).waitFor();
  await page.screenshot({ path: OUT, fullPage: true });
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
}
