'use strict';
/**
 * The Artillery engine `ocpp` (issue #14), as the CommonJS module Artillery `require`s
 * (`artillery-engine-ocpp`): install ocpp-conform under that name next to artillery,
 *   npm i -D artillery@2.0.21 artillery-engine-ocpp@npm:ocpp-conform
 * and write `engines: { ocpp: {} }` plus `engine: ocpp` in the scenario (README "Load mode").
 * ocpp-conform itself is ESM, so this shim loads the engine (dist/src/load/engine.js) with
 * import() and hands Artillery synchronous wrappers, as its engine interface expects.
 */
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const implementation = pathToFileURL(path.join(__dirname, '..', 'dist', 'src', 'load', 'engine.js')).href;

class OcppEngine {
  constructor(script, ee, helpers) {
    this.ready = import(implementation).then((m) => new m.OcppArtilleryEngine(script, ee, helpers));
    // A bad config is reported when the first virtual user starts, not as an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  createScenario(scenario, ee) {
    const make = this.ready.then((engine) => engine.createScenario(scenario, ee));
    make.catch(() => undefined);
    return (context, done) => {
      make.then(
        (run) => run(context, done),
        (err) => {
          ee.emit('error', err && err.message ? err.message : String(err));
          done(err, context);
        },
      );
    };
  }
}

module.exports = OcppEngine;
