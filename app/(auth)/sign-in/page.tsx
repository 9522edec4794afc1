import type { Metadata } from "next";
import { safeCallbackPath } from "@/lib/utils";
import { AuthPage } from "../_components/auth-page";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = {
  title: "Sign in",
};

/**
 * Messages for the error codes NextAuth puts in the URL (`/sign-in?error=…`). Only known codes are shown,
 * so a crafted link cannot make the page display text of its author's choosing.
 */
const urlErrorMessages: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  SessionRequired: "Sign in to continue.",
  AccessDenied: "You do not have access to this console.",
  Configuration: "Sign-in is not available right now. Try again later.",
};

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

type SignInPageProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const params = await searchParams;
  const rawCallbackUrl = first(params.callbackUrl);
  const callbackUrl = rawCallbackUrl ? safeCallbackPath(rawCallbackUrl) : undefined;
  const errorCode = first(params.error);
  const initialError = errorCode ? (urlErrorMessages[errorCode] ?? "Sign-in failed. Try again.") : undefined;

  return (
    <AuthPage title="Sign in" description="Sign in to manage your customers' workspaces.">
      <SignInForm callbackUrl={callbackUrl} initialError={initialError} />
    </AuthPage>
  );
}
