// Journeys: each journey's state; a journey's stages as columns with their counts and paths, and its exits.
import { get } from '../api.js';
import { h, table, when } from '../dom.js';

const journeyPath = (id) => `/flowline/v1/journeys/${encodeURIComponent(id)}`;

export async function render(main, id) {
  if (!id) {
    const { results } = await get('/flowline/v1/journeys');
    main.replaceChildren(h('h1', {}, 'Journeys'), table('Journeys', ['Name', 'Published', 'Versions', 'Last change'],
      results.map((journey) => [h('a', { href: `#/journeys/${encodeURIComponent(journey.id)}` }, journey.draft.name || journey.id),
        journey.publishedVersion ? `version ${journey.publishedVersion}, ${when(journey.publishedAt)}` : 'draft only',
        journey.versionCount, when(journey.updatedAt)])));
    return;
  }
  const journey = await get(journeyPath(id));
  const [figures, versions] = await Promise.all([
    journey.publishedVersion ? get(`${journeyPath(id)}/metrics`) : null,
    get(`${journeyPath(id)}/versions`)]);
  const definition = journey.publishedVersion
    ? (await get(`${journeyPath(id)}/versions/${journey.publishedVersion}`)).definition : journey.draft;
  const stageNames = new Map(definition.stages.map((stage) => [stage.stageId, stage.name]));
  const stageFigures = new Map((figures?.stages || []).map((stage) => [stage.stageId, stage]));
  // a path goes to a stage or an exit, or is a state with no target (inactive, unenrolled, still there)
  const target = (path) => (path.kind === 'EXIT' ? `exit ${path.to}` : path.kind === 'STAGE'
    ? `to ${stageNames.get(path.to) || path.to}` : path.kind.toLowerCase().replaceAll('_', ' '));
  const pathWords = (path) => `${target(path)}: ${path.count} (${path.share.toFixed(1)}%)`;

  main.replaceChildren(
    h('h1', {}, definition.name || `Journey ${id}`),
    h('p', {}, journey.publishedVersion
      ? `Version ${journey.publishedVersion} is published (${when(journey.publishedAt)}); the draft is edited apart from it.`
      : 'Draft only: not published yet.'),
    figures ? h('p', { class: 'figures' }, `${figures.enrolled} enrolled · ${figures.active} active · `
      + `${figures.unenrolled} unenrolled`) : null,
    h('h2', {}, 'Stages'),
    h('ol', { class: 'stages' }, definition.stages.map((stage) => {
      const f = stageFigures.get(stage.stageId);
      return h('li', { class: 'stage', 'data-stage-id': stage.stageId },
        h('h3', {}, stage.name),
        h('p', {}, h('span', { class: 'stage-entered' }, f ? f.entered : 0), ' entered'),
        h('p', { class: 'hint' }, `${(stage.actions || []).length} action(s)`),
        h('ul', {}, (f?.paths || []).map((path) => h('li', {}, pathWords(path)))));
    })),
    h('h2', {}, 'Exits'),
    table('Exits', ['Exit', 'Goal', 'Contacts', 'Share'], (figures?.exits || []).map((exit) => [exit.exitId,
      exit.goal ? 'yes' : 'no', exit.count, `${exit.share.toFixed(1)}%`])),
    h('h2', {}, 'Versions'),
    table('Versions', ['Version', 'Published', 'Name'], versions.results.map((v) => [v.version, when(v.publishedAt), v.name])));
}
