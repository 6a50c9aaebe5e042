/**
 * Block I, tariff and cost (Part 2 I02/I03): the station shows the running total cost the CSMS
 * sends in CostUpdated (I02.FR.02) for the transaction it names; the last cost shown per
 * transaction is kept as the display's state. TariffCostCtrlr has its required Currency (the
 * optional Available/Enabled instances are left out: the block B report tests take every
 * criterion variable to be named without an instance).
 */
import { NotImplementedError } from '../../../session/rpc-error.js';
import type { Block201 } from './context.js';
import { v } from '../device-model-data.js';

const ctrlr = 'TariffCostCtrlr';

export const tariffCost: Block201 = {
  name: 'tariff-cost',
  variables: [
    v({ component: ctrlr, variable: 'Currency', dataType: 'string', mutability: 'ReadWrite', value: 'EUR' }),
  ],
  defects: [{ name: 'cost-updated-not-implemented', description: 'answers CostUpdated with CALLERROR NotImplemented (cannot show the running total cost)' }],
  create: (ctx) => {
    /** The running total cost shown per transactionId (I02.FR.02). */
    const shown = new Map<string, number>();
    return {
      handlers: {
        CostUpdated: (call) => {
          if (ctx.core.has('cost-updated-not-implemented')) throw new NotImplementedError('CostUpdated is not implemented');
          shown.set(String(call.payload['transactionId']), Number(call.payload['totalCost']));
          return {};
        },
      },
    };
  },
};
