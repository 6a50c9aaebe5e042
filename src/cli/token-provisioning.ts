/**
 * "Provision these idTokens in the CSMS": a CSMS vendor must know which idTokens the harness will
 * present (as a station) and which answer each one must get (issue #11). Shown by `list` and by
 * `run --sut csms` before it dials; the values are the run's configured ones.
 */
import type { ConfiguredValues } from '../engine/configured-values.js';
import { idTokenFormatProblem } from '../engine/id-token-format.js';

interface Row {
  role: string;
  idToken: string;
  type: string;
  status: string;
  group?: string;
}

export function tokenRows(config: ConfiguredValues): Row[] {
  const t = config.idTokens;
  const rows: Row[] = [
    { role: 'valid', ...t.valid, status: 'Accepted', group: config.groupId },
    ...(t.validSameGroup ? [{ role: 'validSameGroup', ...t.validSameGroup, status: 'Accepted', group: config.groupId }] : []),
    ...(t.masterPass ? [{ role: 'masterPass', ...t.masterPass, status: 'Accepted', group: config.masterPassGroupId }] : []),
    { role: 'invalid', ...t.invalid, status: 'Invalid (or unknown)' },
    { role: 'blocked', ...t.blocked, status: 'Blocked' },
    { role: 'expired', ...t.expired, status: 'Expired' },
  ];
  return rows;
}

/** The lines to print; a token whose value does not fit its type gets a warning line. */
export function provisioningLines(config: ConfiguredValues, version: string): string[] {
  const rows = tokenRows(config);
  const w = Math.max(...rows.map((r) => r.idToken.length));
  const lines = [`tokens: provision these idTokens in the CSMS (${version === '1.6' ? 'idTag' : 'idToken + type'}), with this status:`];
  for (const r of rows) {
    const type = version === '1.6' ? '' : ` ${r.type.padEnd(9)}`;
    lines.push(`  ${r.idToken.padEnd(w)}${type} ${r.status}${r.group ? `, group ${r.group}` : ''}  (${r.role})`);
  }
  for (const r of rows) {
    const problem = idTokenFormatProblem(r);
    if (problem) lines.push(`  warning: ${r.role} idToken "${r.idToken}": ${problem}; a CSMS that checks the format will refuse it`);
  }
  lines.push('  (change them in the config file: idTokens.valid … idTokens.expired, groupId)');
  return lines;
}
