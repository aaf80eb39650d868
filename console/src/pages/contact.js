// A contact: found by email or id; its properties, its lists, and its timeline across every flow and journey.
import { all, ApiError, get } from '../api.js';
import { h, table, when } from '../dom.js';

const contactPath = (id) => `/crm/v3/objects/contacts/${encodeURIComponent(id)}`;

function finder() {
  const input = h('input', { id: 'contact-search', name: 'contact', required: true });
  const error = h('p', { class: 'error', role: 'alert' });
  return h('form', {
    class: 'toolbar',
    onsubmit: async (event) => {
      event.preventDefault();
      const wanted = input.value.trim();
      try {
        const found = await get(wanted.includes('@') ? `${contactPath(wanted)}?idProperty=email` : contactPath(wanted));
        location.hash = `#/contacts/${encodeURIComponent(found.id)}`;
      } catch (failure) {
        if (!(failure instanceof ApiError) || failure.status !== 404) throw failure;
        error.textContent = `No contact ${wanted}.`;
      }
    },
  }, h('label', { for: 'contact-search' }, 'Email or contact id'), input, h('button', { type: 'submit' }, 'Find'), error);
}

export async function render(main, id) {
  if (!id) {
    main.replaceChildren(h('h1', {}, 'Contacts'), finder());
    return;
  }
  const [contact, lists, history, flows] = await Promise.all([
    get(contactPath(id)),
    get(`/crm/v3/lists/records/0-1/${encodeURIComponent(id)}/memberships`),
    get(`/flowline/v1/contacts/${encodeURIComponent(id)}/history`).catch(() => ({ results: [] })),
    all('/automation/v4/flows')]);
  const flowNames = new Map(flows.map((flow) => [flow.id, flow.name]));
  const flowName = (flowId) => flowNames.get(flowId) || flowId;

  const byFlow = h('select', { id: 'timeline-flow' }, h('option', { value: '' }, 'All flows and journeys'),
    [...new Set(history.results.map((line) => line.flowId))].map((flowId) => h('option', { value: flowId }, flowName(flowId))));
  const byKind = h('select', { id: 'timeline-kind' }, h('option', { value: '' }, 'All kinds'),
    [...new Set(history.results.map((line) => line.kind))].map((kind) => h('option', { value: kind }, kind)));
  const timeline = h('div', { id: 'timeline' });
  const drawTimeline = () => timeline.replaceChildren(table('Timeline, oldest first',
    ['When', 'Flow', 'What', 'Action', 'Detail'],
    history.results.filter((line) => (!byFlow.value || line.flowId === byFlow.value)
      && (!byKind.value || line.kind === byKind.value))
      .map((line) => [when(line.at),
        flowNames.has(line.flowId) ? h('a', { href: `#/flows/${encodeURIComponent(line.flowId)}` }, flowName(line.flowId))
          : line.flowId,
        h('span', { class: `kind ${line.kind}` }, line.kind), line.actionId || '', line.detail || ''])));
  byFlow.addEventListener('change', drawTimeline);
  byKind.addEventListener('change', drawTimeline);
  drawTimeline();

  const properties = Object.entries(contact.properties).sort(([a], [b]) => a.localeCompare(b));
  main.replaceChildren(
    h('h1', {}, contact.properties.email || `Contact ${id}`),
    finder(),
    h('h2', {}, 'Timeline'),
    h('div', { class: 'toolbar' }, h('label', { for: 'timeline-flow' }, 'Flow'), byFlow,
      h('label', { for: 'timeline-kind' }, 'Kind'), byKind),
    timeline,
    h('div', { class: 'columns' },
      h('section', {}, table('Properties', ['Property', 'Value'], properties.map(([name, value]) => [name, value ?? '']))),
      h('section', {}, table('Lists', ['List'], lists.results.map((list) => [list.listId])))));
}
