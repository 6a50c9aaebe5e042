/**
 * Block B, provisioning: the device model over Get/SetVariables (B05/B06) and the `reconfigure`
 * control action. Reports (B07/B08) are in device-model-reports.ts, Reset (B11/B12) in reset.ts,
 * network connection profiles (B09/B10) in network-profiles.ts. The boot loop and the statuses
 * after a reconnection (B04) are the station core's (station.ts reads no-status-after-reconnect).
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import { textParam } from '../core/block.js';
import type { ComponentRef, VariableRef } from '../device-model.js';
import type { Block201, Context201 } from './context.js';
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
    { name: 'ignores-set-variables', description: 'answers SetVariables / ChangeConfiguration Accepted but does not apply the value' },
    { name: 'unknown-variable-accepted', description: 'answers Get/SetVariables for an unknown component or variable with Accepted' },
    { name: 'ignores-attribute-type', description: 'treats every attributeType as Actual instead of answering NotSupportedAttributeType' },
    { name: 'read-only-accepted', description: 'accepts writing a read-only variable / configuration key' },
    { name: 'accepts-invalid-values', description: 'accepts badly formatted values in SetVariables / ChangeConfiguration' },
    { name: 'drops-get-variables-entries', description: 'answers only the first entry of a multi-entry GetVariables / GetConfiguration' },
    { name: 'drops-set-variables-entries', description: 'answers only the first entry of a multi-entry SetVariables' },
    { name: 'set-variables-reboot-required', description: 'answers RebootRequired to every accepted SetVariables although the value applies at once' },
    { name: 'answers-calls-while-rejected', description: 'answers CSMS CALLs normally while its BootNotification is Rejected instead of CALLERROR SecurityError' },
    { name: 'no-status-after-reconnect', description: 'after a reconnection (no reboot) reports no connector status, neither the changed ones nor, after more than OfflineThreshold, all of them' },
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
    return {
      handlers: {
        GetVariables: (call) => getVariables(ctx, call),
        SetVariables: (call) => setVariables(ctx, call),
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
