/**
 * Block B, provisioning: the device model over Get/SetVariables (B05/B06), GetBaseReport and
 * GetReport with NotifyReport in ItemsPerMessage parts (B07/B08), Reset (B11/B12: Scheduled
 * while a transaction runs, carried out when it ends), and the `reconfigure` control action.
 * The boot loop itself is the station core's.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import { textParam } from '../core/block.js';
import type { ComponentRef, VariableRef } from '../device-model.js';
import type { Block201, Context201 } from './context.js';
import { activeTx } from './evse.js';
import { v } from '../device-model-data.js';

export const provisioning: Block201 = {
  name: 'provisioning',
  variables: [
    v({ component: 'DeviceDataCtrlr', variable: 'ItemsPerMessage', variableInstance: 'GetReport', dataType: 'integer', mutability: 'ReadOnly', value: '20' }),
    v({ component: 'DeviceDataCtrlr', variable: 'ItemsPerMessage', variableInstance: 'GetVariables', dataType: 'integer', mutability: 'ReadOnly', value: '20' }),
    v({ component: 'DeviceDataCtrlr', variable: 'ItemsPerMessage', variableInstance: 'SetVariables', dataType: 'integer', mutability: 'ReadOnly', value: '20' }),
    v({ component: 'DeviceDataCtrlr', variable: 'BytesPerMessage', variableInstance: 'GetReport', dataType: 'integer', mutability: 'ReadOnly', value: '65000' }),
    v({ component: 'DeviceDataCtrlr', variable: 'BytesPerMessage', variableInstance: 'GetVariables', dataType: 'integer', mutability: 'ReadOnly', value: '65000' }),
    v({ component: 'DeviceDataCtrlr', variable: 'BytesPerMessage', variableInstance: 'SetVariables', dataType: 'integer', mutability: 'ReadOnly', value: '65000' }),
  ],
  defects: [
    { name: 'reset-without-reboot', description: 'accepts Reset but does not reboot' },
    { name: 'reset-onidle-interrupts-tx', description: 'a Reset OnIdle during a transaction reboots at once instead of answering Scheduled' },
    { name: 'ignores-set-variables', description: 'answers SetVariables / ChangeConfiguration Accepted but does not apply the value' },
    { name: 'unknown-variable-accepted', description: 'answers Get/SetVariables for an unknown component or variable with Accepted' },
    { name: 'ignores-attribute-type', description: 'treats every attributeType as Actual instead of answering NotSupportedAttributeType' },
    { name: 'read-only-accepted', description: 'accepts writing a read-only variable / configuration key' },
    { name: 'accepts-invalid-values', description: 'accepts badly formatted values in SetVariables / ChangeConfiguration' },
    { name: 'drops-get-variables-entries', description: 'answers only the first entry of a multi-entry GetVariables / GetConfiguration' },
    { name: 'drops-set-variables-entries', description: 'answers only the first entry of a multi-entry SetVariables' },
    { name: 'set-variables-reboot-required', description: 'answers RebootRequired to every accepted SetVariables although the value applies at once' },
    { name: 'no-notify-report', description: 'accepts GetBaseReport but never sends NotifyReport' },
    { name: 'config-inventory-omits-required', description: 'the ConfigurationInventory base report leaves out the writable TxStartPoint, TxStopPoint, AuthorizeRemoteStart and NetworkConfigurationPriority (FullInventory has them)' },
    { name: 'report-omits-required-variables', description: 'NotifyReport leaves out required variables (TxStartPoint, TxStopPoint, AuthorizeRemoteStart, SampledDataCtrlr, AlignedDataCtrlr, NetworkConfigurationPriority)' },
  ],
  create: (ctx) => {
    const { core, deviceModel } = ctx;
    deviceModel.behave({
      unknownAccepted: core.has('unknown-variable-accepted'),
      ignoreAttributeType: core.has('ignores-attribute-type'),
      readOnlyAccepted: core.has('read-only-accepted'),
      acceptInvalidValues: core.has('accepts-invalid-values'),
      ignoreWrites: core.has('ignores-set-variables'),
      rebootRequiredAlways: core.has('set-variables-reboot-required'),
    });
    const reset = new ResetState(ctx);
    return {
      handlers: {
        GetVariables: (call) => getVariables(ctx, call),
        SetVariables: (call) => setVariables(ctx, call),
        GetBaseReport: (call) => getBaseReport(ctx, call),
        GetReport: (call) => getReport(ctx, call),
        Reset: (call) => reset.handle(call),
      },
      actions: {
        reconfigure: async (params) => {
          const component = textParam(params, 'component');
          const variable = textParam(params, 'variable');
          const found = deviceModel.lookup({ name: component }, { name: variable, ...(typeof params['instance'] === 'string' ? { instance: params['instance'] } : {}) });
          if (found.kind !== 'found') return { done: false, reason: `${found.kind}: ${component}.${variable}` };
          deviceModel.setInternal({ name: component }, { name: variable, ...(found.spec.variableInstance ? { instance: found.spec.variableInstance } : {}) }, textParam(params, 'value'));
          return { done: true };
        },
      },
    };
  },
};

/** Reset (Part 2 B11/B12); a Scheduled reset waits for the last transaction to end. */
class ResetState {
  private pending = false;

  constructor(private readonly ctx: Context201) {
    ctx.core.bus.on('transactionEnded', () => {
      if (!this.pending || !ctx.evses.all.every((e) => !e.tx)) return undefined;
      this.pending = false;
      return (async () => {
        await ctx.core.drainQueue(5_000);
        // Part 6 TC_B_21_CS step 7: a reset carried out after the transactions ended.
        void ctx.core.reboot('ScheduledReset');
      })();
    });
  }

