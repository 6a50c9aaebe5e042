/**
 * A small strict XML 1.0 reader for the JUnit tests, so "well-formed" is checked by something
 * other than the code that wrote the file: one root, matched tags, quoted and unique attributes,
 * only the five predefined entities and character references, only characters XML 1.0 allows
 * (§2.2), no `<` in attribute values, no `]]>` in text. Returns a tree; throws naming the offset.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const nameStart = /[A-Za-z_:]/;
const nameChar = /[A-Za-z0-9_:.-]/;
// eslint-disable-next-line no-control-regex
const forbiddenChar = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function allowedCodePoint(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

export function parseStrictXml(xml: string): XmlElement {
  const bad = forbiddenChar.exec(xml);
  if (bad) throw new Error(`character U+${bad[0].charCodeAt(0).toString(16)} not allowed in XML 1.0 at ${bad.index}`);
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`);
  };
  const skipSpace = (): void => {
    while (i < xml.length && /\s/.test(xml[i]!)) i++;
  };
  const readName = (): string => {
    if (!nameStart.test(xml[i] ?? '')) fail('expected a name');
    const start = i;
    while (i < xml.length && nameChar.test(xml[i]!)) i++;
    return xml.slice(start, i);
  };
  const decode = (raw: string, inAttr: boolean): string => {
    if (inAttr && raw.includes('<')) fail('"<" in an attribute value');
    return raw.replace(/&([^;]*);|&/g, (m, ref: string | undefined) => {
      if (ref === undefined) return fail('bare "&"');
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      if (ref in named) return named[ref]!;
      const num = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
      if (!num) return fail(`unknown entity ${m}`);
      const cp = num[1] !== undefined ? parseInt(num[1], 16) : parseInt(num[2]!, 10);
      if (!allowedCodePoint(cp)) return fail(`character reference ${m} to a character XML 1.0 forbids`);
      return String.fromCodePoint(cp);
    });
  };

  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unterminated XML declaration');
    if (!/^<\?xml version="1\.0"( encoding="UTF-8")?\?>$/.test(xml.slice(0, end + 2))) fail('unexpected XML declaration');
    i = end + 2;
  }
  skipSpace();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < xml.length) {
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end < 0) fail('unterminated comment');
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) fail('CDATA outside the root');
      const end = xml.indexOf(']]>', i);
      if (end < 0) fail('unterminated CDATA');
      stack[stack.length - 1]!.text += xml.slice(i + 9, end);
      i = end + 3;
      continue;
    }
    if (xml.startsWith('</', i)) {
      i += 2;
      const name = readName();
      skipSpace();
      if (xml[i] !== '>') fail('expected ">"');
      i++;
      const open = stack.pop();
      if (!open || open.name !== name) fail(`</${name}> does not close <${open?.name ?? '(nothing)'}>`);
      if (stack.length === 0) {
        skipSpace();
        if (i < xml.length) fail('content after the root element');
      }
      continue;
    }
    if (xml[i] === '<') {
      if (stack.length === 0 && root) fail('second root element');
      i++;
      const el: XmlElement = { name: readName(), attrs: {}, children: [], text: '' };
      for (;;) {
        const hadSpace = /\s/.test(xml[i] ?? '');
        skipSpace();
        if (xml.startsWith('/>', i) || xml[i] === '>') break;
        if (!hadSpace) fail('attributes must be separated by white space');
        const attr = readName();
        skipSpace();
        if (xml[i] !== '=') fail('expected "="');
        i++;
        skipSpace();
        const quote = xml[i];
        if (quote !== '"' && quote !== "'") fail('attribute value must be quoted');
        const end = xml.indexOf(quote!, i + 1);
        if (end < 0) fail('unterminated attribute value');
        if (attr in el.attrs) fail(`duplicate attribute ${attr}`);
        el.attrs[attr] = decode(xml.slice(i + 1, end), true).replace(/[\t\n\r]/g, ' ');
        i = end + 1;
      }
      const selfClosing = xml.startsWith('/>', i);
      i += selfClosing ? 2 : 1;
      if (stack.length > 0) stack[stack.length - 1]!.children.push(el);
      else root = el;
      if (!selfClosing) stack.push(el);
      else if (stack.length === 0) {
        skipSpace();
        if (i < xml.length) fail('content after the root element');
      }
      continue;
    }
    if (stack.length === 0) fail('text outside the root element');
    const next = xml.indexOf('<', i);
    const raw = xml.slice(i, next < 0 ? xml.length : next);
    if (raw.includes(']]>')) fail('"]]>" in text');
    stack[stack.length - 1]!.text += decode(raw, false);
    i = next < 0 ? xml.length : next;
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]!.name}> is not closed`);
  if (!root) return fail('no root element');
  return root;
}

/**
 * The JUnit shape Jenkins and GitLab read (the common subset of the JUnit XSD): every element and
 * attribute must be one of these, required attributes present, counts and times numeric and the
 * suite counts equal to its test cases. Returns the list of problems (empty = valid).
 */
