"use server";

import { consoleAction } from "@/lib/transport/console-action";
import { deleteCustomer } from "@/lib/customers/commands/delete";
import { changePlan, setTrial, updateExternalId, updateIframeOrigins, updateNotificationEmail } from "@/lib/customers/commands/settings";
import {
  changePlanInput,
  deleteCustomerInput,
  externalIdInput,
  iframeOriginsInput,
  notificationEmailInput,
  setTrialInput,
} from "@/lib/customers/settings-schema";
import { setCustomerNotification } from "@/lib/notifications/settings";
import { customerNotificationInput } from "@/lib/notifications/schema";
import { refreshing } from "../_lib/refreshing";

// Partner admins only: each command authorizes.

export const changePlanAction = consoleAction(changePlanInput, refreshing(changePlan));
export const setTrialAction = consoleAction(setTrialInput, refreshing(setTrial));
export const updateNotificationEmailAction = consoleAction(notificationEmailInput, refreshing(updateNotificationEmail));
export const updateExternalIdAction = consoleAction(externalIdInput, refreshing(updateExternalId));
export const updateIframeOriginsAction = consoleAction(iframeOriginsInput, refreshing(updateIframeOrigins));
export const setCustomerNotificationAction = consoleAction(customerNotificationInput, refreshing(setCustomerNotification));

// No revalidation here: it would re-render the page of the customer that is gone. The browser goes to the
// Customers table, a dynamic page that is read afresh.
export const deleteCustomerAction = consoleAction(deleteCustomerInput, deleteCustomer);
