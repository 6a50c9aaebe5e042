/**
 * OCPP 1.6 TC_044_1_CSMS — Firmware Update - Download and Install. OCTT 1.6 document §3.15.1; OCPP
 * 1.6 §5.19: the operator makes the Central System send UpdateFirmware for the Firmware Download URL
 * from test data; the harness (as Charge Point) downloads it (http(s)), reports Downloading,
 * Downloaded, its connectors Unavailable, Installing, reboots, reports its connectors Available and
 * Installed; the Central System answers every message.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { downloadAndInstall, installValidations } from './install.js';

export default defineTestCase({
  id: 'TC_044_1_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'FirmwareManagement',
  title: 'Firmware Update - Download and Install',
  useCases: ['Update Firmware'],
  requirements: ['OCPP 1.6 §5.19', 'OCPP 1.6 §4.5'],
  certification: [{ profile: 'Firmware Management', need: 'M' }],
  states: ['Booted'],
  validations: [{ step: 1, checks: 'UpdateFirmware.req location is the Firmware Download URL from test data (and, over http(s), the firmware can be downloaded from it)' }, ...installValidations('Installed')],
  detects: ['update-firmware-wrong-location', 'firmware-status-notification-error'],
  run: (ctx) => downloadAndInstall(ctx, 'Installed', 1),
});
