// OCPP 2.0.1 Part 6 §2.3, TC_B_12_CS: GetBaseReport ConfigurationInventory reports the writable variables.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { baseReport, checkPresent, describeVar } from './base-report.js';

export default defineTestCase({
  id: 'TC_B_12_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Get Base Report - ConfigurationInventory',
  useCases: ['B07'],
  requirements: ['B07.FR.01', 'B07.FR.03', 'B07.FR.04', 'B07.FR.07', 'B07.FR.10', 'B07.FR.12'],
  certification: [{ profile: 'Core', need: 'M' }],
  detects: ['no-notify-report'],
  async run(ctx) {
    await stationReady(ctx);
    const reported = await baseReport(ctx, 'ConfigurationInventory');
    await ctx.step('Post scenario: every variable has characteristics and is writable; the required writable ones are there', async () => {
      const noCharacteristics = reported.filter((v) => !v.hasCharacteristics);
      ctx.check('variableCharacteristics present for every variable', noCharacteristics.length === 0, { expected: 'all present', actual: noCharacteristics.length === 0 ? 'all present' : `missing for ${noCharacteristics.map(describeVar).join(', ')}` });
      const readOnly = reported.filter((v) => v.mutability.some((m) => m !== 'ReadWrite' && m !== 'WriteOnly'));
      ctx.check('mutability ReadWrite or WriteOnly for every variable', readOnly.length === 0, { expected: 'ReadWrite or WriteOnly', actual: readOnly.length === 0 ? 'all writable' : `read-only: ${readOnly.slice(0, 10).map(describeVar).join(', ')}` });
      // Writable Core variables the B/C/E cases of Part 6 write themselves.
      checkPresent(ctx, reported, [
        { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold' },
        { component: 'OCPPCommCtrlr', variable: 'MessageAttempts', instance: 'TransactionEvent' },
        { component: 'OCPPCommCtrlr', variable: 'MessageAttemptInterval', instance: 'TransactionEvent' },
        { component: 'AuthCtrlr', variable: 'LocalAuthorizeOffline' },
        { component: 'AuthCtrlr', variable: 'LocalPreAuthorize' },
        { component: 'TxCtrlr', variable: 'EVConnectionTimeOut' },
      ]);
    });
  },
});
