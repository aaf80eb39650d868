// The JSON editor of a flow: saving sends it to the API, whose problems are listed and marked in the text at their
// JSON Pointers.
import { api, ApiError, get } from '../api.js';
import { h, say, table, when } from '../dom.js';
import { flowPath } from '../flows-api.js';
import { draw, layout } from '../graph.js';
import { locate, positions } from '../pointer.js';

const SAMPLE_CONTACTS = [
  { id: 'a', properties: { email: 'a@example.com', lifecyclestage: 'lead' } },
  { id: 'b', properties: { email: 'b@example.com', lifecyclestage: 'customer' } },
];

const STARTER = {
  type: 'CONTACT_FLOW', objectTypeId: '0-1', flowType: 'WORKFLOW', name: 'New flow', isEnabled: false,
  startActionId: '1',
  actions: [
    { type: 'SINGLE_CONNECTION', actionId: '1', actionTypeVersion: 0, actionTypeId: '0-1',
      fields: { delta: '1', time_unit: 'DAYS' }, connection: { edgeType: 'STANDARD', nextActionId: '2' } },
    { type: 'SINGLE_CONNECTION', actionId: '2', actionTypeVersion: 0, actionTypeId: '0-4', fields: { content_id: 'welcome' } },
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
};

export async function render(main, id) {
  const flow = id ? await get(flowPath(id)) : STARTER;
  const editor = h('textarea', { id: 'flow-json', spellcheck: 'false', rows: 30, 'aria-describedby': 'problems' });
  editor.value = JSON.stringify(flow, null, 2);
  const problems = h('ol', { id: 'problems', class: 'problems', 'aria-live': 'polite' });
  const marked = h('pre', { class: 'marked', 'aria-label': 'The flow with its problems marked' });

  const show = (errors, under = '') => {
    const text = editor.value;
    let found = new Map();
    try {
      found = positions(text);
    } catch {
      // the text is not JSON: the problems are listed without marks
    }
    const ranges = errors.map((error) => ({ error, range: (error.in || '').startsWith(under)
      ? locate(found, (error.in || '').slice(under.length)) : null }));
    problems.replaceChildren(...ranges.map(({ error, range }) => h('li', {},
      h('code', { class: 'pointer' }, error.in || '/'), ' ', error.message, ' ',
      range ? h('button', {
        type: 'button',
        onclick: () => {
          editor.focus();
          editor.setSelectionRange(range.start, range.end);
        },
      }, 'Select in the editor') : null)));
    const marks = ranges.map((r) => r.range).filter(Boolean).sort((a, b) => a.start - b.start);
    const parts = [];
    let at = 0;
    for (const range of marks) {
      if (range.start < at) continue; // a mark inside another is shown by the outer one
      parts.push(text.slice(at, range.start), h('mark', {}, text.slice(range.start, range.end)));
      at = range.end;
    }
    parts.push(text.slice(at));
    marked.replaceChildren(...(marks.length ? parts : []));
    marked.hidden = marks.length === 0;
  };

  const save = async (event) => {
    event.preventDefault();
    let body;
    try {
      body = JSON.parse(editor.value);
    } catch (error) {
      show([{ in: '', message: `not JSON: ${error.message}` }]);
      return;
    }
    try {
      const saved = id ? await api('PUT', flowPath(id), body) : await api('POST', '/automation/v4/flows', body);
      say(`Saved ${saved.name}, revision ${saved.revisionId}`);
      location.hash = `#/flows/${encodeURIComponent(saved.id)}`;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 400) throw error;
      show(error.errors.length ? error.errors : [{ in: '', message: error.message }]);
      say(`Not saved: ${error.message}`);
    }
  };

  const samples = h('textarea', { id: 'dry-contacts', spellcheck: 'false', rows: 6 });
  samples.value = JSON.stringify(SAMPLE_CONTACTS, null, 1);
  const days = h('input', { id: 'dry-days', type: 'number', min: 1, max: 366, value: 30 });
  const outcome = h('section', { id: 'dry-run-result', 'aria-live': 'polite' });
  const dryRun = async () => {
    let request;
    try {
      request = { flow: JSON.parse(editor.value), contacts: JSON.parse(samples.value), days: Number(days.value) };
    } catch (error) {
      show([{ in: '', message: `not JSON: ${error.message}` }]);
      return;
    }
    let result;
    try {
      result = await api('POST', '/flowline/v1/flows/dry-run', request);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 400) throw error;
      show(error.errors.length ? error.errors : [{ in: '', message: error.message }], '/flow');
      return;
    }
    show([]);
    const here = {};
    result.contacts.filter((c) => c.status === 'ACTIVE' && c.currentActionId)
      .forEach((c) => { here[c.currentActionId] = (here[c.currentActionId] || 0) + 1; });
    const counts = (actionId) => {
      const outcomes = result.metrics.actions[actionId] || {};
      return { here: here[actionId] || 0, succeeded: outcomes.SUCCEEDED || 0, failed: outcomes.FAILED || 0,
        skipped: outcomes.SKIPPED || 0 };
    };
    outcome.replaceChildren(
      table(`Dry run until ${when(result.until)}`, ['Contact', 'Outcome', 'Next action', 'Due', 'Reason'],
        result.contacts.map((c) => [c.contactId, c.status, c.currentActionId || '', when(c.dueAt),
          c.reason || c.unenrolmentReason || ''])),
      h('p', {}, `${result.emails.length} email(s) would have been sent.`),
      h('div', { class: 'graph-frame' }, draw(request.flow, layout(request.flow), counts, () => {})));
  };

  marked.hidden = true;
  main.replaceChildren(
    h('h1', {}, id ? `Edit ${flow.name}` : 'New flow'),
    h('form', { class: 'editor', onsubmit: save },
      h('label', { for: 'flow-json' }, 'The flow, in HubSpot\'s Automation v4 JSON'), editor,
      h('div', { class: 'toolbar' }, h('button', { type: 'submit' }, 'Save'),
        id ? h('a', { class: 'button', href: `#/flows/${encodeURIComponent(id)}` }, 'Cancel') : null)),
    h('h2', {}, 'Problems'), problems, marked,
    h('h2', {}, 'Dry run'),
    h('p', { class: 'hint' }, 'Runs the flow in the editor on sample contacts, on the simulator: nothing is saved or sent.'),
    h('div', { class: 'editor' },
      h('label', { for: 'dry-contacts' }, 'Sample contacts (JSON: id and properties)'), samples,
      h('div', { class: 'toolbar' }, h('label', { for: 'dry-days' }, 'Days to run'), days,
        h('button', { type: 'button', onclick: dryRun }, 'Dry run'))),
    outcome);
}
