import { cn } from "@/lib/utils";

/** An app's icon from the catalog (`public/apps/*.svg`); decorative, the app's name is always written next to it. */
export function AppIcon({ src, className }: { src: string; className?: string }) {
  // A plain <img>: the icons are small static SVGs, which next/image would refuse without extra configuration.
  // eslint-disable-next-line @next/next/no-img-element
  return <img src={src} alt="" aria-hidden="true" width={20} height={20} className={cn("size-5 shrink-0 rounded-sm", className)} />;
}
