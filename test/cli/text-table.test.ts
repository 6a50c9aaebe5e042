/** Console tables wrapped to the terminal: no line wider than asked, the last column kept under its heading. */
import { expect } from 'chai';
import { formatDefects } from '../../src/cli/commands/sim.js';
import { formatTable, tableWidth, wrapText } from '../../src/cli/text-table.js';
import { allDefects } from '../../src/sim/defects.js';

describe('cli: text tables', () => {
  it('wraps words to the width, cutting only a word longer than it', () => {
    expect(wrapText('sends no StatusNotification when the cable is plugged in', 20)).to.deep.equal(['sends no', 'StatusNotification', 'when the cable is', 'plugged in']);
    expect(wrapText('abcdefghij', 4)).to.deep.equal(['abcd', 'efgh', 'ij']);
    expect(wrapText('short', 20)).to.deep.equal(['short']);
  });

  it('keeps every line within the width and continues the last column under its heading', () => {
    const rows = [['ID', 'STATUS', 'TITLE'], ['TC_B_01_CS', 'n/a: profile Smart Charging is not claimed in the PICS (certificationProfiles)', 'Cold Boot Charging Station - Accepted with a long title that must wrap']];
    const text = formatTable(rows, { width: 80, maxColumn: 30 });
    const lines = text.split('\n');
    for (const l of lines) expect(l.length, l).to.be.at.most(80);
    const titleAt = lines[0]!.indexOf('TITLE');
    expect(lines[1]!.slice(titleAt)).to.match(/^Cold Boot/);
    expect(lines.slice(2).every((l) => l.slice(0, 10).trim() === '')).to.equal(true);
  });

  it('does not wrap without a width (a pipe): one line per row', () => {
    const text = formatDefects(allDefects());
    expect(text.split('\n')).to.have.length(allDefects().length + 2);
    const wrapped = formatDefects(allDefects(), 100).split('\n');
    for (const l of wrapped) expect(l.length, l).to.be.at.most(100);
  });

  it('wraps only on a terminal whose width is known', () => {
    expect(tableWidth({ isTty: false, columns: () => 80 })).to.equal(undefined);
    expect(tableWidth({ isTty: true, columns: () => 0 })).to.equal(undefined);
    expect(tableWidth({ isTty: true, columns: () => 120 })).to.equal(120);
  });
});
