import { encode } from 'uqr';

/**
 * A QR code of `value` as an SVG (one path of dark modules, a quiet zone of 4). Only the verify
 * page imports it, so the encoder stays in that lazy chunk.
 */
export function QrCode({ value, label, className }: { value: string; label: string; className?: string }) {
  const { data, size } = encode(value, { ecc: 'M', border: 0 });
  const quiet = 4;
  let d = '';
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
    });
  });
  const total = size + quiet * 2;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${total} ${total}`}
      className={className}
      shapeRendering="crispEdges"
    >
      <rect width={total} height={total} fill="#fff" />
      <path d={d} fill="#1c1917" />
    </svg>
  );
}
