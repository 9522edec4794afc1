"use client";

import { FormField } from "@/components/forms/form-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { FormAlert } from "@/components/ui/field-error";
import { Textarea } from "@/components/ui/textarea";
import { addEmbeddingKeySchema } from "@/lib/embedding/input";
import { addEmbeddingKeyAction } from "../actions";

/** **Set signing key** / **Add key for rotation**: the PEM public key, checked on the server (which names any problem). */
export function AddKeyDialog({ open, onOpenChange, rotation }: { open: boolean; onOpenChange(open: boolean): void; rotation: boolean }) {
  const { form, onSubmit, pending, formError, resetOnClose } = useActionForm({
    schema: addEmbeddingKeySchema,
    defaultValues: { publicKey: "" },
    action: addEmbeddingKeyAction,
    success: (added) => `The key ${added.key.fingerprint.slice(0, 11)}… is active.`,
    onSuccess: (): void => close(false),
  });

  const close: (open: boolean) => void = resetOnClose(onOpenChange);

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{rotation ? "Add key for rotation" : "Set signing key"}</DialogTitle>
          <DialogDescription>
            {rotation
              ? "The new key verifies tokens next to the current one until you retire the old one."
              : "Your app keeps the private key; paste its public key here."}
          </DialogDescription>
        </DialogHeader>
        <form noValidate onSubmit={onSubmit} className="space-y-4">
          <FormField
            control={form.control}
            name="publicKey"
            id="embedding-public-key"
            label="Public key (PEM)"
            description={
              <>
                An RSA key of 2048 bits or more. From a private key: <code>openssl rsa -in private.pem -pubout</code>.
              </>
            }
          >
            {(field) => (
              <Textarea
                {...field}
                rows={9}
                spellCheck={false}
                className="font-mono text-xs"
                placeholder={"-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----"}
                autoFocus
              />
            )}
          </FormField>
          <FormAlert>{formError}</FormAlert>
          <DialogFormFooter submitLabel={rotation ? "Add key" : "Set key"} pending={pending} onCancel={() => close(false)} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
