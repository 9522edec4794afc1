"use client";

import { useRouter } from "next/navigation";
import { Unplug } from "lucide-react";
import { toast } from "sonner";

import { disconnectConnection } from "../actions";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";

/** **Disconnect**, behind a confirmation: recipes that use the connection stop working. */
export function DisconnectButton({ connection }: { connection: { id: number; name: string } }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Disconnect ${connection.name}`}>
          <Unplug aria-hidden="true" />
          Disconnect
        </Button>
      }
      title={`Disconnect ${connection.name}?`}
      description="Recipes that use this connection will fail until it is connected again."
      confirmLabel="Disconnect"
      destructive
      onConfirm={async () => {
        const result = await disconnectConnection({ connectionId: connection.id });
        if (!result.ok) {
          toast.error(result.error);
          throw new Error(result.error);
        }
        toast.success(`${connection.name} disconnected.`);
        router.refresh();
      }}
    />
  );
}
