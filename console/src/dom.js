// Small helpers to build the page with the DOM (no HTML strings: nothing the API returns is ever parsed as markup).

/** h('a', {href: '#/x', class: 'y'}, 'text', child…) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children.flat()) element.append(child instanceof Node ? child : String(child));
  return element;
}

export function table(caption, headings, rows) {
  return h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headings.map((heading) => h('th', { scope: 'col' }, heading)))),
    h('tbody', {}, rows.length ? rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell))))
      : h('tr', {}, h('td', { colspan: headings.length }, 'None'))));
}

export function say(text) {
  document.getElementById('status').textContent = text;
}

/** Shows the current page again, as the shell does on navigation (stopping what the page left running). */
export function showAgain() {
  window.dispatchEvent(new Event('hashchange'));
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}
