import { SignOutButton } from "@/components/shell/sign-out-button";

export const metadata = { title: "No access" };

export default function NoAccessPage() {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 p-6">
      <h1 className="text-2xl font-semibold">No access to the partner console</h1>
      <p className="text-muted-foreground">
        Your account is not a member of a partner team. Ask a partner admin to invite you, or sign in with another account.
      </p>
      <div>
        <SignOutButton />
      </div>
    </main>
  );
}
