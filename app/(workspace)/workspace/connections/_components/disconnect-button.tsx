"use client";

import { Unplug } from "lucide-react";

import { disconnectConnection } from "../actions";
import { confirmed } from "@/components/forms/confirmed";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";

/** **Disconnect**, behind a confirmation: recipes that use the connection stop working. */
export function DisconnectButton({ connection }: { connection: { id: number; name: string } }) {
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
      onConfirm={() =>
        confirmed(
          () => disconnectConnection({ connectionId: connection.id }),
          () => `${connection.name} disconnected.`,
        )
      }
    />
  );
}
