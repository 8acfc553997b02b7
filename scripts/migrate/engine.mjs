// Loads Prisma's wasm schema engine without a bundler (the package root imports .wasm as a module).
import { readFile } from 'node:fs/promises';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';

let lastPanic = null;
let isLoaded = false;

async function loadWasm() {
  if (isLoaded) return;
  const wasmUrl = new URL(
    './schema_engine_bg.wasm',
    import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg'),
  );
  const { instance } = await WebAssembly.instantiate(await readFile(wasmUrl), { './schema_engine_bg.js': glue });
  // Without this registry a Rust panic surfaces only as "reading 'set_message'".
  globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (message) => (lastPanic = message) };
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  isLoaded = true;
}

/** Creates an engine over `schema` ({path, content}) connected through the adapter factory. */
export async function openEngine(schema, factory, { verbose = false } = {}) {
  await loadWasm();
  const log = (line) => {
    if (verbose) process.stderr.write(`${line}\n`);
  };
  return glue.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    log,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}

export function describeEngineError(error) {
  const message = error instanceof Error ? error.message : String(error);
  return lastPanic ? `${message}\n(engine panic: ${lastPanic})` : message;
}

export const NO_FILTER = { externalTables: [], externalEnums: [] };
