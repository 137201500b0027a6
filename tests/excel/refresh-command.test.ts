// The ribbon button: it refreshes, always tells Office it has finished, and does not run twice at once.
import type { RefreshOutcome, WorkbookGateway } from "../../src/excel/api";
import { makeRefreshCommand } from "../../src/commands/refresh-command";

function outcome(ok: boolean, message: string): RefreshOutcome {
  return {
    runId: "r1",
    at: "2025-01-07T09:00:00.000Z",
    ok,
    sheetName: ok ? "Portfolio Summary" : null,
    flaggedVariances: ok ? 3 : 0,
    issueCounts: { error: ok ? 0 : 2, warning: 0, info: 0 },
    message,
    summary: null,
    failedStep: ok ? null : "checking",
    nameTakenByUserSheet: false,
    syncs: 5,
    problem: ok ? null : "tracker",
  };
}

function event() {
  return { completed: jest.fn() };
}

describe("Refresh summary ribbon command", () => {
  it("refreshes the summary and then tells Office the command has finished", async () => {
    const refresh = jest.fn(async () => outcome(true, "Portfolio Summary refreshed"));
    const seen: RefreshOutcome[] = [];
    const handler = makeRefreshCommand({ refresh }, { onOutcome: (o) => seen.push(o) });
    const e = event();
    await handler(e);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(seen.map((o) => o.ok)).toEqual([true]);
    expect(e.completed).toHaveBeenCalledTimes(1);
  });

  it("still completes when the tracker has errors and the summary was not refreshed", async () => {
    const handler = makeRefreshCommand({ refresh: async () => outcome(false, "The tracker has 2 problems") });
    const e = event();
    await handler(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
  });

  it("still completes if the refresh throws, so the button never stays busy", async () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => {});
    const handler = makeRefreshCommand({
      refresh: async () => {
        throw new Error("host went away");
      },
    });
    const e = event();
    await handler(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it("a second click while a refresh is running completes at once without starting another", async () => {
    let release: (o: RefreshOutcome) => void = () => {};
    const refresh = jest.fn<ReturnType<WorkbookGateway["refresh"]>, []>(
      () => new Promise<RefreshOutcome>((resolve) => (release = resolve)),
    );
    const handler = makeRefreshCommand({ refresh });
    const first = event();
    const second = event();
    const running = handler(first);
    await handler(second);
    expect(second.completed).toHaveBeenCalledTimes(1);
    expect(first.completed).not.toHaveBeenCalled();
    release(outcome(true, "done"));
    await running;
    expect(first.completed).toHaveBeenCalledTimes(1);
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});
