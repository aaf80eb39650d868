// A flow's actions as a graph: nodes and edges read from the v4 JSON, laid out by dagre, drawn as SVG.
import dagre from './vendor/dagre.esm.js';
import { svg } from './dom.js';

const ACTION_NAMES = {
  '0-1': 'Delay', '0-35': 'Delay until a date', '0-29': 'Delay until an event', '0-4': 'Marketing email',
  '0-8': 'Internal email', '0-23': 'Email to addresses', '0-5': 'Set property', '0-13': 'Add to / remove from list',
  '0-63809083': 'Add to list', '0-63863438': 'Remove from list', '0-11': 'Rotate owner', '0-15': 'Enrol in workflow',
  '0-31': 'Marketing status', '0-43347357': 'Subscription', '0-9': 'In-app notification', '0-25': 'SMS',
  '0-3': 'Create task', '0-14': 'Create record', '0-63189541': 'Create or associate', '0-18224765': 'Delete contact',
};
const BRANCH_NAMES = { LIST_BRANCH: 'If/then branch', STATIC_BRANCH: 'Value branch', AB_TEST_BRANCH: 'Random split' };
const WIDTH = 230;
const HEIGHT = 64;
export const START = '__start';

export function actionName(action) {
  return BRANCH_NAMES[action.type] || ACTION_NAMES[action.actionTypeId]
    || (action.type === 'WEBHOOK' ? 'Webhook' : action.type === 'CUSTOM_CODE' ? 'Custom code' : action.actionTypeId || action.type);
}

/** Each connection leaving an action, with the branch it belongs to as its label. */
export function connections(action) {
  const out = [];
  const add = (connection, label) => connection?.nextActionId && out.push({
    to: connection.nextActionId, label, goto: connection.edgeType === 'GOTO',
  });
  add(action.connection, '');
  (action.listBranches || []).forEach((branch, i) => add(branch.connection, branch.branchName || `Branch ${i + 1}`));
  (action.staticBranches || []).forEach((branch) => add(branch.connection, String(branch.branchValue)));
  (action.testBranches || []).forEach((branch) => add(branch.connection, `${branch.percentage}%`));
  add(action.defaultBranch, action.defaultBranchName || 'Otherwise');
  return out;
}

/** Lays the flow out: node positions and edge routes, in SVG units. */
export function layout(flow) {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'TB', nodesep: 30, ranksep: 46, marginx: 10, marginy: 10 });
  graph.setDefaultEdgeLabel(() => ({}));
  graph.setNode(START, { width: WIDTH, height: 40 });
  const actions = flow.actions || [];
  const known = new Set(actions.map((action) => action.actionId));
  actions.forEach((action) => graph.setNode(action.actionId, { width: WIDTH, height: HEIGHT }));
  if (known.has(flow.startActionId)) graph.setEdge(START, flow.startActionId, { label: '' }, 'start');
  actions.forEach((action) => connections(action).filter((c) => known.has(c.to)).forEach((c, i) => graph.setEdge(
    action.actionId, c.to, { label: c.label, goto: c.goto, width: c.label ? 8 * c.label.length : 0, height: c.label ? 16 : 0 },
    `${action.actionId}#${i}`)));
  dagre.layout(graph);
  return graph;
}

/**
 * Draws the laid-out flow. {@code counts(actionId)} gives {here, succeeded, failed, skipped}; {@code onPick(action)}
 * is called when an action is chosen (click, Enter or Space).
 */
export function draw(flow, graph, counts, onPick) {
  const { width, height } = graph.graph();
  const root = svg('svg', {
    class: 'graph', viewBox: `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`, width: Math.ceil(width),
    height: Math.ceil(height), role: 'group', 'aria-label': `Actions of ${flow.name || 'the flow'}`,
  });
  root.append(svg('defs', {}, svg('marker', {
    id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse',
  }, svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow-head' }))));
  for (const edge of graph.edges()) {
    const label = graph.edge(edge);
    const d = label.points.map((p, i) => `${i ? 'L' : 'M'} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');
    root.append(svg('path', { d, class: label.goto ? 'edge goto' : 'edge', 'marker-end': 'url(#arrow)' }));
    if (label.label) {
      root.append(svg('text', { x: label.x, y: label.y + 4, class: 'edge-label', 'text-anchor': 'middle' },
        label.goto ? `${label.label} (go to)` : label.label));
    }
  }
  const start = graph.node(START);
  root.append(svg('g', { class: 'node start', transform: `translate(${start.x - WIDTH / 2},${start.y - 20})` },
    svg('rect', { width: WIDTH, height: 40, rx: 20 }),
    svg('text', { x: WIDTH / 2, y: 25, 'text-anchor': 'middle' }, 'Enrolment')));
  for (const action of flow.actions || []) {
    const node = graph.node(action.actionId);
    const c = counts(action.actionId);
    const name = actionName(action);
    const group = svg('g', {
      class: 'node action', tabindex: 0, role: 'button', 'data-action-id': action.actionId,
      transform: `translate(${node.x - WIDTH / 2},${node.y - HEIGHT / 2})`,
      'aria-label': `Action ${action.actionId}, ${name}: ${c.here} here now, ${c.succeeded} succeeded, `
        + `${c.failed} failed, ${c.skipped} skipped`,
    },
    svg('rect', { width: WIDTH, height: HEIGHT, rx: 6 }),
    svg('text', { x: 10, y: 22, class: 'title' }, `${action.actionId} · ${name}`),
    svg('text', { x: 10, y: 48, class: 'counts' },
      svg('tspan', { class: 'count-here' }, String(c.here)), ' here · ',
      svg('tspan', { class: 'count-succeeded' }, String(c.succeeded)), ' ✓ · ',
      svg('tspan', { class: 'count-failed' }, String(c.failed)), ' failed · ',
      svg('tspan', { class: 'count-skipped' }, String(c.skipped)), ' skipped'));
    const pick = () => onPick(action);
    group.addEventListener('click', pick);
    group.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        pick();
      }
    });
    root.append(group);
  }
  return root;
}
