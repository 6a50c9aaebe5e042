/**
 * What the CSMS simulator has learnt of each station's device model from the station's answers
 * (the blocks' `learn` hooks, csms/block.ts): e.g. DeviceDataCtrlr.ItemsPerMessage[GetVariables],
 * which decides how a GetVariablesRequest is split (2.0.1 B06.FR.05).
 */
import type { JsonObject } from '../../protocol/frames.js';
import type { OcppVersion } from '../../protocol/versions.js';
import { csmsBlocksOf } from './version-blocks.js';

export class StationMemories {
  private readonly byStation = new Map<string, Map<string, string>>();

  constructor(private readonly version: OcppVersion) {}

  /** Let the version's blocks learn from a station's answer to a CALL we sent. */
  learn(stationId: string, call: { action: string; payload: JsonObject }, response: JsonObject): void {
    let memory = this.byStation.get(stationId);
    if (memory === undefined) {
      memory = new Map();
      this.byStation.set(stationId, memory);
    }
    const into = memory;
    for (const block of csmsBlocksOf(this.version)) block.learn?.({ remember: (key, value) => void into.set(key, value) }, call, response);
  }

  known(stationId: string, key: string): string | undefined {
    return this.byStation.get(stationId)?.get(key);
  }
}
