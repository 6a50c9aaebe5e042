import { expect } from 'chai';
import { tmpdir } from 'node:os';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { provisioningLines } from '../../src/cli/token-provisioning.js';
import { defaultConfiguredValues } from '../../src/engine/configured-values.js';
import { idTokenFormatProblem } from '../../src/engine/id-token-format.js';

describe('default idTokens and the tokens a CSMS vendor must provision (issue #11)', () => {
  it('every default idToken is a valid value for its type (ISO14443: a 4/7/10 byte UID in hex)', () => {
    const t = defaultConfiguredValues.idTokens;
    for (const token of [t.valid, t.invalid, t.blocked, t.expired, t.validSameGroup, t.masterPass]) {
      expect(token, 'configured').to.not.equal(undefined);
      if (token) expect(idTokenFormatProblem(token), token.idToken).to.equal(undefined);
    }
    // The old default was not, which is why a format-checking CSMS refused it.
    expect(idTokenFormatProblem({ idToken: 'VALID-TOKEN-01', type: 'ISO14443' })).to.include('UID in hex');
    expect(idTokenFormatProblem({ idToken: '0123456789ABCDEF', type: 'ISO15693' })).to.equal(undefined);
    expect(idTokenFormatProblem({ idToken: 'DE-ABC-C12345678-X', type: 'eMAID' })).to.equal(undefined);
    expect(idTokenFormatProblem({ idToken: 'anything at all', type: 'Central' })).to.equal(undefined);
  });

  it('lists each token with the status the CSMS must give it, and warns about a value that does not fit its type', () => {
    const lines = provisioningLines(defaultConfiguredValues, '2.0.1');
    expect(lines[0]).to.include('provision these idTokens in the CSMS');
    expect(lines.join('\n')).to.match(/04A1B2C3D4E5F6 ISO14443 +Accepted, group GROUP-01 +\(valid\)/).and.match(/Blocked +\(blocked\)/);
    const bad = provisioningLines({ ...defaultConfiguredValues, idTokens: { ...defaultConfiguredValues.idTokens, valid: { idToken: 'CARD-1', type: 'ISO14443' } } }, '2.0.1');
    expect(bad.join('\n')).to.include('warning: valid idToken "CARD-1"');
  });

  it('`list --sut csms` shows the tokens section; `list --sut cs` does not', async () => {
    const out: string[] = [];
    const io: CliIo = { out: (t) => void out.push(t), err: () => undefined, isTty: false, env: {}, cwd: tmpdir() };
    await main(['node', 'ocpp-conform', 'list', '--ocpp', '1.6', '--sut', 'csms', '--only', 'TC_001_CSMS'], io);
    expect(out.join('\n')).to.include('tokens: provision these idTokens in the CSMS (idTag)');
    out.length = 0;
    await main(['node', 'ocpp-conform', 'list', '--ocpp', '1.6', '--sut', 'cs', '--only', 'TC_001_CS'], io);
    expect(out.join('\n')).to.not.include('provision these idTokens');
  });
});
