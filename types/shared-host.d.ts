// The few host globals src-shared uses that ES2023 lacks. Every host it runs in (Node, the renderer, the verify
// page) has them; tsconfig.shared.json alone loads this file, so the DOM and Node declarations never meet it.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  decode(input?: Uint8Array): string;
}
