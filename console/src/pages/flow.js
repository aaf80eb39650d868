// A flow: its graph with live counts per action, the contacts at an action, its settings in words, on/off, and
// its enrolments per day.
import { get } from '../api.js';
import { h, say, showAgain, svg, table, when } from '../dom.js';
import { draw, layout } from '../graph.js';
import { activation, flowPath, metrics, positions, setEnabled } from '../flows-api.js';
import { goalWords, suppressionWords, triggerWords } from '../words.js';
import { revisionsSection } from '../revisions.js';

const REFRESH_MS = 2000;

export async function render(main, id) {
  const flow = await get(flowPath(id));
  let figures = await metrics(id);
  let here = (await positions(id)).byAction;
  const counts = (actionId) => {
    const outcomes = figures.actions[actionId] || {};
    return {
      here: here[actionId] || 0, succeeded: outcomes.SUCCEEDED || 0, failed: outcomes.FAILED || 0,
      skipped: outcomes.SKIPPED || 0,
    };
  };
  const totals = h('p', { class: 'figures' });
  const showTotals = () => totals.replaceChildren(
    `${figures.enrolled} enrolled · ${figures.active} active · ${figures.completed} completed · `
    + `${figures.unenrolled} unenrolled · goal conversion ${figures.goalConversionRate.toFixed(1)}%`);
  showTotals();
  let progress = await activation(id);
  const enrolling = h('p', { class: 'figures', id: 'activation', 'aria-live': 'polite' });
  // shown while existing contacts are being enrolled, and once more when they all are
  const showProgress = () => enrolling.replaceChildren(!progress ? '' : progress.done
    ? `Existing contacts: ${progress.contactsEnrolled} enrolled of ${progress.contactsScanned} read`
    : `Enrolling existing contacts: ${progress.segments.done} of ${progress.segments.total} parts read, `
      + `${progress.contactsScanned} contacts read, ${progress.contactsEnrolled} enrolled`);
  showProgress();

  const atAction = h('section', { 'aria-live': 'polite', class: 'at-action' });
  const pick = async (action) => {
    const found = await positions(id, action.actionId);
    atAction.replaceChildren(table(`Contacts at action ${action.actionId} now (${found.total})`,
      ['Contact', 'Enrolled', 'Due'],
      found.results.map((e) => [h('a', { href: `#/contacts/${encodeURIComponent(e.contactId)}` }, e.contactId),
        when(e.enrolledAt), when(e.dueAt)])));
  };
  const graph = draw(flow, layout(flow), counts, pick);

  const refresh = async () => {
    [figures, here, progress] = await Promise.all([metrics(id), positions(id).then((p) => p.byAction),
      progress && !progress.done ? activation(id) : progress]);
    showTotals();
    showProgress();
    for (const node of graph.querySelectorAll('[data-action-id]')) {
      const c = counts(node.dataset.actionId);
      for (const [name, value] of Object.entries(c)) node.querySelector(`.count-${name}`).textContent = String(value);
      const label = node.getAttribute('aria-label').split(':')[0];
      node.setAttribute('aria-label', `${label}: ${c.here} here now, ${c.succeeded} succeeded, ${c.failed} failed, `
        + `${c.skipped} skipped`);
    }
  };
  const timer = setInterval(() => refresh().catch((error) => say(`Counts not refreshed: ${error.message}`)), REFRESH_MS);

  const enrolExisting = h('input', { id: 'enrol-existing', type: 'checkbox' });
  const toggle = flow.isEnabled
    ? h('button', { type: 'button', onclick: () => turn(false) }, 'Turn off')
    : h('span', { class: 'toolbar' }, enrolExisting,
      h('label', { for: 'enrol-existing' }, 'Enrol existing contacts that meet the triggers'),
      h('button', { type: 'button', onclick: () => turn(true) }, 'Turn on'));
  async function turn(on) {
    await setEnabled(id, on, enrolExisting.checked);
    say(`${flow.name} turned ${on ? 'on' : 'off'}`);
    showAgain();
  }

  main.replaceChildren(
    h('h1', {}, flow.name || `Flow ${id}`),
    h('div', { class: 'toolbar' },
      h('span', { class: flow.isEnabled ? 'on' : 'off', id: 'flow-state' }, flow.isEnabled ? 'On' : 'Off'),
      toggle, h('a', { class: 'button', href: `#/flows/${encodeURIComponent(id)}/edit` }, 'Edit')),
    totals,
    enrolling,
    h('dl', { class: 'settings' },
      h('dt', {}, 'Enrolment'), h('dd', {}, triggerWords(flow)),
      h('dt', {}, 'Goal'), h('dd', {}, goalWords(flow)),
      h('dt', {}, 'Suppression'), h('dd', {}, suppressionWords(flow)),
      h('dt', {}, 'Revision'), h('dd', {}, `${flow.revisionId}, saved ${when(flow.updatedAt)}`)),
    h('h2', {}, 'Actions'),
    h('p', { class: 'hint' }, 'Counts refresh every two seconds. Choose an action to see the contacts at it now.'),
    h('div', { class: 'graph-frame' }, graph),
    atAction,
    h('h2', {}, 'Enrolments per day, last 30 days'),
    await performance(id),
    h('h2', {}, 'Revisions'),
    revisionsSection(flow, showAgain));
  return () => clearInterval(timer);
}

/** A bar chart of the flow's enrolments per day. */
async function performance(id) {
  const { histogram } = await get(`/automation/v4/flows/performance/${encodeURIComponent(id)}`);
  const most = Math.max(1, ...histogram.map((b) => b.frequency));
  const barWidth = 16;
  const chart = svg('svg', {
    class: 'chart', width: histogram.length * barWidth, height: 110, role: 'img',
    'aria-label': `Enrolments per day: ${histogram.reduce((sum, b) => sum + b.frequency, 0)} in ${histogram.length} days`,
  });
  histogram.forEach((bucket, i) => {
    const height = Math.round((bucket.frequency / most) * 90);
    chart.append(svg('rect', { x: i * barWidth + 2, y: 100 - height, width: barWidth - 4, height, class: 'bar' },
      svg('title', {}, `${new Date(bucket.bucket).toLocaleDateString()}: ${bucket.frequency}`)));
  });
  return chart;
}
