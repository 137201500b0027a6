// The summary model, the delivery plan: workstream status counts, key risks, workstreams and milestones.
import type { RagGrade, RagValue, SourceRef } from "./issues";

export type RagCounts = Record<RagGrade, number>;

export interface WorkstreamStatusRow {
  programme: number;
  programmeName: string;
  counts: RagCounts;
  /** Workstreams whose RAG text could not be mapped. */
  unknown: number;
  total: number;
}

export interface KeyRisk {
  id: string;
  title: string;
  /** Consequence text ("Impact" column of the register). */
  consequence: string;
  owner: string;
  impact: number;
  likelihood: number;
  score: number;
  /** Band name from the configured score bands ("Very high", "High", ...). */
  band: string;
  action: string;
  source: SourceRef;
}

export interface Workstream {
  programme: number;
  name: string;
  rag: RagValue;
  lead: string;
  commentary: string;
  source: SourceRef;
}

export type MilestoneStatus = "complete" | "on_track" | "at_risk" | "overdue";
export type MilestoneCounts = Record<MilestoneStatus, number>;
