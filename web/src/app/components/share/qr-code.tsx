// A QR code as SVG elements (no markup strings): one path of dark modules on white,
// with a quiet zone, crisp at any size and readable in dark mode.
import { createMemo, createUniqueId } from "solid-js";
import { encode } from "uqr";

/** The QR modules of `text` as one SVG path ("M x y h1 v1 h-1 z" per dark module). */
export function qrPath(text: string): { size: number; d: string } {
  const { size, data } = encode(text, { ecc: "M", border: 2 });
  const parts: string[] = [];
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
    }),
  );
  return { size, d: parts.join("") };
}

export function QrCode(props: { value: string; label: string; class?: string }) {
  const titleId = createUniqueId();
  const qr = createMemo(() => qrPath(props.value));
  return (
    <svg
      class={props.class ?? "qr-code"}
      viewBox={`0 0 ${qr().size} ${qr().size}`}
      role="img"
      aria-labelledby={titleId}
      shape-rendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={titleId}>{props.label}</title>
      <rect width={qr().size} height={qr().size} fill="#ffffff" />
      <path d={qr().d} fill="#000000" />
    </svg>
  );
}
