/**
 * At most N model calls in any hour, shared by every instance that shares the ReplayGuard. Each call
 * takes one of N slots for an hour; a slot is free again once its hour has passed, so the window slides
 * (no burst of 2N across a clock-hour boundary). `firstSeen` is atomic, so two instances never take
 * the same slot.
 */
import type { ReplayGuard } from '../store/shared-state.ts';

const HOUR_MS = 60 * 60 * 1000;

export class HourlyCallBudget {
  constructor(
    private readonly slots: ReplayGuard,
    private readonly maxPerHour: number,
    /** Separates budgets that share one guard (e.g. two models). */
    private readonly name = 'llm',
  ) {}

  /** Takes a slot if one is free; false = over budget for now. */
  async take(): Promise<boolean> {
    for (let i = 0; i < this.maxPerHour; i++) {
      if (await this.slots.firstSeen(`budget:${this.name}:${i}`, HOUR_MS)) return true;
    }
    return false;
  }
}
