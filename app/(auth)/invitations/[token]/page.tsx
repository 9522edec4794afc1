import type { Metadata } from "next";
import Link from "next/link";
import { findInvitation, accountExistsMessage } from "@/lib/workspace-team/invitation-sign-up";
import { INVALID_INVITATION } from "@/lib/workspace-team/sign-up-schema";
import { Button } from "@/components/ui/button";
import { AuthPage } from "../../_components/auth-page";
import { SignUpForm } from "./_components/sign-up-form";

export const metadata: Metadata = {
  title: "Accept invitation",
  // The token is in the address: keep it out of search engines and other sites' logs.
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

/** Where an invited person creates an account with the link they were given (rule U19). Public. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findInvitation(token);
  if (!invitation) {
    return (
      <AuthPage title="Invitation" description={INVALID_INVITATION}>
        <p className="text-sm text-muted-foreground">Ask the person who invited you for a new link.</p>
      </AuthPage>
    );
  }
  if (invitation.accountExists) {
    return (
      <AuthPage title={`Join ${invitation.customerName}`} description={accountExistsMessage(invitation.email)}>
        <Button asChild className="w-full">
          <Link href="/sign-in?callbackUrl=%2Fworkspace">Sign in</Link>
        </Button>
      </AuthPage>
    );
  }
  return (
    <AuthPage
      title={`Join ${invitation.customerName}`}
      description={
        <>
          You were invited to the <strong className="text-foreground">{invitation.customerName}</strong> workspace as{" "}
          <strong className="text-foreground">{invitation.email}</strong>. Create your account to join.
        </>
      }
    >
      <SignUpForm token={token} email={invitation.email} defaultName={invitation.name} />
    </AuthPage>
  );
}
