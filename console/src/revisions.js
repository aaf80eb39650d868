// A flow's revisions: any earlier one compared line by line with the current one, and restored as the next revision
// (the flow stays on or off as it is).
import { api, get } from './api.js';
import { h, say } from './dom.js';
import { flowPath } from './flows-api.js';

/** Fields every save changes: left out of the comparison. */
const VOLATILE = ['revisionId', 'updatedAt', 'createdAt', 'nextAvailableActionId'];

function lines(flow) {
  const copy = { ...flow };
  VOLATILE.forEach((field) => delete copy[field]);
  return JSON.stringify(copy, null, 2).split('\n');
}

/** The lines of {@code before} and {@code after} marked kept, removed or added (a longest common subsequence). */
export function diff(before, after) {
  const n = before.length;
  const m = after.length;
  const common = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      common[i][j] = before[i] === after[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      out.push({ kind: 'kept', text: before[i++] });
      j++;
    } else if (j < m && (i === n || common[i][j + 1] >= common[i + 1][j])) {
      out.push({ kind: 'added', text: after[j++] });
    } else {
      out.push({ kind: 'removed', text: before[i++] });
    }
  }
  return out;
}

export function revisionsSection(flow, onRestored) {
  const current = Number(flow.revisionId);
  const choice = h('select', { id: 'revision' }, Array.from({ length: Math.max(0, current - 1) }, (_, i) => current - 1 - i)
    .map((revision) => h('option', { value: revision }, `Revision ${revision}`)));
  const shown = h('pre', { class: 'diff', 'aria-label': 'Changes from the chosen revision to the current one' });
  shown.hidden = true;
  const revision = async () => (await get(
    `/automation/2026-09-beta/flows/${encodeURIComponent(flow.id)}/revisions/${choice.value}`)).flow;
  const compare = async () => {
    const changes = diff(lines(await revision()), lines(flow)).filter((line, i, all) => line.kind !== 'kept'
      || all.slice(Math.max(0, i - 2), i + 3).some((near) => near.kind !== 'kept'));
    shown.replaceChildren(...(changes.length ? changes.map((line) => h('span', { class: line.kind },
      `${line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '- ' : '  '}${line.text}\n`))
      : ['No differences.']));
    shown.hidden = false;
  };
  const restore = async () => {
    const old = await revision();
    const restored = await api('PUT', flowPath(flow.id), { ...old, revisionId: flow.revisionId, isEnabled: flow.isEnabled });
    say(`Revision ${choice.value} restored as revision ${restored.revisionId}`);
    onRestored();
  };
  if (current < 2) return h('p', { class: 'hint' }, 'This is the flow\'s first revision.');
  return h('div', {},
    h('div', { class: 'toolbar' }, h('label', { for: 'revision' }, 'Earlier revision'), choice,
      h('button', { type: 'button', onclick: compare }, 'Compare with the current one'),
      h('button', { type: 'button', onclick: restore }, 'Restore it')),
    shown);
}
