import { strFromU8, strToU8 } from "fflate";

/**
 * Classic Outlook's JavaScript-only runtime derives from React Native's and does not
 * promise TextDecoder (https://learn.microsoft.com/office/dev/add-ins/testing/runtimes#javascript-only-runtime),
 * while the ZIP reader creates one as it loads. Where it is missing, this installs a
 * UTF-8-only TextDecoder over fflate's decoder: OOXML files (always UTF-8) and UTF-8 text
 * stay readable; text in other encodings (Shift_JIS) becomes unscannable with the reason
 * "no-text-decoder". `fatal` is honoured by a round trip: bytes that do not come back
 * unchanged were not valid UTF-8.
 * Imported for its effect, first, by ./index.ts.
 */
class Utf8OnlyDecoder {
  readonly encoding = "utf-8";
  readonly fatal: boolean;
  readonly ignoreBOM = false;

  constructor(label = "utf-8", options?: { fatal?: boolean }) {
    if (!/^(utf-?8|unicode-1-1-utf-8)$/i.test(label.trim())) throw new RangeError(`The encoding label provided ('${label}') is not supported here.`);
    this.fatal = options?.fatal === true;
  }

  decode(input?: ArrayBuffer | ArrayBufferView): string {
    if (input === undefined) return "";
    const bytes = input instanceof Uint8Array ? input : ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : new Uint8Array(input);
    const text = strFromU8(bytes);
    if (this.fatal && !sameBytes(strToU8(text), bytes)) throw new TypeError("The encoded data was not valid utf-8.");
    return text;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const scope = globalThis as { TextDecoder?: unknown };
if (typeof scope.TextDecoder !== "function") scope.TextDecoder = Utf8OnlyDecoder;
