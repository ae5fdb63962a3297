import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

// Prisma's schema engine compiled to WebAssembly. The native engine that the
// Prisma CLI downloads cannot be fetched on our machines; this one ships in npm.
// It is a bundler-style wasm-bindgen build, so it is instantiated by hand.
type Engine = import("@prisma/schema-engine-wasm").SchemaEngine;

let loaded: Promise<typeof import("@prisma/schema-engine-wasm")> | null = null;

function loadWasm() {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg as never });
    (bg as unknown as { __wbg_set_wasm(e: unknown): void }).__wbg_set_wasm(instance.exports);
    (instance.exports as unknown as { __wbindgen_start(): void }).__wbindgen_start();
    return bg as unknown as typeof import("@prisma/schema-engine-wasm");
  })();
  return loaded;
}

export async function withSchemaEngine<T>(
  connectionString: string,
  datamodels: [string, string][],
  fn: (engine: Engine) => Promise<T>,
): Promise<T> {
  const mod = await loadWasm();
  const adapter = bindMigrationAwareSqlAdapterFactory(wholeScriptAdapter(connectionString) as never);
  const engine = await mod.SchemaEngine.new({ datamodels }, () => {}, adapter);
  return fn(engine);
}

/**
 * @prisma/adapter-pg runs a migration script by splitting it on ";", which
 * breaks dollar-quoted function bodies (our triggers). PostgreSQL takes a whole
 * script as one simple query, and runs it atomically, so send it that way.
 */
function wholeScriptAdapter(connectionString: string) {
  const factory = new PrismaPg({ connectionString });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const internals = adapter as unknown as {
      client: { query(sql: string): Promise<unknown> };
      onError(error: unknown): never;
      executeScript(script: string): Promise<void>;
    };
    internals.executeScript = async (script: string) => {
      try {
        await internals.client.query(script);
      } catch (error) {
        internals.onError(error);
      }
    };
    return adapter;
  };
  return factory;
}
