"use server";

import { consoleAction } from "@/lib/transport/console-action";
import { appAccessInput } from "@/lib/app-access/schema";
import { updateAppAccess } from "@/lib/app-access/selection";
import { refreshing } from "../_lib/refreshing";

// Partner admins only: the command authorizes.
export const updateAppAccessAction = consoleAction(appAccessInput, refreshing(updateAppAccess));
