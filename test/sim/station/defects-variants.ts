/**
 * Proof scenarios of the station defects that only show on a hardware variant (a quirk with PICS
 * answers, src/sim/pics.ts): each scenario switches its variant on, and the defect's wire differs
 * from the compliant variant's. Used by ./defects.test.ts.
 */
import { booted, sleep, type DefectScenario as Scenario, type ScenarioHelpers as Helpers } from './support.js';

export function variant16Scenarios(h: Helpers): Record<string, Scenario> {
  return {
    fixedCable16: {
      station: { quirks: ['fixed-cable'] },
      run: async (csms, st) => {
        await booted(csms, st);
        const idle = await h.answer(csms, 'UnlockConnector', { connectorId: 1 });
        await st.perform('plugIn', { connectorId: 1 });
        await st.perform('presentIdToken', { idToken: '04A1B2C3D4E5F6' });
        await sleep(150);
        const charging = await h.answer(csms, 'UnlockConnector', { connectorId: 1 });
        await sleep(150);
        return `${idle} ${charging} ${h.wire(csms)}`;
      },
    },
    backupPower16: {
      station: { quirks: ['backup-power'] },
      run: async (csms, st) => {
        await booted(csms, st);
        await st.perform('plugIn', { connectorId: 1 });
        await st.perform('presentIdToken', { idToken: '04A1B2C3D4E5F6' });
        await sleep(150);
        await st.perform('powerCycle', {});
        await sleep(800);
        return h.wire(csms);
      },
    },
  };
}

export function variant201Scenarios(h: Helpers): Record<string, Scenario> {
  return {
    noEvseReset201: {
      station: { quirks: ['no-evse-reset'] },
      run: async (csms, st) => {
        await booted(csms, st);
        return h.answer(csms, 'Reset', { type: 'OnIdle', evseId: 1 });
      },
    },
    noSummaryInventory201: {
      station: { quirks: ['no-summary-inventory'] },
      run: async (csms, st) => {
        await booted(csms, st);
        const answer = await h.answer(csms, 'GetBaseReport', { requestId: 7, reportBase: 'SummaryInventory' });
        await sleep(200);
        return `${answer} ${h.wire(csms)}`;
      },
    },
  };
}

export const variant16Proofs: Record<string, string> = {
  'unlocks-fixed-cable': 'fixedCable16',
  'backup-power-unused': 'backupPower16',
};

export const variant201Proofs: Record<string, string> = {
  'accepts-unsupported-evse-reset': 'noEvseReset201',
  'accepts-unsupported-summary-inventory': 'noSummaryInventory201',
};
