import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";

/** The buttons of a dialog's form: **Cancel** and the submit button, both held while the form is sent. */
export function DialogFormFooter({
  submitLabel,
  pending,
  onCancel,
  disabled,
}: {
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
  disabled?: boolean;
}) {
  return (
    <DialogFooter>
      <Button type="button" variant="outline" disabled={pending} onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" pending={pending} disabled={disabled}>
        {submitLabel}
      </Button>
    </DialogFooter>
  );
}
