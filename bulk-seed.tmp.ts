import { openBenchPartner } from "./scripts/lib/bench-partner";
const url = "postgres://postgres@127.0.0.1:5432/bulk_engine_bench";
process.env.DATABASE_URL = url;
const { handle, partner } = await openBenchPartner(url, { customers: 1_000_000 });
console.log("\nseeded", partner);
await handle.close();
