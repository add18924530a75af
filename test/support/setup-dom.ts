/** Component tests in jsdom: DOM matchers, and what Fluent UI needs that jsdom lacks. */
import "@testing-library/jest-dom";

// Fluent's MessageBar measures itself with ResizeObserver; jsdom has none (TOOLCHAIN G7).
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= ResizeObserverStub;
