/** Block J, meter values: MeterValues are acknowledged; evseId 0 (the main meter) is valid. */
import { checkMeterId, int, meterValuesEvse0Error, type CsmsBlock } from '../block.js';

export const meterValues: CsmsBlock = {
  name: 'meter-values',
  defects: [meterValuesEvse0Error],
  responders: (host) => ({
    MeterValues: (_s, p) => {
      checkMeterId((d) => host.has(d), int(p.evseId));
      return {};
    },
  }),
};
