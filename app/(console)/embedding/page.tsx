import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { requireConsolePage } from "@/lib/auth/session";
import { embeddingSettings } from "@/lib/embedding/settings";
import { EmbeddingView } from "./_components/embedding-view";
import { permits } from "@/lib/authorization/authorize";

export const metadata: Metadata = { title: "Embedding" };

/** Embedding: the vendor ID and the RSA public keys the partner's app signs direct links with (issue 14). */
export default async function EmbeddingPage() {
  const ctx = await requireConsolePage();
  if (!permits(ctx, "embedding.read")) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">Embedding</h1>
        <EmptyState title="Only partner admins manage embedding" description="Ask a partner admin to set or rotate the signing key." />
      </div>
    );
  }
  return <EmbeddingView settings={await embeddingSettings(ctx)} />;
}