const allowed: Record<string, { attrs: string[]; required: string[]; children: string[] }> = {
  testsuites: { attrs: ['name', 'tests', 'failures', 'errors', 'skipped', 'disabled', 'time'], required: [], children: ['testsuite'] },
  testsuite: { attrs: ['name', 'tests', 'failures', 'errors', 'skipped', 'time'], required: ['name', 'tests', 'failures', 'errors', 'skipped', 'time'], children: ['properties', 'testcase', 'system-out', 'system-err'] },
  properties: { attrs: [], required: [], children: ['property'] },
  property: { attrs: ['name', 'value'], required: ['name', 'value'], children: [] },
  testcase: { attrs: ['name', 'classname', 'time'], required: ['name', 'classname', 'time'], children: ['failure', 'error', 'skipped', 'system-out', 'system-err'] },
  failure: { attrs: ['message', 'type'], required: [], children: [] },
  error: { attrs: ['message', 'type'], required: [], children: [] },
  skipped: { attrs: ['message'], required: [], children: [] },
  'system-out': { attrs: [], required: [], children: [] },
  'system-err': { attrs: [], required: [], children: [] },
};

export function junitProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  if (root.name !== 'testsuites') problems.push(`root is <${root.name}>, not <testsuites>`);
  const visit = (el: XmlElement, where: string): void => {
    const rule = allowed[el.name];
    if (!rule) {
      problems.push(`${where}: element <${el.name}> is not in the JUnit schema`);
      return;
    }
    for (const a of Object.keys(el.attrs)) if (!rule.attrs.includes(a)) problems.push(`${where}: attribute ${a} not allowed on <${el.name}>`);
    for (const a of rule.required) if (!(a in el.attrs)) problems.push(`${where}: <${el.name}> needs ${a}`);
    for (const a of ['tests', 'failures', 'errors', 'skipped']) if (a in el.attrs && !/^\d+$/.test(el.attrs[a]!)) problems.push(`${where}: ${a}="${el.attrs[a]}" is not a count`);
    if ('time' in el.attrs && !/^\d+(\.\d+)?$/.test(el.attrs['time'] ?? '')) problems.push(`${where}: time="${el.attrs['time']}" is not seconds`);
    for (const c of el.children) if (!rule.children.includes(c.name)) problems.push(`${where}: <${c.name}> not allowed inside <${el.name}>`);
    if (el.name === 'testcase' && el.children.filter((c) => ['failure', 'error', 'skipped'].includes(c.name)).length > 1) problems.push(`${where}: more than one outcome`);
    if (el.name === 'testsuite') {
      const pi = el.children.findIndex((c) => c.name === 'properties');
      if (pi > 0) problems.push(`${where}: <properties> must come first`);
      const cases = el.children.filter((c) => c.name === 'testcase');
      const count = (n: string): number => cases.filter((c) => c.children.some((x) => x.name === n)).length;
      const want = { tests: cases.length, failures: count('failure'), errors: count('error'), skipped: count('skipped') };
      for (const [k, v] of Object.entries(want)) if (el.attrs[k] !== String(v)) problems.push(`${where}: ${k}="${el.attrs[k]}" but ${v} test cases say so`);
    }
    el.children.forEach((c, n) => visit(c, `${where}/${c.name}[${n}]`));
  };
  visit(root, root.name);
  return problems;
}
