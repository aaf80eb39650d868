// The console in a real browser against a running local runtime (FLOWLINE_URL, FLOWLINE_TOKEN): the steps a user
// takes, in order; each saves a screenshot under console/target/screenshots.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiClient, openBrowser } from './browser.js';

const URL = process.env.FLOWLINE_URL;
const TOKEN = process.env.FLOWLINE_TOKEN;
const SHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'target', 'screenshots');
const api = apiClient(URL, TOKEN);
const WAIT = { timeout: 30_000 };

const flow = (nextOfFirst) => ({
  type: 'CONTACT_FLOW', objectTypeId: '0-1', flowType: 'WORKFLOW', name: 'Lead welcome', isEnabled: false,
  startActionId: '1',
  actions: [
    { type: 'SINGLE_CONNECTION', actionId: '1', actionTypeVersion: 0, actionTypeId: '0-4',
      fields: { content_id: 'welcome' }, connection: { edgeType: 'STANDARD', nextActionId: nextOfFirst } },
    { type: 'SINGLE_CONNECTION', actionId: '2', actionTypeVersion: 0, actionTypeId: '0-1',
      fields: { delta: '3', time_unit: 'DAYS' }, connection: { edgeType: 'STANDARD', nextActionId: '3' } },
    { type: 'SINGLE_CONNECTION', actionId: '3', actionTypeVersion: 0, actionTypeId: '0-4',
      fields: { content_id: 'follow-up' } },
  ],
  enrollmentCriteria: {
    type: 'LIST_BASED', shouldReEnroll: false, unEnrollObjectsNotMeetingCriteria: false,
    reEnrollmentTriggersFilterBranches: [],
    listFilterBranch: { filterBranchType: 'OR', filterBranchOperator: 'OR', filters: [], filterBranches: [
      { filterBranchType: 'AND', filterBranchOperator: 'AND', filterBranches: [], filters: [
        { filterType: 'PROPERTY', property: 'lifecyclestage', operation: { operationType: 'STRING',
          operator: 'IS_EQUAL_TO', value: 'lead', includeObjectsWithNoValueSet: false } }] }] },
  },
  timeWindows: [], blockedDates: [], customProperties: {}, suppressionListIds: [], canEnrollFromSalesforce: false,
});

