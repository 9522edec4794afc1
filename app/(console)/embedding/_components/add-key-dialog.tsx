"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { FieldErrors } from "@/lib/errors";
import { addEmbeddingKeyAction } from "../actions";

/** **Set signing key** / **Add key for rotation**: the PEM public key, checked on the server (which names any problem). */
export function AddKeyDialog({ open, onOpenChange, rotation, onAdded }: { open: boolean; onOpenChange(open: boolean): void; rotation: boolean; onAdded(): void }) {
  const [publicKey, setPublicKey] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, startTransition] = useTransition();

  function reset(next: boolean) {
    if (!next) {
      setPublicKey("");
      setErrors({});
    }
    onOpenChange(next);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (publicKey.trim() === "") return setErrors({ publicKey: ["Paste the public key (PEM)."] });
    startTransition(async () => {
      const result = await addEmbeddingKeyAction({ publicKey });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? { publicKey: [result.error] });
        return;
      }
      toast.success(`The key ${result.data.key.fingerprint.slice(0, 11)}… is active.`);
      reset(false);
      onAdded();
    });
  }

  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{rotation ? "Add key for rotation" : "Set signing key"}</DialogTitle>
          <DialogDescription>
            {rotation
              ? "The new key verifies tokens next to the current one until you retire the old one."
              : "Your app keeps the private key; paste its public key here."}
          </DialogDescription>
        </DialogHeader>
        <form noValidate onSubmit={submit} className="space-y-4">
          <div className="space-y-1.5">
            <Label htmlFor="embedding-public-key">Public key (PEM)</Label>
            <Textarea
              id="embedding-public-key"
              value={publicKey}
              onChange={(event) => setPublicKey(event.target.value)}
              rows={9}
              spellCheck={false}
              className="font-mono text-xs"
              placeholder={"-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----"}
              aria-invalid={errors.publicKey ? true : undefined}
              aria-describedby={errors.publicKey ? "embedding-public-key-error" : "embedding-public-key-hint"}
              autoFocus
            />
            <p id="embedding-public-key-hint" className="text-xs text-muted-foreground">
              An RSA key of 2048 bits or more. From a private key: <code>openssl rsa -in private.pem -pubout</code>.
            </p>
            <FieldError id="embedding-public-key-error" errors={errors.publicKey} />
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => reset(false)}>
              Cancel
            </Button>
            <Button type="submit" pending={pending}>
              {rotation ? "Add key" : "Set key"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
