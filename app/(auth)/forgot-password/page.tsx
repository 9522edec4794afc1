import type { Metadata } from "next";
import { AuthPage } from "../_components/auth-page";
import { ForgotPasswordForm } from "./_components/forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

/** Public: asks for a link to set a new password. */
export default function ForgotPasswordPage() {
  return (
    <AuthPage title="Forgot password?" description="Enter the email you sign in with. If it has an account, we email it a link to set a new password.">
      <ForgotPasswordForm />
    </AuthPage>
  );
}
