// Flows: every flow with its state and figures; search by name; create from a template or from JSON.
import { all, api, get } from '../api.js';
import { h, say, showAgain, table, when } from '../dom.js';
import { metrics, setEnabled } from '../flows-api.js';

export async function render(main) {
  const [listed, templates] = await Promise.all([all('/automation/v4/flows'), get('/automation/v4/flows/templates')]);
  const figures = await Promise.all(listed.map((flow) => metrics(flow.id).catch(() => null)));
  const rows = listed.map((flow, i) => ({ flow, figures: figures[i] }));

  const body = h('div');
  const search = h('input', { id: 'flow-search', type: 'search', oninput: () => draw() });
  const draw = () => {
    const words = search.value.trim().toLowerCase();
    const shown = rows.filter(({ flow }) => !words || (flow.name || '').toLowerCase().includes(words));
    body.replaceChildren(table('Flows', ['Name', 'State', 'Enrolled', 'Active', 'Goal conversion', 'Last change', ''],
      shown.map(({ flow, figures: f }) => [
        h('a', { href: `#/flows/${encodeURIComponent(flow.id)}` }, flow.name || flow.id),
        h('span', { class: flow.isEnabled ? 'on' : 'off' }, flow.isEnabled ? 'On' : 'Off'),
        f ? f.enrolled : '', f ? f.active : '', f ? `${f.goalConversionRate.toFixed(1)}%` : '', when(flow.updatedAt),
        h('button', {
          type: 'button',
          'aria-label': `${flow.isEnabled ? 'Turn off' : 'Turn on'} ${flow.name || flow.id}`,
          onclick: async () => {
            await setEnabled(flow.id, !flow.isEnabled, false);
            say(`${flow.name} turned ${flow.isEnabled ? 'off' : 'on'}`);
            showAgain();
          },
        }, flow.isEnabled ? 'Turn off' : 'Turn on'),
      ])));
  };
  draw();

  const choice = h('select', { id: 'template' },
    templates.results.map((template) => h('option', { value: template.templateId }, template.name)));
  main.replaceChildren(
    h('h1', {}, 'Flows'),
    h('div', { class: 'toolbar' },
      h('label', { for: 'flow-search' }, 'Search by name'), search,
      h('a', { class: 'button', href: '#/flows/new' }, 'New flow (JSON)')),
    body,
    h('form', {
      class: 'toolbar',
      onsubmit: async (event) => {
        event.preventDefault();
        const created = await api('POST', `/automation/v4/flows/templates/${encodeURIComponent(choice.value)}`);
        location.hash = `#/flows/${encodeURIComponent(created.id)}`;
      },
    }, h('label', { for: 'template' }, 'Create from a template'), choice, h('button', { type: 'submit' }, 'Create')));
}
