"use client";

import * as React from "react";
import { Check, Copy } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/** An icon button that copies `value` to the clipboard and says so. */
export function CopyButton({ value, label, copiedMessage }: { value: string; label: string; copiedMessage: string }) {
  const [copied, setCopied] = React.useState(false);

  React.useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2_000);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success(copiedMessage);
    } catch {
      toast.error("Copying was not allowed by the browser. Select the text and copy it instead.");
    }
  }

  return (
    <Button variant="ghost" size="icon" className="size-7" aria-label={label} onClick={copy}>
      {copied ? <Check aria-hidden="true" className="size-3.5 text-success" /> : <Copy aria-hidden="true" className="size-3.5" />}
    </Button>
  );
}
