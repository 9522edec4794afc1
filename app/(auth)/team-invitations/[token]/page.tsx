import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { getSessionContext } from "@/lib/auth/session";
import { findTeamInvitation } from "@/lib/partner-team/accept";
import { PARTNER_ROLE_LABELS } from "@/lib/partner-team/schema";
import { AuthPage } from "../../_components/auth-page";
import { AcceptForm } from "./_components/accept-form";

export const metadata: Metadata = {
  title: "Join the team",
  // The token is in the address: keep it out of search engines and other sites' logs.
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

/** Where an invited person joins the partner's team with the link of the invitation email. Public: the link is the key. */
export default async function TeamInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await findTeamInvitation(token);
  if ("problem" in found) {
    return (
      <AuthPage title="Invitation" description={found.problem}>
        <Button asChild variant="outline" className="w-full">
          <Link href="/sign-in">Go to sign-in</Link>
        </Button>
      </AuthPage>
    );
  }
  const { invitation } = found;
  const title = `Join ${invitation.partnerName}`;
  const role = PARTNER_ROLE_LABELS[invitation.role];
  const ctx = await getSessionContext();
  const signedInEmail = ctx?.actor.kind === "user" ? ctx.actor.email : null;
  if (signedInEmail && signedInEmail.toLowerCase() !== invitation.email) {
    return (
      <AuthPage
        title={title}
        description={`This invitation is for ${invitation.email}, and you are signed in as ${signedInEmail}. Sign out, then open the link again.`}
      >
        <SignOutButton />
      </AuthPage>
    );
  }
  if (!signedInEmail && invitation.accountExists) {
    return (
      <AuthPage title={title} description={`An account with ${invitation.email} already exists. Sign in, and you come back here to accept.`}>
        <Button asChild className="w-full">
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/team-invitations/${token}`)}`}>Sign in</Link>
        </Button>
      </AuthPage>
    );
  }
  return (
    <AuthPage
      title={title}
      description={
        <>
          You were invited to the team of <strong className="text-foreground">{invitation.partnerName}</strong> as{" "}
          <strong className="text-foreground">{role}</strong>, with <strong className="text-foreground">{invitation.email}</strong>.
          {signedInEmail ? null : " Choose your name and a password to join."}
        </>
      }
    >
      <AcceptForm token={token} email={invitation.email} signedIn={signedInEmail !== null} />
    </AuthPage>
  );
}
