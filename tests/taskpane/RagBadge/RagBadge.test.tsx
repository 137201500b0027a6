/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import { RagBadge } from "../../../src/taskpane/RagBadge/RagBadge";
import { makeSummaryFixture } from "../../support/summary-fixture";
import { renderInPane } from "../support/render";

describe("Overall RAG badge", () => {
  test("shows the grade as a word, not only a colour", () => {
    renderInPane(<RagBadge rag={makeSummaryFixture().overallRag} />);
    expect(screen.getByText("Amber/Red")).toBeInTheDocument();
  });

  test("when the lead's Amber/Red differs from the computed Red, both are stated", () => {
    renderInPane(<RagBadge rag={makeSummaryFixture().overallRag} />);
    expect(
      screen.getByText(/figures alone give Red; the page shows the programme lead’s Amber\/Red/),
    ).toBeInTheDocument();
    expect(screen.getByText(/Programme lead’s RAG: Amber\/Red - At Risk/)).toBeInTheDocument();
  });

  test("when the computed RAG agrees, no second grade is mentioned", () => {
    const rag = { ...makeSummaryFixture().overallRag, computed: "Amber/Red" as const, differs: false };
    renderInPane(<RagBadge rag={rag} />);
    expect(screen.queryByText(/figures alone give/)).not.toBeInTheDocument();
  });

  test("with no RAG at all it says so and where to set one", () => {
    const rag = {
      ...makeSummaryFixture().overallRag,
      value: null,
      computed: null,
      override: null,
      differs: false,
    };
    renderInPane(<RagBadge rag={rag} />);
    expect(screen.getByText("Not set")).toBeInTheDocument();
    expect(screen.getByText(/Enter one on the Settings sheet/)).toBeInTheDocument();
  });
});
