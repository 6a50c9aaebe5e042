import { expect } from 'chai';
import { renderJunit, xmlAttr, xmlText } from '../../src/reporters/junit.js';
import { fixtureRun } from './fixture.js';
import { junitProblems, parseStrictXml, type XmlElement } from './strict-xml.js';

const all = (el: XmlElement, name: string): XmlElement[] => [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];
const testcase = (root: XmlElement, id: string): XmlElement => {
  const found = all(root, 'testcase').find((t) => t.attrs['name']?.startsWith(`${id} `));
  if (!found) throw new Error(`no testcase ${id}`);
  return found;
};

describe('reporters/junit', () => {
  it('is well-formed and uses only the JUnit elements and attributes CI tools read, with correct counts', () => {
    const root = parseStrictXml(renderJunit(fixtureRun()));
    expect(junitProblems(root)).to.deep.equal([]);
    expect(root.attrs).to.include({ tests: '6', failures: '2', errors: '1', skipped: '2' });
    expect(all(root, 'testsuite').map((s) => s.attrs['name'])).to.deep.equal(['OCPP 2.0.1 CS — B Provisioning', 'OCPP 2.0.1 CS — E Transactions', 'OCPP 2.0.1 CS — K Smart Charging']);
    const b = all(root, 'testsuite')[0]!;
    expect(b.attrs).to.include({ tests: '2', failures: '1', errors: '0', skipped: '0', time: '13.572' });
  });

  it('maps verdicts: fail → failure with expected vs actual, inconclusive → failure type inconclusive, error → error, N/A and skipped → skipped', () => {
    const root = parseStrictXml(renderJunit(fixtureRun()));
    const pass = testcase(root, 'TC_B_01_CS');
    expect(pass.attrs).to.deep.equal({ name: 'TC_B_01_CS Cold Boot Charging Station - Accepted', classname: 'ocpp2_0_1.cs.B', time: '1.532' });
    expect(pass.children.map((c) => c.name)).to.deep.equal(['system-out']);

    const failure = testcase(root, 'TC_B_02_CS').children.find((c) => c.name === 'failure')!;
    expect(failure.attrs['type']).to.equal('fail');
    expect(failure.attrs['message']).to.match(/Heartbeat came 9120 ms/);
    expect(failure.text).to.include('expected: gap ≥ 296000 ms').and.include('actual:   gap 9120 ms').and.include('measured 9120 ms, allowed 296000 ms – 304000 ms');
    expect(failure.text).to.include('[schema] Heartbeat: currentTime is missing (frame 9)');

    const inconclusive = testcase(root, 'TC_E_01_CS').children.find((c) => c.name === 'failure')!;
    expect(inconclusive.attrs['type']).to.equal('inconclusive');
    expect(inconclusive.attrs['message']).to.match(/^inconclusive: no terminal/);

    const error = testcase(root, 'TC_K_01_CS').children.map((c) => c.name);
    expect(error).to.deep.equal(['error', 'system-out']);
    expect(testcase(root, 'TC_E_02_CS').children[0]).to.deep.include({ name: 'skipped', attrs: { message: 'not applicable: PICS C-02 = false (needs true)' } });
    expect(testcase(root, 'TC_K_02_CS').children[0]!.attrs['message']).to.equal('skipped: not selected for this lab session');
  });

  it('keeps the file readable when DUT text carries markup and characters XML 1.0 forbids', () => {
    const run = fixtureRun();
    run.tests[1]!.message = 'bad frame: <x a="1"> & ]]> \u0000\u0007\u001b \uD800 tab\tnewline\n "quoted" \'single\' 😀';
    const xml = renderJunit(run);
    const root = parseStrictXml(xml);
    expect(junitProblems(root)).to.deep.equal([]);
    const failure = testcase(root, 'TC_B_02_CS').children.find((c) => c.name === 'failure')!;
    expect(failure.attrs['message']).to.equal('bad frame: <x a="1"> & ]]> \\u0000\\u0007\\u001b \\ud800 tab newline  "quoted" \'single\' 😀');
    expect(failure.text).to.include('bad frame: <x a="1"> & ]]> \\u0000').and.include('tab\tnewline\n');
    expect(xmlText('a<b&c>d')).to.equal('a&lt;b&amp;c&gt;d');
    expect(xmlAttr('"\n')).to.equal('&quot;&#10;');
  });

  it('the strict checker rejects what CI tools would choke on (so the checks above can fail)', () => {
    expect(() => parseStrictXml('<testsuites><testsuite></testsuites>')).to.throw(/does not close/);
    expect(() => parseStrictXml('<a b="1 & 2"/>')).to.throw(/bare "&"/);
    expect(() => parseStrictXml('<a b="<"/>')).to.throw(/"<" in an attribute/);
    expect(() => parseStrictXml('<a>\u0001</a>')).to.throw(/not allowed in XML 1.0/);
    expect(() => parseStrictXml('<a>&#1;</a>')).to.throw(/forbids/);
    expect(() => parseStrictXml('<a x="1" x="2"/>')).to.throw(/duplicate/);
    const root = parseStrictXml('<testsuites><testsuite name="x" tests="2" failures="0" errors="0" skipped="0" time="1"><testcase name="a" classname="c" time="0.1" foo="1"><failure/></testcase><bogus/></testsuite></testsuites>');
    expect(junitProblems(root)).to.have.members([
      'testsuites/testsuite[0]: failures="0" but 1 test cases say so',
      'testsuites/testsuite[0]: tests="2" but 1 test cases say so',
      'testsuites/testsuite[0]: <bogus> not allowed inside <testsuite>',
      'testsuites/testsuite[0]/testcase[0]: attribute foo not allowed on <testcase>',
      'testsuites/testsuite[0]/bogus[1]: element <bogus> is not in the JUnit schema',
    ]);
  });

  it('says in the root name when the run was interrupted', () => {
    const root = parseStrictXml(renderJunit(fixtureRun({ interrupted: true })));
    expect(root.attrs['name']).to.equal('ocpp-conform OCPP 2.0.1 CS (interrupted)');
  });
});
