// Where a JSON Pointer (RFC 6901) points in a JSON text: the start and end offsets of that value, or of the nearest
// value above it that exists (a missing field is shown at the object that lacks it).

/** Offsets of every value in {@code text}, by pointer. Assumes the text is valid JSON. */
export function positions(text) {
  const found = new Map();
  let i = 0;
  const space = () => { while (/\s/.test(text[i])) i++; };
  const string = () => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const value = (pointer) => {
    space();
    const start = i;
    if (text[i] === '{') {
      i++;
      space();
      while (text[i] !== '}') {
        const key = string();
        space();
        i++; // ':'
        value(`${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
        space();
        if (text[i] === ',') { i++; space(); }
      }
      i++;
    } else if (text[i] === '[') {
      i++;
      space();
      for (let index = 0; text[i] !== ']'; index++) {
        value(`${pointer}/${index}`);
        space();
        if (text[i] === ',') { i++; space(); }
      }
      i++;
    } else if (text[i] === '"') {
      string();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i])) i++;
    }
    found.set(pointer, { start, end: i });
  };
  value('');
  return found;
}

export function locate(found, pointer) {
  let at = pointer || '';
  while (!found.has(at) && at) at = at.slice(0, at.lastIndexOf('/'));
  return found.get(at);
}