describe('the console', () => {
  let browser;
  let page;
  let flowId;
  let contactIds;

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await openBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    // the flow's marketing emails are filled in from the account's templates
    for (const contentId of ['welcome', 'follow-up']) {
      await api('PUT', `/flowline/v1/email-templates/${contentId}`,
        { subject: `${contentId}, {{ contact.firstname }}`, text: 'Hello {{ contact.firstname }}' });
    }
  });
  after(() => browser?.close());

  const shot = (name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const countAt = (actionId, kind) => page.textContent(`[data-action-id="${actionId}"] .count-${kind}`);

  test('signs in with a token, refusing a wrong one', async () => {
    await page.goto(`${URL}/console`);
    await page.getByLabel('API token').fill('pat-fl-not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('This token is not valid.').waitFor(WAIT);
    await page.getByLabel('API token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Flows' }).waitFor(WAIT);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('flowline.token')), TOKEN);
    await shot('1-flows');
  });

  test('creates a flow in the editor: the error is marked at its pointer, then fixed', async () => {
    await page.getByRole('link', { name: 'New flow (JSON)' }).click();
    const editor = page.getByLabel('The flow, in HubSpot\'s Automation v4 JSON');
    await editor.fill(JSON.stringify(flow('9'), null, 2));
    await page.getByRole('button', { name: 'Save' }).click();
    const problem = page.locator('#problems li').first();
    await problem.waitFor(WAIT);
    assert.match(await problem.textContent(), /\/actions\/0\/connection\/nextActionId/);
    assert.equal(await page.locator('.marked mark').first().textContent(), '"9"');
    await shot('2-editor-error');

    await editor.fill(JSON.stringify(flow('2'), null, 2));
    await page.getByRole('button', { name: 'Dry run' }).click();
    const dryRun = page.locator('#dry-run-result');
    await dryRun.locator('table').waitFor(WAIT);
    assert.match(await dryRun.textContent(), /aCOMPLETED/);
    assert.match(await dryRun.textContent(), /bNOT_ENROLLED/);
    assert.equal(await dryRun.locator('[data-action-id="3"] .count-succeeded').textContent(), '1');
    await shot('2-editor-dry-run');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Lead welcome' }).waitFor(WAIT);
    flowId = decodeURIComponent(new globalThis.URL(page.url()).hash.split('/')[2]);
    assert.equal(await countAt('1', 'here'), '0');
    assert.equal(await page.textContent('#flow-state'), 'Off');
  });

  test('turns the flow on', async () => {
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.locator('#flow-state', { hasText: 'On' }).waitFor(WAIT);
    assert.equal((await api('GET', `/automation/v4/flows/${flowId}`)).isEnabled, true);
    await page.getByLabel('Earlier revision').selectOption('1');
    await page.getByRole('button', { name: 'Compare with the current one' }).click();
    assert.equal(await page.locator('.diff .removed').textContent(), '-   "isEnabled": false,\n');
    assert.equal(await page.locator('.diff .added').textContent(), '+   "isEnabled": true,\n');
  });

  test('shows the counts on the graph change as contacts created through the API go through it', async () => {
    contactIds = [];
    for (const name of ['ada', 'grace', 'alan']) {
      const contact = await api('POST', '/crm/v3/objects/contacts',
        { properties: { email: `${name}@example.com`, firstname: name, lifecyclestage: 'lead' } });
      contactIds.push(contact.id);
    }
    // waiting out the delay, each is at the action its next step runs
    await page.waitForFunction(() => document.querySelector('[data-action-id="3"] .count-here')?.textContent === '3',
      null, WAIT);
    assert.equal(await countAt('1', 'succeeded'), '3');
    assert.equal(await countAt('2', 'succeeded'), '3');
    assert.equal(await countAt('1', 'here'), '0');
    await shot('3-flow-graph');
  });

  test('opens a contact\'s timeline from the contacts at an action', async () => {
    await page.locator('[data-action-id="3"]').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: contactIds[0] }).click();
    await page.getByRole('heading', { name: 'ada@example.com' }).waitFor(WAIT);
    const timeline = page.locator('#timeline');
    // the contact may match both flows turned on by now: an ENROLLED row for each that enrolled it
    await timeline.locator('.kind.ENROLLED').first().waitFor(WAIT);
    assert.match(await timeline.textContent(), /ACTION_SUCCEEDED/);
    assert.match(await timeline.textContent(), /Lead welcome/);
    await page.getByLabel('Kind').selectOption('ENROLLED');
    assert.ok(await timeline.locator('tbody tr').count() >= 1);
    assert.equal(await timeline.locator('tbody tr .kind:not(.ENROLLED)').count(), 0);
    await shot('4-contact-timeline');
  });

  test('shows the progress of enrolling the existing contacts of a flow turned on with them', async () => {
    const existing = await api('POST', '/automation/v4/flows', { ...flow('2'), name: 'Existing leads' });
    await page.goto(`${URL}/console/#/flows/${encodeURIComponent(existing.id)}`);
    await page.getByRole('heading', { name: 'Existing leads' }).waitFor(WAIT);
    assert.equal(await page.textContent('#activation'), '');
    await page.getByLabel('Enrol existing contacts that meet the triggers').check();
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.locator('#flow-state', { hasText: 'On' }).waitFor(WAIT);
    // once every part of the contacts has been read
    await page.locator('#activation', { hasText: /^Existing contacts: [1-9]\d* enrolled of \d+ read$/ }).waitFor(WAIT);
    await shot('4-existing-contacts');
  });

  test('reads a journey\'s stage counts', async () => {
    const { list } = await api('POST', '/crm/v3/lists', { name: 'Onboarding', objectTypeId: '0-1', processingType: 'MANUAL' });
    const journey = await api('POST', '/flowline/v1/journeys', {
      name: 'Onboarding', propertyName: 'journey_stage', enrollmentListIds: [list.listId], enrollEmptyValue: false,
      stages: [
        { stageId: '1', name: 'New', propertyValue: 'new', actions: [
          { type: 'SINGLE_CONNECTION', actionId: 'a1', actionTypeId: 'fl-journey-go-to', fields: { stageId: '2' } }] },
        { stageId: '2', name: 'Engaged', propertyValue: 'engaged', actions: [
          { type: 'SINGLE_CONNECTION', actionId: 'b1', actionTypeId: '0-1', fields: { delta: '2', time_unit: 'DAYS' } }] }],
      exits: [{ exitId: 'won', name: 'Customer', goal: true, propertyValue: 'customer' },
        { exitId: 'lost', name: 'Lost', goal: false, propertyValue: 'lost' }],
      unEnrollment: { suppressionListIds: [], removedFromEnrollmentLists: false, endMatchedEarly: false },
    });
    await api('POST', `/flowline/v1/journeys/${journey.id}/publish`);
    await api('PUT', `/crm/v3/lists/${list.listId}/memberships/add`, contactIds.slice(0, 2));
    for (const id of contactIds.slice(0, 2)) {
      await api('PATCH', `/crm/v3/objects/contacts/${id}`, { properties: { journey_stage: 'new' } });
    }
    await page.getByRole('link', { name: 'Journeys' }).click();
    await page.getByRole('link', { name: 'Onboarding' }).click();
    await page.getByRole('heading', { name: 'Stages' }).waitFor(WAIT);
    // the figures are read when the page opens: open it again until both contacts are in stage 2
    for (let i = 0; i < 60; i++) {
      if (await page.textContent('[data-stage-id="2"] .stage-entered') === '2') break;
      await new Promise((resolve) => setTimeout(resolve, 500));
      await page.reload();
      await page.getByRole('heading', { name: 'Stages' }).waitFor(WAIT);
    }
    assert.equal(await page.textContent('[data-stage-id="1"] .stage-entered'), '2');
    assert.equal(await page.textContent('[data-stage-id="2"] .stage-entered'), '2');
    await shot('5-journey');
  });

  test('lists failures and the outbox on the activity page', async () => {
    await page.getByRole('link', { name: 'Activity' }).click();
    await page.getByText('Outbox').waitFor(WAIT);
    assert.match(await page.textContent('main'), /ada@example\.com/);
    await shot('6-activity');
  });
});