  handle(call: InboundCall): JsonObject {
    const { core, evses } = this.ctx;
    if (call.payload['evseId'] !== undefined) return { status: 'Rejected' };
    if (core.has('reset-without-reboot')) return { status: 'Accepted' };
    const busy = evses.all.some((e) => activeTx(e) !== undefined);
    const type = String(call.payload['type']);
    if (type === 'OnIdle' && busy && !core.has('reset-onidle-interrupts-tx')) {
      this.pending = true;
      return { status: 'Scheduled' };
    }
    this.pending = false;
    call.after(async () => {
      if (busy) {
        core.powerDown('reset');
        await core.drainQueue(5_000);
      }
      void core.reboot('RemoteReset');
    });
    return { status: 'Accepted' };
  }
}

function getVariables({ core, deviceModel }: Context201, call: InboundCall): JsonObject {
  let data = (call.payload['getVariableData'] as Array<{ component: ComponentRef; variable: VariableRef; attributeType?: string }>) ?? [];
  if (core.has('drops-get-variables-entries')) data = data.slice(0, 1);
  return {
    getVariableResult: data.map((d) => {
      const r = deviceModel.get(d.component, d.variable, d.attributeType ?? 'Actual');
      return {
        attributeStatus: r.status,
        ...(d.attributeType ? { attributeType: d.attributeType } : {}),
        ...(r.value === undefined ? {} : { attributeValue: r.value }),
        component: d.component,
        variable: d.variable,
      };
    }),
  };
}

function setVariables({ core, deviceModel }: Context201, call: InboundCall): JsonObject {
  let data = (call.payload['setVariableData'] as Array<{ component: ComponentRef; variable: VariableRef; attributeType?: string; attributeValue: string }>) ?? [];
  if (core.has('drops-set-variables-entries')) data = data.slice(0, 1);
  return {
    setVariableResult: data.map((d) => ({
      ...(d.attributeType ? { attributeType: d.attributeType } : {}),
      attributeStatus: deviceModel.set(d.component, d.variable, d.attributeValue, d.attributeType ?? 'Actual'),
      component: d.component,
      variable: d.variable,
    })),
  };
}

function getBaseReport(ctx: Context201, call: InboundCall): JsonObject {
  const requestId = Number(call.payload['requestId']);
  const base = String(call.payload['reportBase']);
  const filter =
    base === 'ConfigurationInventory'
      ? (s: { mutability: string }) => s.mutability !== 'ReadOnly'
      : base === 'SummaryInventory'
        ? (s: { variable: string }) => s.variable === 'AvailabilityState'
        : () => true;
  const reported = ctx.deviceModel.report(filter);
  const sloppy = base === 'ConfigurationInventory' && ctx.core.has('config-inventory-omits-required');
  const data = sloppy ? reported.filter((d) => !['TxStartPoint', 'TxStopPoint', 'AuthorizeRemoteStart', 'NetworkConfigurationPriority'].includes((d['variable'] as { name?: string } | undefined)?.name ?? '')) : reported;
  if (!ctx.core.has('no-notify-report')) call.after(() => notifyReport(ctx, requestId, data));
  return { status: 'Accepted' };
}

function getReport(ctx: Context201, call: InboundCall): JsonObject {
  const requestId = Number(call.payload['requestId']);
  const wanted = (call.payload['componentVariable'] as Array<{ component: ComponentRef; variable?: VariableRef }> | undefined) ?? [];
  const criteria = (call.payload['componentCriteria'] as string[] | undefined) ?? [];
  const data = ctx.deviceModel.report((s) => {
    const byCv =
      wanted.length === 0 ||
      wanted.some((cv) => cv.component.name === s.component && (cv.component.evse === undefined || cv.component.evse.id === s.evse?.id) && (cv.variable === undefined || cv.variable.name === s.variable));
    const byCriteria = criteria.length === 0 || criteria.some((c) => (c === 'Problem' ? false : s.variable === c));
    return byCv && byCriteria;
  });
  if (data.length === 0) return { status: 'EmptyResultSet' };
  if (!ctx.core.has('no-notify-report')) call.after(() => notifyReport(ctx, requestId, data));
  return { status: 'Accepted' };
}

/** The report-omits-required-variables defect: what a sloppy base report leaves out. */
const omittedByDefect = (d: JsonObject): boolean => {
  const component = (d['component'] as { name?: string } | undefined)?.name;
  const variable = (d['variable'] as { name?: string } | undefined)?.name;
  return component === 'SampledDataCtrlr' || component === 'AlignedDataCtrlr' || ['TxStartPoint', 'TxStopPoint', 'AuthorizeRemoteStart', 'NetworkConfigurationPriority'].includes(variable ?? '');
};

async function notifyReport({ core, deviceModel }: Context201, requestId: number, all: JsonObject[]): Promise<void> {
  const data = core.has('report-omits-required-variables') ? all.filter((d) => !omittedByDefect(d)) : all;
  const per = Math.max(1, deviceModel.int('DeviceDataCtrlr', 'ItemsPerMessage', 'GetReport'));
  const generatedAt = core.nowIso();
  for (let i = 0, seqNo = 0; i < data.length; i += per, seqNo++) {
    const part = data.slice(i, i + per);
    const tbc = i + per < data.length;
    await core.send('NotifyReport', { requestId, generatedAt, seqNo, tbc, reportData: part }, { anyState: true });
  }
}
