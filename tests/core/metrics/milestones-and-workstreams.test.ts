import { effectiveMilestoneStatus, milestoneCountsByProgramme } from "../../../src/core/metrics/milestones";
import { meanWorkstreamGrade, ragCountsByProgramme } from "../../../src/core/metrics/workstreams";
import { TrackerBuilder, rag } from "../../support/tracker-builder";

describe("milestone status", () => {
  const build = (...m: Parameters<TrackerBuilder["withMilestone"]>) =>
    new TrackerBuilder().withMilestone(...m).build().milestones;

  it("a milestone due before the reporting date and not complete counts as overdue, even if typed 'On track'", () => {
    const [m] = build({ programme: 3, milestone: "Open base", dueDate: "2024-12-31", status: "on_track" });
    expect(effectiveMilestoneStatus(m, "2025-01-10")).toBe("overdue");
    expect(effectiveMilestoneStatus(m, "2024-12-31")).toBe("on_track");
  });

  it("a complete milestone stays complete after its due date; a completed date alone also counts as complete", () => {
    const [done, dated] = build(
      { programme: 3, milestone: "A", dueDate: "2024-06-30", status: "complete" },
      { programme: 3, milestone: "B", dueDate: "2024-06-30", status: null, completedDate: "2024-06-01" },
    );
    expect(effectiveMilestoneStatus(done, "2025-01-10")).toBe("complete");
    expect(effectiveMilestoneStatus(dated, "2025-01-10")).toBe("complete");
  });

  it("counts by programme", () => {
    const counts = milestoneCountsByProgramme(
      build(
        { programme: 3, milestone: "A", dueDate: "2024-06-30", status: "complete" },
        { programme: 3, milestone: "B", dueDate: "2025-03-31", status: "at_risk" },
        { programme: 3, milestone: "C", dueDate: "2024-11-30", status: "at_risk" },
        { programme: 6, milestone: "D", dueDate: "2025-03-31", status: "on_track" },
        { programme: 6, milestone: "E", dueDate: "2025-03-31", status: null },
      ),
      "2025-01-10",
    );
    expect(counts.get(3)).toEqual({ complete: 1, on_track: 0, at_risk: 1, overdue: 1 });
    expect(counts.get(6)).toEqual({ complete: 0, on_track: 1, at_risk: 0, overdue: 0 });
    expect(counts.get(1)).toBeUndefined();
  });
});

describe("workstream RAG", () => {
  const build = () =>
    new TrackerBuilder()
      .withWorkstream(2, "Early support", rag("Green", "on"))
      .withWorkstream(2, "Multi-agency", rag("Amber/Green", "off", "Amber / Green - Off Track"))
      .withWorkstream(2, "Unclear", rag(null, null, "Purple"))
      .withWorkstream(3, "Resource bases", rag("Red", "off"))
      .build().workstreams;

  it("counts each programme's workstreams by grade, keeping unrecognised RAGs apart", () => {
    const counts = ragCountsByProgramme(build());
    expect(counts.get(2)).toEqual({
      counts: { Green: 1, "Amber/Green": 1, Amber: 0, "Amber/Red": 0, Red: 0 },
      unknown: 1,
      total: 3,
    });
    expect(counts.get(3)?.counts.Red).toBe(1);
  });

  it("the mean grade of Green, Amber/Green and Red (0, 1, 4) is 1.67, which rounds to Amber", () => {
    expect(meanWorkstreamGrade(build())).toEqual({ grade: "Amber", mean: 5 / 3, graded: 3 });
  });

  it("a mean exactly half-way rounds to the worse grade", () => {
    const ws = new TrackerBuilder()
      .withWorkstream(2, "A", rag("Green", "on"))
      .withWorkstream(2, "B", rag("Amber/Green", "on"))
      .build().workstreams;
    expect(meanWorkstreamGrade(ws).grade).toBe("Amber/Green");
  });

  it("has no mean grade without a recognised RAG", () => {
    expect(meanWorkstreamGrade([]).grade).toBeNull();
  });
});
