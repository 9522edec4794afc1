import { redirect } from "next/navigation";

/** Workspace admin has one section so far: Settings. */
export default function WorkspaceAdminPage() {
  redirect("/workspace/admin/settings");
}
