import type { AppSummary } from "@/lib/app-access/selection";

/** An app's icon; decorative, as the app's name is always written next to it. */
export function AppIcon({ app }: { app: Pick<AppSummary, "iconPath"> }) {
  return <img src={app.iconPath} alt="" width={20} height={20} className="size-5 shrink-0 rounded" />;
}
