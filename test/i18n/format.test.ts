import { formatBytes, formatNumber } from "../../src/i18n";

test.each([
  [0, "0 B"],
  [500, "500 B"],
  [1023, "1,023 B"],
  [1024, "1 KB"],
  [1536, "1.5 KB"],
  [1_536_000, "1.5 MB"],
  [10 * 1024 * 1024, "10 MB"],
  // Shown with one decimal, 1,048,575 B would read "1,024 KB": it is one megabyte.
  [1_048_575, "1 MB"],
  [1_048_524, "1,023.9 KB"],
  [5 * 1024 ** 3, "5 GB"],
  [3 * 1024 ** 4, "3,072 GB"],
  [-1, "0 B"],
])("%i bytes read as %s", (bytes, text) => {
  expect(formatBytes(bytes)).toBe(text);
});

test.each([
  [0, "0"],
  [12, "12"],
  [2331, "2,331"],
  [1_000_000, "1,000,000"],
  [-2331, "-2,331"],
])("%i is written %s in both languages", (n, text) => {
  expect(formatNumber(n)).toBe(text);
});
