/**
 * Marks drawn as shapes rather than glyphs (☑ ■ □ are missing or look different in many fonts):
 * printed check boxes, and the circle a clerk draws around a printed word with a pen.
 */
import type { SKRSContext2D } from "@napi-rs/canvas";
import type { Random } from "./random.ts";

export type BoxState = "empty" | "check" | "fill";

/** A square of side `size` with its top-left corner at (x, y). */
export function drawCheckBox(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  size: number,
  state: BoxState,
) {
  const stroke = Math.max(1, size * 0.08);
  ctx.save();
  ctx.fillStyle = "#111";
  ctx.strokeStyle = "#111";
  ctx.lineWidth = stroke;
  if (state === "fill") {
    ctx.fillRect(x, y, size, size);
  } else {
    ctx.strokeRect(x + stroke / 2, y + stroke / 2, size - stroke, size - stroke);
  }
  if (state === "check") {
    ctx.lineWidth = Math.max(1.5, size * 0.14);
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.beginPath();
    ctx.moveTo(x + size * 0.2, y + size * 0.5);
    ctx.lineTo(x + size * 0.42, y + size * 0.76);
    ctx.lineTo(x + size * 0.86, y + size * 0.16);
    ctx.stroke();
  }
  ctx.restore();
}

/**
 * A ballpoint loop around a box: slightly tilted, not quite round, and overshooting where the pen
 * started, like a clerk's circle.
 */
export function drawHandCircle(
  ctx: SKRSContext2D,
  box: { x: number; y: number; width: number; height: number },
  penWidth: number,
  random: Random,
): void {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // Long words get a squarer loop (a superellipse) that hugs the word instead of a wide oval
  // that would swallow the neighbouring options; the radii are just large enough to clear the
  // word's corners.
  const squareness = 2 + Math.min(1.2, box.width / (5 * box.height));
  const ry = box.height * 0.8;
  const cornerReach = (box.height / 2 / ry) ** squareness;
  const rx = box.width / 2 / (1 - cornerReach) ** (1 / squareness) + box.height * 0.25;
  const tilt = random.float(-0.06, 0.06) * Math.min(1, (2 * box.height) / box.width);
  const start = random.float(0, Math.PI * 2);
  const sweep = Math.PI * 2 + random.float(0.15, 0.5);
  const wobble = [random.float(0.01, 0.03), random.float(0, Math.PI * 2)] as const;
  const steps = 64;
  const power = (value: number) => Math.sign(value) * Math.abs(value) ** (2 / squareness);
  ctx.save();
  ctx.strokeStyle = "#22253a";
  ctx.lineWidth = penWidth;
  ctx.lineCap = "round";
  ctx.beginPath();
  for (let step = 0; step <= steps; step++) {
    const t = start + (sweep * step) / steps;
    // The loop drifts outward as it goes round, so the end passes beside the start.
    const scale = 1 + wobble[0] * Math.sin(2 * t + wobble[1]) + (0.06 * step) / steps;
    const px = rx * scale * power(Math.cos(t));
    const py = ry * scale * power(Math.sin(t));
    const x = cx + px * Math.cos(tilt) - py * Math.sin(tilt);
    const y = cy + px * Math.sin(tilt) + py * Math.cos(tilt);
    if (step === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  ctx.stroke();
  ctx.restore();
}
