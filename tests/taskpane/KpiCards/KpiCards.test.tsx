/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import { KpiCards } from "../../../src/taskpane/KpiCards/KpiCards";
import { makeSummaryFixture } from "../../support/summary-fixture";
import { renderInPane } from "../support/render";

/** A line of a card whose whole text is `text` (figures sit in their own spans so they never wrap). */
function line(text: string) {
  return (_: string, el: Element | null) =>
    el?.tagName === "SPAN" && el.textContent === text && el.parentElement?.tagName === "LI";
}

function card(label: string): HTMLElement {
  const heading = screen.getByRole("heading", { name: label });
  const item = heading.closest("li");
  if (!item) throw new Error(`no card for ${label}`);
  return item;
}

describe("headline KPI cards", () => {
  beforeEach(() => renderInPane(<KpiCards kpis={makeSummaryFixture().kpis} />));

  test("there is one card for each of the three headline KPIs", () => {
    expect(within(screen.getByRole("list", { name: "Headline KPIs" })).getAllByRole("listitem")).toHaveLength(
      3,
    );
  });

  test("6,357 EHCPs against a forecast to date of 5,707 is +650 and Adverse", () => {
    const c = within(card("Number of EHCPs"));
    expect(c.getByText("6,357")).toBeInTheDocument();
    expect(c.getByText(line("Forecast to date: 5,707"))).toBeInTheDocument();
    expect(c.getByText(line("Variance: +650"))).toBeInTheDocument();
    expect(c.getByText("Adverse")).toBeInTheDocument();
  });

  test("an HNB overspend of £43.20m against a goal of £28.21m is +£14.99m and Adverse", () => {
    const c = within(card("HNB Overspend 2024/25"));
    expect(c.getByText("£43.20m")).toBeInTheDocument();
    expect(c.getByText(line("Goal for this financial year: £28.21m"))).toBeInTheDocument();
    expect(c.getByText(line("Variance: +£14.99m"))).toBeInTheDocument();
    expect(c.getByText("Adverse")).toBeInTheDocument();
  });

  test("an INMSS share of 5.75% against 6.92% is -1.17 pp and Favourable, with a tick as well as the word", () => {
    const c = within(card("Children with EHCPs in INMSS"));
    expect(c.getByText("5.75%")).toBeInTheDocument();
    expect(c.getByText(line("Variance: -1.17 pp"))).toBeInTheDocument();
    const status = c.getByText("Favourable");
    expect(status).toHaveTextContent("✓");
    expect(within(status).getByText("✓")).toHaveAttribute("aria-hidden", "true");
  });

  test("each card says the date its figure is as at", () => {
    expect(within(card("Number of EHCPs")).getByText("As at 07/01/2025")).toBeInTheDocument();
  });
});

test("a KPI on target says On target, and a missing actual shows a dash", () => {
  const [ehcp] = makeSummaryFixture().kpis;
  renderInPane(<KpiCards kpis={[{ ...ehcp, actual: null, variance: null, status: "on_target" }]} />);
  expect(screen.getByText("On target")).toBeInTheDocument();
  expect(screen.getByText(line("Variance: –"))).toBeInTheDocument();
});
