import { LayoutGrid } from "lucide-react";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { plural } from "@/lib/format";
import { getAppAccess } from "@/lib/app-access/selection";
import { readCustomerPage, type CustomerRouteParams } from "../_lib/customer-page";
import { AppIcon } from "./_components/app-icon";
import { EditAppAccess } from "./_components/edit-app-access";

/** The App access tab (rules U23, U24): "All apps", or the apps the customer may discover and connect to. */
export default async function CustomerAppAccessPage({ params }: { params: CustomerRouteParams }) {
  const { customerId, data: access } = await readCustomerPage(params, getAppAccess);
  const all = access.mode === "all";

  return (
    <Card role="region" aria-labelledby="app-access-heading" className="max-w-4xl gap-4">
      <CardHeader>
        <CardTitle id="app-access-heading">App access</CardTitle>
        <CardDescription>
          {all
            ? "This account can discover and connect to every app, including apps released later."
            : `This account can only discover and connect to ${access.selected.length === 1 ? "this app" : `these ${plural(access.selected.length, "app")}`}, Community Library apps included. Apps released later are not added by themselves.`}
        </CardDescription>
        <CardAction>
          <EditAppAccess
            customerId={customerId}
            catalog={access.catalog}
            allApps={all}
            selectedIds={access.selected.map((app) => app.id)}
            disabled={!access.canManage}
          />
        </CardAction>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {!access.canManage ? (
          <p id="app-access-read-only" className="text-sm text-muted-foreground">
            Only partner admins can change a customer&apos;s app access.
          </p>
        ) : null}
        {all ? (
          <p className="flex items-center gap-2 text-sm font-medium">
            <LayoutGrid aria-hidden="true" className="size-4 text-muted-foreground" />
            All apps
          </p>
        ) : (
          <ul aria-label="Selected apps" className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {access.selected.map((app) => (
              <li key={app.id} className="flex items-center gap-2.5 rounded-md border px-3 py-2 text-sm">
                <AppIcon app={app} />
                {app.name}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
