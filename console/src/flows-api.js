// Reading and changing flows through the Automation v4 API.
import { api, ApiError, get } from './api.js';

export const flowPath = (id) => `/automation/v4/flows/${encodeURIComponent(id)}`;

/** Turns a flow on or off: the stored flow with isEnabled changed, saved as its next revision. */
export async function setEnabled(id, enabled, enrollExisting) {
  const flow = await get(flowPath(id));
  flow.isEnabled = enabled;
  const query = enabled && enrollExisting ? '?enrollExistingContacts=true' : '';
  return api('PUT', flowPath(id) + query, flow);
}

export const metrics = (id) => get(`/flowline/v1/flows/${encodeURIComponent(id)}/metrics`);
export const positions = (id, actionId) => get(`/flowline/v1/flows/${encodeURIComponent(id)}/positions`
  + (actionId ? `?actionId=${encodeURIComponent(actionId)}` : ''));

/** How far the flow's latest enrolment of its existing contacts has got; null when it never had one. */
export const activation = (id) => get(`/flowline/v1/flows/${encodeURIComponent(id)}/activation`)
  .catch((error) => {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  });
