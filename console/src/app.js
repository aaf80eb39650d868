// The console's shell: sign-in, navigation, and the page for the address after '#'.
import { ApiError, get, token } from './api.js';
import { h, say } from './dom.js';
import * as flows from './pages/flows.js';
import * as flow from './pages/flow.js';
import * as edit from './pages/edit.js';
import * as contact from './pages/contact.js';
import * as journeys from './pages/journeys.js';
import * as activity from './pages/activity.js';

const ROUTES = [
  [/^#\/flows$/, flows.render],
  [/^#\/flows\/new$/, (main) => edit.render(main, null)],
  [/^#\/flows\/([^/]+)$/, flow.render],
  [/^#\/flows\/([^/]+)\/edit$/, edit.render],
  [/^#\/contacts$/, (main) => contact.render(main, null)],
  [/^#\/contacts\/([^/]+)$/, contact.render],
  [/^#\/journeys$/, (main) => journeys.render(main, null)],
  [/^#\/journeys\/([^/]+)$/, journeys.render],
  [/^#\/activity$/, activity.render],
];

let leave = null;
let shown = null;

async function show() {
  const main = document.getElementById('main');
  if (leave) leave();
  leave = null;
  // a message stays while the same page is shown again (after turning a flow on, say)
  if (location.hash !== shown) say('');
  shown = location.hash;
  if (!token.get()) {
    document.getElementById('nav').hidden = true;
    main.replaceChildren(signIn());
    return;
  }
  document.getElementById('nav').hidden = false;
  const address = location.hash || '#/flows';
  const route = ROUTES.find(([pattern]) => pattern.test(address));
  if (!route) {
    location.hash = '#/flows';
    return;
  }
  for (const link of document.querySelectorAll('#nav a')) {
    link.toggleAttribute('aria-current', address.startsWith(link.getAttribute('href')));
  }
  const parameters = address.match(route[0]).slice(1).map(decodeURIComponent);
  main.replaceChildren(h('p', {}, 'Loading…'));
  try {
    leave = (await route[1](main, ...parameters)) || null;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      token.clear();
      show();
      return;
    }
    main.replaceChildren(h('h1', {}, 'Something went wrong'), h('p', { class: 'error', role: 'alert' }, error.message));
  }
}

function signIn() {
  const input = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', required: true });
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', {
    class: 'sign-in',
    onsubmit: async (event) => {
      event.preventDefault();
      token.set(input.value.trim());
      try {
        await get('/automation/v4/flows?limit=1');
        show();
      } catch (failure) {
        token.clear();
        error.textContent = failure.status === 401 ? 'This token is not valid.' : failure.message;
      }
    },
  },
  h('h1', {}, 'Sign in'),
  h('p', {}, 'Use an API token of your account (the local runtime prints one when it starts). It is kept in this tab only.'),
  h('label', { for: 'token' }, 'API token'), input,
  h('button', { type: 'submit' }, 'Sign in'), error);
  queueMicrotask(() => input.focus());
  return form;
}

document.getElementById('sign-out').addEventListener('click', () => {
  token.clear();
  location.hash = '#/flows';
  show();
});
window.addEventListener('hashchange', show);
show();
