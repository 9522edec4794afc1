import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { findPasswordReset } from "@/lib/password-reset/reset";
import { AuthPage } from "../../_components/auth-page";
import { ResetPasswordForm } from "./_components/reset-password-form";

export const metadata: Metadata = {
  title: "Set a new password",
  // The token is in the address: keep it out of search engines and other sites' logs.
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

/** Public: sets a new password with the link of a "Forgot password?" email. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await findPasswordReset(token);
  if ("problem" in found) {
    return (
      <AuthPage title="Set a new password" description={found.problem}>
        <Button asChild variant="outline" className="w-full">
          <Link href="/forgot-password">Ask for a new link</Link>
        </Button>
      </AuthPage>
    );
  }
  return (
    <AuthPage title="Set a new password" description="Choose a new password. Every other session of your account is signed out.">
      <ResetPasswordForm token={token} email={found.email} />
    </AuthPage>
  );
}
