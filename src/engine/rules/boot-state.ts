/**
 * What a station may send while its registration is Rejected or Pending.
 * - Rejected: Part 6 TC_B_03_CS note "The Charging Station is not allowed to send any OCPP message
 *   in the meantime" (Part 2 B03); 1.6 §4.2 "If the Central System returns the status Rejected, the
 *   Charge Point SHALL NOT send any OCPP message to the Central System until the aforementioned
 *   retry interval has expired" — only the next BootNotification.
 * - Pending: 1.6 §4.2 "The Charge Point SHALL NOT send request messages to the Central System unless
 *   it has been instructed by the Central System to do so with a TriggerMessage.req request". 2.0.1
 *   (Part 2 B02, Part 6 TC_B_02_CS: the CSMS retrieves and sets configuration, GetBaseReport →
 *   NotifyReport) allows what a CSMS request asks for; from the wire we accept a CALL while Pending
 *   only after the CSMS sent the station a CALL on that connection (1.6: a TriggerMessage).
 */
import { frameOf, ourAnswers, type GeneralRule, type RuleBreach } from './types.js';

export const registrationState: GeneralRule = {
  id: 'no-calls-while-rejected-or-pending',
  clause: 'Part 6 TC_B_03_CS "The Charging Station is not allowed to send any OCPP message in the meantime"; OCPP 1.6 §4.2 (Rejected: "SHALL NOT send any OCPP message"; Pending: "SHALL NOT send request messages … unless it has been instructed")',
  applies: (_version, sut) => sut === 'cs',
  check({ version, entries, caseStart }) {
    const answers = ourAnswers(entries);
    const state = new Map<string, { status: string; askedByCsms: boolean; bootFrame: number[] }>();
    const breaches: RuleBreach[] = [];
    for (const e of entries) {
      if (e.kind === 'connected' || e.kind === 'disconnected') {
        // A new connection keeps the registration status: the station must boot again to change it.
        const before = [...state.values()].at(-1);
        if (e.kind === 'connected' && before) state.set(e.connectionId, { ...before, askedByCsms: false });
        continue;
      }
      const s = state.get(e.connectionId);
      if (e.kind === 'callOut' && s && (version !== '1.6' || e.action === 'TriggerMessage')) s.askedByCsms = true;
      if (e.kind !== 'callIn') continue;
      if (e.action === 'BootNotification') {
        const status = answers.get(`${e.connectionId}/${e.messageId}`)?.['status'];
        state.set(e.connectionId, { status: typeof status === 'string' ? status : 'Unknown', askedByCsms: false, bootFrame: frameOf(e) });
        continue;
      }
      if (!s || e.index < caseStart) continue;
      if (s.status === 'Rejected' || (s.status === 'Pending' && !s.askedByCsms)) {
        breaches.push({
          rule: this.id,
          clause: this.clause,
          message: `${e.action} sent while the registration was ${s.status}${s.status === 'Pending' ? ' and the CSMS had not asked for anything' : ''}`,
          frames: [...s.bootFrame, ...frameOf(e)],
        });
      }
    }
    return breaches;
  },
};
