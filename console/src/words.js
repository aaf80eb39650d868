// A flow's settings in plain words: enrolment triggers, re-enrolment, goal, suppression.

function filterWords(filter) {
  const operation = filter.operation || {};
  const value = operation.value ?? (operation.values || []).join(', ');
  if (filter.filterType === 'PROPERTY') {
    return `${filter.property} ${(operation.operator || '').toLowerCase().replaceAll('_', ' ')}${value !== '' && value !== undefined ? ` ${value}` : ''}`;
  }
  if (filter.filterType === 'IN_LIST') return `is in list ${filter.listId}`;
  return (filter.filterType || 'a filter').toLowerCase().replaceAll('_', ' ');
}

/** An OR of ANDs, as HubSpot nests filter branches. */
export function branchWords(branch) {
  if (!branch) return '';
  const own = (branch.filters || []).map(filterWords);
  const nested = (branch.filterBranches || []).map(branchWords).filter(Boolean);
  const joiner = branch.filterBranchOperator === 'OR' ? ' or ' : ' and ';
  const parts = [...own, ...nested.map((text) => (nested.length > 1 ? `(${text})` : text))];
  return parts.join(joiner);
}

export function triggerWords(flow) {
  const criteria = flow.enrollmentCriteria || {};
  const reEnrol = criteria.shouldReEnroll ? 'Contacts may enrol again.' : 'A contact enrols once.';
  switch (criteria.type) {
    case 'LIST_BASED':
      return `Contacts enrol when ${branchWords(criteria.listFilterBranch) || 'they exist'}. ${reEnrol}`
        + (criteria.unEnrollObjectsNotMeetingCriteria ? ' Contacts that stop meeting this are unenrolled.' : '');
    case 'EVENT_BASED':
      return `Contacts enrol when an event happens (${(criteria.eventFilterBranches || [])
        .map((b) => b.eventTypeId).filter(Boolean).join(', ') || 'events'}). ${reEnrol}`;
    case 'MANUAL':
      return 'Contacts are enrolled by hand (or by another flow).';
    default:
      return `Enrolment: ${criteria.type || 'not set'}.`;
  }
}

export function goalWords(flow) {
  const goal = flow.goalFilterBranch;
  const text = goal && branchWords(goal);
  return text ? `A contact meets the goal when ${text}; it then leaves the flow.` : 'No goal.';
}

export function suppressionWords(flow) {
  const lists = flow.suppressionListIds || [];
  return lists.length ? `Contacts in lists ${lists.join(', ')} are not enrolled, and leave when added.` : 'No suppression lists.';
}
