// Special school places from the capital programme: shortfall against the sufficiency plan and what it costs.
import type { PlacesRow } from "../tracker";
import { monthIndex } from "./series";

export interface PlacesPosition {
  month: string | null;
  delivered: number | null;
  filled: number | null;
  required: number | null;
  costPerPlace: number | null;
  /** required - delivered, floored at 0: places delivered ahead of plan are not a negative shortfall. */
  shortfall: number | null;
  /** shortfall x cost per place (pounds). */
  shortfallCost: number | null;
}

/** Places rows oldest first (rows without a usable month keep their sheet order at the end). */
export function placesInOrder(rows: readonly PlacesRow[]): PlacesRow[] {
  const key = (r: PlacesRow) => (r.month.value === null ? Infinity : (monthIndex(r.month.value) ?? Infinity));
  return [...rows].sort((a, b) => key(a) - key(b));
}

export function placesShortfall(required: number | null, delivered: number | null): number | null {
  if (required === null || delivered === null) return null;
  return Math.max(0, required - delivered);
}

export function shortfallCost(shortfall: number | null, costPerPlace: number | null): number | null {
  if (shortfall === null || costPerPlace === null) return null;
  return shortfall * costPerPlace;
}

/** The position at the latest month that has places delivered. */
export function latestPlacesPosition(rows: readonly PlacesRow[]): PlacesPosition | null {
  const usable = placesInOrder(rows).filter((r) => r.delivered.value !== null);
  const row = usable[usable.length - 1];
  if (!row) return null;
  const shortfall = placesShortfall(row.required.value, row.delivered.value);
  return {
    month: row.month.value,
    delivered: row.delivered.value,
    filled: row.filled.value,
    required: row.required.value,
    costPerPlace: row.costPerPlace.value,
    shortfall,
    shortfallCost: shortfallCost(shortfall, row.costPerPlace.value),
  };
}
