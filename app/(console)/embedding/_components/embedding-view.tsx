"use client";

import { KeyRound, Plus } from "lucide-react";
import { useState } from "react";
import { confirmed } from "@/components/forms/confirmed";
import { CopyButton } from "@/components/customers/copy-button";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { EmbeddingKeySummary, EmbeddingSettings } from "@/lib/embedding/settings";
import { retireEmbeddingKeyAction } from "../actions";
import { AddKeyDialog } from "./add-key-dialog";
import { LocalTime } from "@/components/ui/local-time";

export function EmbeddingView({ settings }: { settings: EmbeddingSettings }) {
  const [adding, setAdding] = useState(false);
  const full = settings.keys.length >= 2;

  const retire = (key: EmbeddingKeySummary) =>
    confirmed(
      () => retireEmbeddingKeyAction({ id: key.id }),
      () => "The key was retired. Tokens signed with it no longer sign anyone in.",
    );

  const add = (
    <Button onClick={() => setAdding(true)} disabled={full} title={full ? "Two keys are active: retire the old one first." : undefined}>
      <Plus aria-hidden="true" /> {settings.keys.length === 0 ? "Set signing key" : "Add key for rotation"}
    </Button>
  );

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Embedding</h1>
          <p className="max-w-3xl text-sm text-muted-foreground">
            Your app signs people into their customer workspace with a direct link: a JSON Web Token signed with RS256 by your private key, verified here with
            its public key. Embedding in an iframe needs the console served over HTTPS.
          </p>
        </div>
        {settings.keys.length > 0 ? add : null}
      </div>
      <section aria-labelledby="vendor-id-heading" className="space-y-1.5">
        <h2 id="vendor-id-heading" className="text-sm font-medium">
          Embedded vendor ID
        </h2>
        <div className="flex items-center gap-2">
          <code className="rounded bg-muted px-2 py-1 text-sm">{settings.vendorId}</code>
          <CopyButton value={settings.vendorId} label="Copy embedded vendor ID" copiedMessage="Vendor ID copied." />
        </div>
        <p className="text-xs text-muted-foreground">
          Tokens name it in <code>sub</code>: <code>{settings.vendorId}:&lt;customer ID or E+external ID&gt;[:&lt;member ID or E+external ID&gt;]</code>.
        </p>
      </section>
      <section aria-labelledby="keys-heading" className="space-y-2">
        <h2 id="keys-heading" className="text-sm font-medium">
          Signing keys
        </h2>
        {settings.keys.length === 0 ? (
          <EmptyState
            icon={KeyRound}
            title="No signing key yet"
            description="Set your app's RSA public key (PEM, 2048 bits or more) to turn on direct links."
            action={add}
          />
        ) : (
          <Table aria-label="Signing keys">
            <TableHeader>
              <TableRow>
                <TableHead>Fingerprint (SHA-256)</TableHead>
                <TableHead>Size</TableHead>
                <TableHead>Added</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {settings.keys.map((key, index) => (
                <TableRow key={key.id}>
                  <TableCell>
                    <code className="break-all text-xs">{key.fingerprint}</code>
                    {settings.keys.length > 1 ? <div className="text-xs text-muted-foreground">{index === 0 ? "Older key" : "Newer key"}</div> : null}
                  </TableCell>
                  <TableCell className="text-sm">{key.modulusBits} bits</TableCell>
                  <TableCell className="text-sm">
                    <LocalTime value={key.createdAt} />
                  </TableCell>
                  <TableCell className="text-right">
                    <ConfirmDialog
                      trigger={
                        <Button variant="outline" size="sm" aria-label={`Retire key ${key.fingerprint.slice(0, 11)}`}>
                          Retire
                        </Button>
                      }
                      title="Retire this signing key?"
                      description={
                        settings.keys.length === 1
                          ? "It is your only key: direct links stop working until you set another. Sessions already open stay open."
                          : "Tokens signed with it stop signing anyone in at once. Sessions already open stay open."
                      }
                      confirmLabel="Retire"
                      destructive
                      onConfirm={() => retire(key)}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {full ? (
          <p className="text-xs text-muted-foreground">Two keys are active (a rotation): retire the old one once your app signs with the new one.</p>
        ) : null}
      </section>
      <AddKeyDialog open={adding} onOpenChange={setAdding} rotation={settings.keys.length > 0} />
    </div>
  );
}
