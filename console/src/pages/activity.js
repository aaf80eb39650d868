// Activity: where actions failed or were skipped, across flows, and (in the local runtime) the emails written to the
// outbox.
import { all, get } from '../api.js';
import { h, table } from '../dom.js';
import { metrics } from '../flows-api.js';

export async function render(main) {
  const flows = await all('/automation/v4/flows');
  const figures = await Promise.all(flows.map((flow) => metrics(flow.id).catch(() => null)));
  const troubles = [];
  flows.forEach((flow, i) => Object.entries(figures[i]?.actions || {}).forEach(([actionId, outcomes]) => {
    if (outcomes.FAILED || outcomes.SKIPPED) {
      troubles.push([h('a', { href: `#/flows/${encodeURIComponent(flow.id)}` }, flow.name || flow.id), actionId,
        outcomes.FAILED, outcomes.SKIPPED]);
    }
  }));
  // the outbox exists in the local runtime only: deployed, the path is a 404
  const outbox = await get('/flowline/v1/outbox').catch(() => null);
  main.replaceChildren(
    h('h1', {}, 'Activity'),
    table('Actions that failed or were skipped', ['Flow', 'Action', 'Failed', 'Skipped'], troubles),
    h('p', { class: 'hint' }, 'A contact\'s timeline says why each of its actions failed or was skipped.'),
    outbox ? table('Outbox (emails the local runtime wrote instead of sending)', ['Date', 'To', 'Subject'],
      outbox.results.slice(-50).reverse().map((email) => [email.date, email.to.join(', '), email.subject])) : null);
}
