/**
 * Block J, meter values: MeterValues are acknowledged; evseId 0 (the main meter) is valid. The
 * meter values of TransactionEvents are judged by the same defects (../meter-value-defects.ts).
 */
import { checkMeterId, int, meterValuesEvse0Error, type CsmsBlock } from '../block.js';
import { checkMeterValues, meterValueDefects } from '../meter-value-defects.js';

export const meterValues: CsmsBlock = {
  name: 'meter-values',
  defects: [meterValuesEvse0Error, ...meterValueDefects],
  responders: (host) => ({
    MeterValues: (_s, p) => {
      checkMeterId((d) => host.has(d), int(p.evseId));
      checkMeterValues((d) => host.has(d), 'MeterValues', p);
      return {};
    },
  }),
};
