/**
 * The required variables Part 6 TC_B_13_CS post-scenario validation asks for: "the required
 * variables mentioned in section Charging Infrastructure Related … as well as the required
 * variables in section Referenced Components and Variables, that are relevant to each functional
 * block that has been implemented". The variables and their "Required?" flag come from Part 2
 * `dm_components_vars.csv` (generated into `../../_data/dm-variables.json` by
 * `scripts/gen-spec-data.ts`); the CSV has no block column, so the functional block of each
 * controller component is listed here (Part 2 names one controller per block), and the PICS
 * (claimed certification profiles) says which blocks are implemented.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import dm from '../../_data/dm-variables.json' with { type: 'json' };

interface DmVariable {
  component: string;
  variable: string;
  instance?: string;
  required: boolean;
  dataType: string;
  unit?: string;
}

/** Charging infrastructure (always implemented) and the Core blocks' controllers. */
const always = new Set(['ChargingStation', 'EVSE', 'Connector', 'OCPPCommCtrlr', 'DeviceDataCtrlr', 'ClockCtrlr', 'SecurityCtrlr', 'AuthCtrlr', 'TxCtrlr', 'SampledDataCtrlr', 'AlignedDataCtrlr']);
/** Controllers of blocks outside Core, by the Part 5 certification profile that claims the block. */
const byProfile: Record<string, string> = {
  LocalAuthListCtrlr: 'LAL',
  SmartChargingCtrlr: 'SmartCh',
  MonitoringCtrlr: 'ADM',
  DisplayMessageCtrlr: 'AUI',
  TariffCostCtrlr: 'AUI',
  ISO15118Ctrlr: 'ISO15118',
};

export interface RequiredVariable {
  component: string;
  variable: string;
  instance?: string;
  evse?: boolean;
  connector?: boolean;
}

/** The required variables of the implemented blocks, and which blocks that was decided from. */
export function requiredVariables(ctx: TestContext): { variables: RequiredVariable[]; basis: string } {
  const claimed = new Set(ctx.pics.certificationProfiles ?? []);
  const implemented = (component: string): boolean => always.has(component) || (byProfile[component] !== undefined && claimed.has(byProfile[component]));
  const variables = (dm as DmVariable[])
    .filter((v) => v.required && implemented(v.component))
    .map((v) => ({
      component: v.component,
      variable: v.variable,
      ...(v.instance ? { instance: v.instance } : {}),
      ...(v.component === 'EVSE' || v.component === 'Connector' ? { evse: true } : {}),
      ...(v.component === 'Connector' ? { connector: true } : {}),
    }));
  const extra = Object.entries(byProfile).filter(([, p]) => claimed.has(p)).map(([c]) => c);
  const basis = `charging infrastructure and Core blocks${extra.length ? ` plus ${extra.join(', ')} (claimed profiles)` : ctx.pics.claimAll ? ' (no PICS given: only what every station implements)' : ''}`;
  return { variables, basis };
}
