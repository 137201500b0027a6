// Benchmark part: the add-in's round trips, measured from Microsoft's own Office.js client (excel-web-16.00 in
// jsdom) with the in-memory Excel as the host behind it. For the sample tracker, generated ones 10 and 100 times its
// size, and a tracker of 200,000 milestone rows: a refresh through the gateway, the bytes of every request the client
// sent (JSON.stringify of the request body, what Excel on the web receives), the largest request and response, and
// the syncs; and the sample's second refresh, where the summary is already there and is updated in place.
// Targets: the sample's refresh sends at most 300 KB in all and takes at most 4 syncs; no request is over 4 MB at
// any size (Excel on the web refuses 5 MB).
import { trackerWithManyMilestones } from "../scripts/make-bad-trackers";
import { runEngine } from "../src/core/engine";
import { WRITE_BUDGET_BYTES } from "../src/excel/apply-plan";
import { RESPONSE_BUDGET_BYTES } from "../src/excel/blocks";
import { createWorkbookGateway } from "../src/excel/gateway";
import { simWithTracker } from "../tests/excel/sim-workbook";
import { ExcelSim, setOfficeClient } from "../src/excel-sim";
import { generateTracker, rowCount } from "../tests/support/generate-tracker";
import { loadOfficeClient } from "../tests/support/office-js";

// Microsoft's Office.js client (in jsdom) sends the requests; the in-memory Excel is the host answering them.
setOfficeClient(loadOfficeClient);

export const TARGET_SAMPLE_SYNCS = 4;
export const TARGET_SAMPLE_TOTAL_BYTES = 300 * 1024;
export const TARGET_LARGEST_REQUEST_BYTES = 4 * 1024 * 1024;
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
const NOW = new Date("2025-01-10T09:00:00Z");

async function measure(sim: ExcelSim, rows: number) {
  sim.resetCounters();
  const gateway = createWorkbookGateway(sim.run, { runEngine });
  const started = performance.now();
  // The syncs before the write starts are the read's; the write is the build (one request or more) and the swap.
  let readSyncs = -1;
  const outcome = await gateway.refresh({
    now: NOW,
    onProgress: (step) => {
      if (step === "writing" && readSyncs < 0) readSyncs = sim.syncCount;
    },
  });
  const ms = Math.round(performance.now() - started);
  const requests = sim.requests;
  if (readSyncs < 0) readSyncs = outcome.syncs;
  const writeSyncs = outcome.syncs - readSyncs;
  const sum = (list: typeof requests) => list.reduce((n, r) => n + r.requestBytes, 0);
  return {
    rows,
    ok: outcome.ok,
    syncs: outcome.syncs,
    readSyncs,
    writeSyncs,
    /** Every round trip: the syncs, and the release of kept ranges Excel.run sends at its end. */
    roundTrips: requests.length,
    totalRequestBytes: sum(requests),
    cleanupRequestBytes: sum(requests.filter((r) => r.cleanup)),
    largestRequestBytes: Math.max(...requests.map((r) => r.requestBytes)),
    largestResponseBytes: Math.max(...requests.map((r) => r.responseBytes)),
    totalResponseBytes: requests.reduce((n, r) => n + r.responseBytes, 0),
    requestBytesPerSync: requests.map((r) => r.requestBytes),
    refreshMs: ms,
    sheetWalk: outcome.sheetWalk?.path ?? null,
  };
}

async function generated(factor: number) {
  const raw = generateTracker(factor);
  return measure(await simWithTracker(raw), rowCount(raw));
}

/** The second refresh of the sample: the summary is there already and is updated in place. */
async function generatedAgain(factor: number) {
  const raw = generateTracker(factor);
  const sim = await simWithTracker(raw);
  await createWorkbookGateway(sim.run, { runEngine }).refresh({ now: NOW });
  return measure(sim, rowCount(raw));
}

async function milestones(rows: number) {
  const sim = new ExcelSim();
  await sim.importXlsx(await trackerWithManyMilestones(rows));
  return measure(sim, rows);
}

export async function run(): Promise<Record<string, unknown>> {
  const results = {
    sample: await generated(1),
    sampleAgain: await generatedAgain(1),
    x10: await generated(10),
    x100: await generated(100),
    rows200k: await milestones(200_000),
  };
  const largestRequest = Math.max(...Object.values(results).map((r) => r.largestRequestBytes));
  const largestResponse = Math.max(...Object.values(results).map((r) => r.largestResponseBytes));
  return {
    description:
      "Refresh through the gateway with Microsoft's Office.js client (excel-web-16.00 in jsdom) and the in-memory " +
      "Excel as its host: round trips and the real bytes of every request (JSON.stringify of the body) and response " +
      `(writes packed against a ${WRITE_BUDGET_BYTES.toLocaleString("en-GB")}-byte request budget, reads against ` +
      `${RESPONSE_BUDGET_BYTES.toLocaleString("en-GB")} bytes of response)`,
    ...results,
    targets: {
      sampleSyncs: TARGET_SAMPLE_SYNCS,
      sampleTotalRequestBytes: TARGET_SAMPLE_TOTAL_BYTES,
      largestRequestBytes: TARGET_LARGEST_REQUEST_BYTES,
      payloadUnderBytes: PAYLOAD_LIMIT_BYTES,
    },
    met:
      Object.values(results).every((r) => r.ok) &&
      results.sample.syncs <= TARGET_SAMPLE_SYNCS &&
      results.sampleAgain.syncs <= TARGET_SAMPLE_SYNCS &&
      results.sample.totalRequestBytes <= TARGET_SAMPLE_TOTAL_BYTES &&
      results.sampleAgain.totalRequestBytes <= TARGET_SAMPLE_TOTAL_BYTES &&
      largestRequest <= TARGET_LARGEST_REQUEST_BYTES &&
      largestResponse < PAYLOAD_LIMIT_BYTES,
  };
}

if (process.argv[1] && /part-addin\.ts$/.test(process.argv[1])) {
  run().then((r) => console.log(JSON.stringify(r, null, 2)));
}
