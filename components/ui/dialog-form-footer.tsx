import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";

/** The buttons of a dialog's form: **Cancel** and the submit button, both held while the form is sent. */
export function DialogFormFooter({
  submitLabel,
  pending,
  onCancel,
  disabled,
  destructive = false,
}: {
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
  disabled?: boolean;
  /** Paint the submit button as destructive (a delete). */
  destructive?: boolean;
}) {
  return (
    <DialogFooter>
      <Button type="button" variant="outline" disabled={pending} onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" variant={destructive ? "destructive" : "default"} pending={pending} disabled={disabled}>
        {submitLabel}
      </Button>
    </DialogFooter>
  );
}
