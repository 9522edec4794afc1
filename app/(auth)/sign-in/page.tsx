import type { Metadata } from "next";
import { Waypoints } from "lucide-react";

import { safeCallbackPath } from "@/lib/utils";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
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
  const initialError = errorCode
    ? (urlErrorMessages[errorCode] ?? "Sign-in failed. Try again.")
    : undefined;

  return (
    <main
      id="main"
      className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-muted/40 px-4 py-12"
    >
      <div className="flex items-center gap-2 text-sm font-semibold tracking-tight">
        <span
          aria-hidden="true"
          className="flex size-8 items-center justify-center rounded-md bg-primary text-primary-foreground"
        >
          <Waypoints className="size-4" />
        </span>
        Partner console
      </div>

      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle as="h1" className="text-xl">
            Sign in
          </CardTitle>
          <CardDescription>Sign in to manage your customers&apos; workspaces.</CardDescription>
        </CardHeader>
        <CardContent>
          <SignInForm callbackUrl={callbackUrl} initialError={initialError} />
        </CardContent>
      </Card>
    </main>
  );
}
