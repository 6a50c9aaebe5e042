/**
 * Proof scenarios of the 2.0.1 station defects of the transaction start and stop points (block E,
 * Part 2 E01 / E06, issue #19): each one's wire differs from the compliant run. Used by
 * ./defects.test.ts.
 */
import type { JsonObject } from '../../../src/protocol/frames.js';
import type { StationSimulator } from '../../../src/sim/station/station-simulator.js';
import { booted, sleep, type TestCsms, type DefectScenario as Scenario, type ScenarioHelpers as Helpers } from './support.js';

const valid = { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' };
const set = (component: string, variable: string, value: string): JsonObject => ({ component: { name: component }, variable: { name: variable }, attributeValue: value });
const evse = { evseId: 1, connectorId: 1 };

/** The TransactionEvents with the fields the point defects change (chargingState, a signed value). */
function events(csms: TestCsms): string {
  return csms.calls
    .filter((c) => c.action === 'TransactionEvent')
    .map((c) => {
      const p = c.payload;
      const ti = (p['transactionInfo'] as JsonObject | undefined) ?? {};
      const signed = JSON.stringify(p['meterValue'] ?? []).includes('signedMeterValue') ? 'signed' : '';
      return [p['eventType'], p['triggerReason'], ti['chargingState'], ti['stoppedReason'] ?? '', signed].map(String).join(':');
    })
    .join('|');
}

export function ePoints201Scenarios(h: Helpers): Record<string, Scenario> {
  const setVar = (csms: TestCsms, component: string, variable: string, value: string): Promise<string> => h.answer(csms, 'SetVariables', { setVariableData: [set(component, variable, value)] });
  const act = async (st: StationSimulator, action: string, params: Record<string, unknown> = evse): Promise<void> => {
    await st.perform(action, params);
    await sleep(120);
  };
  const present = (st: StationSimulator): Promise<void> => act(st, 'presentIdToken', { ...evse, ...valid });
  return {
    txStartPoints201: {
      run: async (csms, st) => {
        await booted(csms, st);
        await setVar(csms, 'TxCtrlr', 'TxStopPoint', 'ParkingBayOccupancy,EVConnected,Authorized');
        await setVar(csms, 'TxCtrlr', 'TxStartPoint', 'EVConnected');
        await act(st, 'plugIn');
        await act(st, 'unplug');
        await setVar(csms, 'TxCtrlr', 'TxStartPoint', 'ParkingBayOccupancy');
        await act(st, 'driveIn');
        await act(st, 'driveOut');
        await setVar(csms, 'TxCtrlr', 'TxStartPoint', 'EnergyTransfer');
        await present(st);
        await act(st, 'plugIn');
        await act(st, 'unplug');
        await setVar(csms, 'TxCtrlr', 'TxStartPoint', 'DataSigned');
        await present(st);
        await act(st, 'plugIn');
        await act(st, 'unplug');
        // stuck-after-connection-timeout: no cable within 1 s, then a normal session.
        await setVar(csms, 'TxCtrlr', 'TxStartPoint', 'PowerPathClosed');
        await setVar(csms, 'TxCtrlr', 'EVConnectionTimeOut', '1');
        await present(st);
        await sleep(1_200);
        await present(st);
        await act(st, 'plugIn');
        await act(st, 'unplug');
        return `${h.wire(csms)} ${events(csms)}`;
      },
    },
    txStopPoints201: {
      run: async (csms, st) => {
        await booted(csms, st);
        await setVar(csms, 'TxCtrlr', 'TxStopPoint', 'Authorized');
        await present(st);
        await act(st, 'plugIn');
        await present(st);
        await act(st, 'unplug');
        await setVar(csms, 'TxCtrlr', 'TxStopPoint', 'EnergyTransfer');
        await present(st);
        await act(st, 'plugIn');
        await act(st, 'suspendEnergyTransfer');
        await act(st, 'unplug');
        await setVar(csms, 'TxCtrlr', 'TxStopPoint', 'EVConnected');
        await setVar(csms, 'TxCtrlr', 'StopTxOnEVSideDisconnect', 'false');
        await present(st);
        await act(st, 'plugIn');
        await act(st, 'unplugEvSide');
        await act(st, 'unplugStationSide');
        await setVar(csms, 'TxCtrlr', 'TxStopPoint', 'Authorized');
        await setVar(csms, 'TxCtrlr', 'StopTxOnEVSideDisconnect', 'true');
        await present(st);
        await act(st, 'plugIn');
        await act(st, 'unplugEvSide');
        await act(st, 'unplugStationSide');
        return `${h.wire(csms)} ${events(csms)}`;
      },
    },
  };
}

/** Which scenario proves each defect. */
export const ePoints201Proofs: Record<string, string> = {
  'starts-at-authorized': 'txStartPoints201',
  'no-start-on-ev-connected': 'txStartPoints201',
  'no-start-on-parking-bay': 'txStartPoints201',
  'energy-transfer-start-early': 'txStartPoints201',
  'unsigned-start-value': 'txStartPoints201',
  'stuck-after-connection-timeout': 'txStartPoints201',
  'no-stop-on-parking-bay': 'txStartPoints201',
  'stop-point-authorized-ignored': 'txStopPoints201',
  'ignores-energy-transfer-stop': 'txStopPoints201',
  'wrong-suspend-state': 'txStopPoints201',
  'ev-side-disconnect-not-ended': 'txStopPoints201',
  'ignores-stop-tx-on-ev-side-disconnect': 'txStopPoints201',
};
