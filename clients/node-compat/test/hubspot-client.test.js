// The official HubSpot Node client, pointed at a running Flowline (FLOWLINE_URL), works unchanged.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const hubspot = require('@hubspot/api-client');

const basePath = process.env.FLOWLINE_URL;
if (!basePath) {
  throw new Error('FLOWLINE_URL must name a running Flowline, e.g. http://localhost:3000');
}
const accessToken = process.env.FLOWLINE_TOKEN;
if (!accessToken) {
  throw new Error('FLOWLINE_TOKEN must be an API token of that Flowline (the local runtime prints one)');
}
const client = new hubspot.Client({ basePath, accessToken });
const unique = `${Date.now()}-${process.pid}`;

/** client.apiRequest answers a fetch Response; this checks its status and reads its JSON. */
async function request(method, path, { body, qs, status = 200 } = {}) {
  const response = await client.apiRequest({ method, path, body, qs });
  const text = await response.text();
  assert.equal(response.status, status, `${method} ${path}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Polls until check() returns a value: the engine enrols asynchronously, through its queues. */
async function eventually(what, check, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`not reached within ${timeoutMs} ms: ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function propertyIs(property, value) {
  return {
    filterBranchType: 'OR', filterBranchOperator: 'OR', filters: [], filterBranches: [{
      filterBranchType: 'AND', filterBranchOperator: 'AND', filterBranches: [], filters: [{
        filterType: 'PROPERTY', property,
        operation: { operationType: 'STRING', operator: 'IS_EQUAL_TO', value, includeObjectsWithNoValueSet: false },
      }],
    }],
  };
}

/** Leads wait a day, then get a marketing email. */
function leadNurture(name) {
  return {
    type: 'CONTACT_FLOW', objectTypeId: '0-1', flowType: 'WORKFLOW', isEnabled: false, name, startActionId: '1',
    actions: [
      { type: 'SINGLE_CONNECTION', actionId: '1', actionTypeVersion: 0, actionTypeId: '0-1',
        fields: { delta: '1', time_unit: 'DAYS' }, connection: { edgeType: 'STANDARD', nextActionId: '2' } },
      { type: 'SINGLE_CONNECTION', actionId: '2', actionTypeVersion: 0, actionTypeId: '0-4',
        fields: { content_id: 'welcome' } },
    ],
    enrollmentCriteria: {
      type: 'LIST_BASED', listFilterBranch: propertyIs('lifecyclestage', 'lead'),
      reEnrollmentTriggersFilterBranches: [], shouldReEnroll: false, unEnrollObjectsNotMeetingCriteria: false,
    },
    timeWindows: [], blockedDates: [], customProperties: {}, suppressionListIds: [], canEnrollFromSalesforce: false,
  };
}

test('contacts are created, updated and read through crm.contacts.basicApi', async () => {
  const email = `ada-${unique}@example.com`;
  const created = await client.crm.contacts.basicApi.create({
    properties: { email, firstname: 'Ada', lifecyclestage: 'subscriber' }, associations: [],
  });
  assert.match(created.id, /\S/);
  assert.equal(created.properties.email, email);

  const updated = await client.crm.contacts.basicApi.update(created.id, { properties: { firstname: 'Ada L.' } });
  assert.equal(updated.id, created.id);
  assert.equal(updated.properties.firstname, 'Ada L.');

  const read = await client.crm.contacts.basicApi.getById(created.id, ['email', 'firstname']);
  assert.equal(read.properties.firstname, 'Ada L.');
  assert.equal(read.properties.email, email);

  const byEmail = await client.crm.contacts.basicApi.getById(email, ['firstname'], undefined, undefined, false, 'email');
  assert.equal(byEmail.id, created.id);
});

test('a list is created and a contact added to it through crm.lists', async () => {
  const contact = await client.crm.contacts.basicApi.create({ properties: { email: `grace-${unique}@example.com` } });
  const created = await client.crm.lists.listsApi.create({
    name: `Newsletter ${unique}`, objectTypeId: '0-1', processingType: 'MANUAL',
  });
  assert.equal(created.list.name, `Newsletter ${unique}`);
  assert.equal(created.list.processingType, 'MANUAL');

  const added = await client.crm.lists.membershipsApi.add(created.list.listId, [contact.id]);
  assert.deepEqual(added.recordsIdsAdded, [contact.id]);
  assert.deepEqual(added.recordIdsMissing, []);
});

test('a custom behavioural event is sent through events.send.basicApi', async () => {
  const contact = await client.crm.contacts.basicApi.create({ properties: { email: `alan-${unique}@example.com` } });
  await client.events.send.basicApi.send({
    eventName: 'pe_webinar_attended', objectId: contact.id, occurredAt: new Date(), properties: { topic: 'flows' },
  });
});

test('a flow is created, read, updated with its revisionId and enabled through apiRequest', async () => {
  const lead = await client.crm.contacts.basicApi.create({
    properties: { email: `lead-${unique}@example.com`, lifecyclestage: 'lead' },
  });

  const created = await request('POST', '/automation/v4/flows', { body: leadNurture(`Lead nurture ${unique}`), status: 201 });
  assert.match(created.id, /^\d+$/);
  assert.equal(created.revisionId, '1');
  assert.equal(created.isEnabled, false);

  const read = await request('GET', `/automation/v4/flows/${created.id}`);
  assert.equal(read.name, `Lead nurture ${unique}`);
  assert.equal(read.enrollmentCriteria.type, 'LIST_BASED');

  const renamed = await request('PUT', `/automation/v4/flows/${created.id}`, {
    body: { ...read, name: `Lead nurture ${unique} (v2)` },
  });
  assert.equal(renamed.name, `Lead nurture ${unique} (v2)`);
  assert.notEqual(renamed.revisionId, read.revisionId);

  const stale = await client.apiRequest({
    method: 'PUT', path: `/automation/v4/flows/${created.id}`, body: { ...read, name: 'stale' },
  });
  assert.equal(stale.status, 409);

  const enabled = await request('PUT', `/automation/v4/flows/${created.id}`, {
    body: { ...renamed, isEnabled: true }, qs: { enrollExistingContacts: 'true' },
  });
  assert.equal(enabled.isEnabled, true);

  const history = await eventually('the existing lead is enrolled', async () => {
    const body = await request('GET', `/flowline/v1/contacts/${lead.id}/history`);
    return JSON.stringify(body).includes(created.id) ? body : undefined;
  });
  assert.ok(history);

  const batch = await request('POST', '/automation/v4/flows/batch/read', {
    body: { inputs: [{ flowId: created.id, type: 'FLOW_ID' }] },
  });
  assert.equal(batch.results[0].isEnabled, true);
});
