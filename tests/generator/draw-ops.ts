/**
 * The drawing operations a page layout produces, painted in layers onto a canvas. Keeping them
 * as data lets the ground truth be read off the same operations that made the pixels.
 */
import type { SKRSContext2D } from "@napi-rs/canvas";
import type { FieldKey } from "./field-vocabulary.ts";
import { type BoxState, drawCheckBox, drawHandCircle } from "./hand-marks.ts";
import { createRandom } from "./random.ts";

/** What a piece of ink belongs to, for the ground truth. */
export type Target = { field: FieldKey } | { entry: number } | { individualNumber: number };

/** How each character of a handwritten piece sits off the typeset line. */
export interface HandJitter {
  /** Baseline offset in pixels, positive down. */
  dy: number[];
  /** Rotation about the character's baseline origin, in radians, clockwise. */
  angle: number[];
  scale: number[];
}

export type Op =
  | { kind: "shade"; x: number; y: number; width: number; height: number }
  | { kind: "rule"; x: number; y: number; width: number; height: number; color: string }
  | { kind: "dots"; x: number; y: number; width: number }
  | { kind: "box"; x: number; y: number; size: number; state: BoxState; target?: Target }
  | {
      kind: "text";
      text: string;
      x: number;
      baseline: number;
      font: string;
      color: string;
      /** Text lines are assembled per band (a grid row, the title...) in reading order. */
      band: number;
      /** Left edge of each character when the text is spread out (均等割付, spaced titles). */
      charX?: number[];
      /** Handwritten: every character drawn at its own charX, offset, angle and size. */
      hand?: HandJitter;
      target?: Target;
    }
  | { kind: "circle"; x: number; y: number; width: number; height: number };

/** Paint order: backgrounds under rules under marks under type, pen circles over everything. */
const LAYER: Record<Op["kind"], number> = {
  shade: 0,
  rule: 1,
  dots: 1,
  box: 2,
  text: 3,
  circle: 4,
};

const LABEL_SHADE = "#e6e6e6";

export function paint(ctx: SKRSContext2D, ops: readonly Op[], seed: number) {
  const random = createRandom(seed);
  const ordered = [...ops].sort((a, b) => LAYER[a.kind] - LAYER[b.kind]);
  const penWidth = Math.max(1.5, ctx.canvas.width / 800);
  for (const op of ordered) {
    switch (op.kind) {
      case "shade":
        ctx.fillStyle = LABEL_SHADE;
        ctx.fillRect(
          Math.round(op.x),
          Math.round(op.y),
          Math.round(op.width),
          Math.round(op.height),
        );
        break;
      case "rule":
        ctx.fillStyle = op.color;
        ctx.fillRect(
          Math.round(op.x),
          Math.round(op.y),
          Math.round(op.width),
          Math.round(op.height),
        );
        break;
      case "dots": {
        ctx.fillStyle = "#9a9a9a";
        const step = Math.max(3, Math.round(ctx.canvas.width / 500));
        for (let x = Math.round(op.x); x < op.x + op.width; x += step) ctx.fillRect(x, op.y, 1, 1);
        break;
      }
      case "box":
        drawCheckBox(ctx, op.x, op.y, op.size, op.state);
        break;
      case "text":
        ctx.font = op.font;
        ctx.fillStyle = op.color;
        if (op.hand) {
          paintHandwriting(ctx, op.text, op.charX ?? [], op.baseline, op.hand);
        } else if (op.charX) {
          [...op.text].forEach((char, index) => {
            ctx.fillText(char, op.charX?.[index] ?? op.x, op.baseline);
          });
        } else {
          ctx.fillText(op.text, op.x, op.baseline);
        }
        break;
      case "circle":
        drawHandCircle(ctx, op, penWidth, random);
        break;
    }
  }
}

function paintHandwriting(
  ctx: SKRSContext2D,
  text: string,
  charX: readonly number[],
  baseline: number,
  hand: HandJitter,
) {
  [...text].forEach((char, index) => {
    const scale = hand.scale[index] ?? 1;
    ctx.save();
    ctx.translate(charX[index] ?? 0, baseline + (hand.dy[index] ?? 0));
    ctx.rotate(hand.angle[index] ?? 0);
    ctx.scale(scale, scale);
    ctx.fillText(char, 0, 0);
    ctx.restore();
  });
}
