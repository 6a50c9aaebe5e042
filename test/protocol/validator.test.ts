import { expect } from 'chai';
import { builtinSchemaSet, schemaSetFromRecord } from '../../src/protocol/schemas.js';
import { compileErrors, hasSchema, isMultipleOf, kindOfKeyword, prepareForAjv, validatePayload, validatorFor } from '../../src/protocol/validator.js';
import { loadSchemaDir } from '../../src/cli/schema-dir.js';
import { ocaSchemaDirs, specMissingMessage, specPresent } from './oca-spec.js';

/** A 1.6 SetChargingProfile.req whose first period limit and minChargingRate are the given numbers. */
function setChargingProfile(limit: number, minChargingRate = 6): unknown {
  return {
    connectorId: 1,
    csChargingProfiles: {
      chargingProfileId: 1,
      stackLevel: 0,
      chargingProfilePurpose: 'TxDefaultProfile',
      chargingProfileKind: 'Absolute',
      chargingSchedule: { chargingRateUnit: 'A', minChargingRate, chargingSchedulePeriod: [{ startPeriod: 0, limit }] },
    },
  };
}

describe('protocol/validator', function () {
  const v16 = builtinSchemaSet('1.6');

  describe('decimal-safe multipleOf', function () {
    it('is needed: binary floating point says 8.1 / 0.1 is not an integer', function () {
      expect(Number.isInteger(8.1 / 0.1)).to.be.false;
    });

    for (const [value, divisor, ok] of [
      [8.1, 0.1, true], [0.3, 0.1, true], [16.7, 0.1, true], [32, 0.1, true], [0, 0.1, true], [-8.1, 0.1, true],
      [6.25, 0.01, true], [0.07, 0.01, true], [1e-7, 1e-7, true],
      [0.15, 0.1, false], [8.15, 0.1, false], [6.255, 0.01, false], [1.5, 1, false], [7, 2, false], [1e21, 0.1, true],
    ] as const) {
      it(`${value} is ${ok ? '' : 'not '}a multiple of ${divisor}`, function () {
        expect(isMultipleOf(value, divisor)).to.equal(ok);
      });
    }

    it('accepts 8.1, 0.3, 16.7 as SetChargingProfile limit / minChargingRate (1.6 schema: multipleOf 0.1)', function () {
      for (const x of [8.1, 0.3, 16.7]) {
        expect(validatePayload(v16, 'SetChargingProfile', 'request', setChargingProfile(x, x)), String(x)).to.deep.equal([]);
      }
    });

    it('rejects 0.15 as limit with propertyConstraintViolation at the field', function () {
      const violations = validatePayload(v16, 'SetChargingProfile', 'request', setChargingProfile(0.15));
      expect(violations).to.have.length(1);
      expect(violations![0]).to.deep.include({
        kind: 'propertyConstraintViolation',
        keyword: 'multipleOf',
        path: '/csChargingProfiles/chargingSchedule/chargingSchedulePeriod/0/limit',
      });
      expect(violations![0]!.message).to.equal('/csChargingProfiles/chargingSchedule/chargingSchedulePeriod/0/limit: must be a multiple of 0.1; got 0.15');
    });

    it('accepts 6.25 and rejects 6.255 with multipleOf 0.01 (synthetic schema: no 2.0.1/2.1 schema uses multipleOf)', function () {
      const set = schemaSetFromRecord('2.0.1', { PriceRequest: { type: 'object', properties: { price: { type: 'number', multipleOf: 0.01 } } } });
      expect(validatePayload(set, 'Price', 'request', { price: 6.25 })).to.deep.equal([]);
      expect(validatePayload(set, 'Price', 'request', { price: 6.255 })!.map((v) => v.keyword)).to.deep.equal(['multipleOf']);
    });
  });

  describe('violations', function () {
    it('reports every violation (allErrors), each with kind, pointer and a sentence naming the field', function () {
      const violations = validatePayload(v16, 'Authorize', 'request', { idTag: 'x'.repeat(21), extra: 1 });
      expect(violations).to.deep.equal([
        { kind: 'formatViolation', keyword: 'additionalProperties', path: '/extra', message: '/extra: property is not allowed here (additionalProperties: false)' },
        { kind: 'propertyConstraintViolation', keyword: 'maxLength', path: '/idTag', message: '/idTag: must NOT have more than 20 characters' },
      ]);
    });

    it('names the missing property of a required violation', function () {
      expect(validatePayload(v16, 'Authorize', 'request', {})).to.deep.equal([
        { kind: 'occurrenceConstraintViolation', keyword: 'required', path: '/idTag', message: '/idTag: required property is missing' },
      ]);
    });

    it('says what it got for type and enum violations', function () {
      const [type] = validatePayload(v16, 'Authorize', 'request', { idTag: 12 })!;
      expect(type).to.deep.include({ kind: 'typeConstraintViolation', path: '/idTag' });
      expect(type!.message).to.equal('/idTag: must be string; got number');
      const [en] = validatePayload(v16, 'BootNotification', 'response', { status: 'Fine', currentTime: '2024-01-01T00:00:00Z', interval: 1 })!;
      expect(en).to.deep.include({ kind: 'propertyConstraintViolation', keyword: 'enum', path: '/status' });
      expect(en!.message).to.equal('/status: must be one of "Accepted", "Pending", "Rejected"; got "Fine"');
    });

    it('does not judge formats (the format layer does): a bad date-time passes the schema', function () {
      expect(validatePayload(v16, 'Heartbeat', 'response', { currentTime: 'yesterday' })).to.deep.equal([]);
    });

    it('maps every keyword to its OCPP-J error kind', function () {
      const table = {
        required: 'occurrenceConstraintViolation', minItems: 'occurrenceConstraintViolation', maxItems: 'occurrenceConstraintViolation',
        minProperties: 'occurrenceConstraintViolation', maxProperties: 'occurrenceConstraintViolation', uniqueItems: 'occurrenceConstraintViolation',
        dependencies: 'occurrenceConstraintViolation', type: 'typeConstraintViolation', enum: 'propertyConstraintViolation',
        const: 'propertyConstraintViolation', minimum: 'propertyConstraintViolation', maximum: 'propertyConstraintViolation',
        exclusiveMinimum: 'propertyConstraintViolation', exclusiveMaximum: 'propertyConstraintViolation', multipleOf: 'propertyConstraintViolation',
        minLength: 'propertyConstraintViolation', maxLength: 'propertyConstraintViolation', pattern: 'propertyConstraintViolation',
        additionalProperties: 'formatViolation', oneOf: 'formatViolation', not: 'formatViolation',
      } as const;
      for (const [keyword, kind] of Object.entries(table)) expect(kindOfKeyword(keyword), keyword).to.equal(kind);
    });

    it('produces those kinds from real validation, one keyword at a time', function () {
      const set = schemaSetFromRecord('2.0.1', {
        ProbeRequest: {
          type: 'object',
          properties: {
            list: { type: 'array', minItems: 1, maxItems: 2, uniqueItems: true },
            obj: { type: 'object', minProperties: 1, maxProperties: 1 },
            dep: { type: 'object', dependencies: { a: ['b'] } },
            c: { const: 1 },
            lo: { type: 'number', exclusiveMinimum: 0, minimum: -5 },
            hi: { type: 'number', exclusiveMaximum: 10, maximum: 20 },
            s: { type: 'string', minLength: 2, pattern: '^[a-z]+$' },
            one: { oneOf: [{ type: 'string' }, { type: 'string' }] },
          },
        },
      });
      const cases: [unknown, string, string][] = [
        [{ list: [] }, 'minItems', 'occurrenceConstraintViolation'],
        [{ list: [1, 2, 3] }, 'maxItems', 'occurrenceConstraintViolation'],
        [{ list: [1, 1] }, 'uniqueItems', 'occurrenceConstraintViolation'],
        [{ obj: {} }, 'minProperties', 'occurrenceConstraintViolation'],
        [{ obj: { a: 1, b: 2 } }, 'maxProperties', 'occurrenceConstraintViolation'],
        [{ dep: { a: 1 } }, 'dependencies', 'occurrenceConstraintViolation'],
        [{ c: 2 }, 'const', 'propertyConstraintViolation'],
        [{ lo: 0 }, 'exclusiveMinimum', 'propertyConstraintViolation'],
        [{ hi: 10 }, 'exclusiveMaximum', 'propertyConstraintViolation'],
        [{ s: 'a' }, 'minLength', 'propertyConstraintViolation'],
        [{ s: 'AB' }, 'pattern', 'propertyConstraintViolation'],
        [{ one: 'x' }, 'oneOf', 'formatViolation'],
      ];
      for (const [payload, keyword, kind] of cases) {
        const violations = validatePayload(set, 'Probe', 'request', payload)!;
        expect(violations.map((v) => [v.keyword, v.kind]), JSON.stringify(payload)).to.deep.equal([[keyword, kind]]);
      }
    });
  });

  describe('schemas and caching', function () {
    it('returns undefined (not "valid") for an action without a schema', function () {
      expect(validatePayload(v16, 'NoSuchAction', 'request', {})).to.equal(undefined);
      expect(hasSchema(v16, 'NoSuchAction', 'request')).to.be.false;
      expect(hasSchema(v16, 'Authorize', 'response')).to.be.true;
      expect(validatePayload(builtinSchemaSet('2.1'), 'NotifyPeriodicEventStream', 'response', {})).to.equal(undefined);
    });

    it('compiles once per (set, action, kind)', function () {
      const a = validatorFor(v16, 'Authorize', 'request');
      expect(a).to.be.a('function');
      expect(validatorFor(v16, 'Authorize', 'request')).to.equal(a);
      expect(validatorFor(v16, 'Authorize', 'response')).to.not.equal(a);
      const other = schemaSetFromRecord('1.6', { Authorize: v16.schemaOf('Authorize', 'request')! });
      expect(validatorFor(other, 'Authorize', 'request')).to.not.equal(a);
    });

    it('compiles every built-in schema of every version', function () {
      for (const version of ['1.6', '2.0.1', '2.1'] as const) expect(compileErrors(builtinSchemaSet(version)), version).to.deep.equal([]);
    });

    it('rewrites draft-04 boolean exclusive bounds to their draft-06 meaning', function () {
      const schema = { $schema: 'http://json-schema.org/draft-04/schema#', id: 'urn:x', type: 'object', properties: { n: { type: 'number', maximum: 10, exclusiveMaximum: true, minimum: 0, exclusiveMinimum: false } } };
      expect(prepareForAjv(schema)).to.deep.equal({ type: 'object', properties: { n: { type: 'number', exclusiveMaximum: 10, minimum: 0 } } });
      const set = schemaSetFromRecord('1.6', { Probe: schema });
      expect(validatePayload(set, 'Probe', 'request', { n: 10 })!.map((v) => v.keyword)).to.deep.equal(['exclusiveMaximum']);
      expect(validatePayload(set, 'Probe', 'request', { n: 0 })).to.deep.equal([]);
    });

    it('loads the OCA 1.6 draft-04 folder and validates with it', async function () {
      if (!specPresent()) {
        console.warn(`      ${specMissingMessage}`);
        this.skip();
      }
      const oca = await loadSchemaDir(ocaSchemaDirs['1.6'], '1.6');
      expect(oca.schemaOf('Authorize', 'request')!.$schema).to.equal('http://json-schema.org/draft-04/schema#');
      expect(validatePayload(oca, 'Authorize', 'request', { idTag: 'ABC' })).to.deep.equal([]);
      expect(validatePayload(oca, 'Authorize', 'request', { idTag: 'x'.repeat(21) })!.map((v) => v.path)).to.deep.equal(['/idTag']);
      expect(validatePayload(oca, 'SetChargingProfile', 'request', setChargingProfile(16.7))).to.deep.equal([]);
      expect(validatePayload(oca, 'SetChargingProfile', 'request', setChargingProfile(0.15))!.map((v) => v.keyword)).to.deep.equal(['multipleOf']);
    });
  });
});
