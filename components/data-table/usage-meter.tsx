import type { CSSProperties } from "react";
import { formatNumber } from "@/lib/format";

/**
 * "used / limit" with a small bar: amber past 80 %, red at 100 %. The bar is one element (`.usage-meter` in
 * globals.css draws the fill), and the text is whole strings, so that React adds no separators between them.
 */
export function UsageMeter({ used, limit, label }: { used: number; limit: number; label: string }) {
  const ratio = limit > 0 ? used / limit : used > 0 ? 1 : 0;
  const tone = ratio >= 1 ? "bg-red-600" : ratio > 0.8 ? "bg-amber-500" : "bg-emerald-600";
  const usedText = formatNumber(used);
  const limitText = formatNumber(limit);
  return (
    <>
      {`${usedText} `}
      <span className="text-muted-foreground">{`/ ${limitText}`}</span>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={Math.min(used, limit)}
        aria-valuetext={`${usedText} of ${limitText}`}
        className={`usage-meter ${tone}`}
        style={{ "--used": `${Math.min(100, Math.round(ratio * 100))}%` } as CSSProperties}
      />
    </>
  );
}
