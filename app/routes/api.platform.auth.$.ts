import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getPortico } from "~/context.server";

/** better-auth's endpoints for platform accounts (the console's own sign-in). */
export async function loader({ request }: LoaderFunctionArgs) {
  return (await getPortico().platform()).platformAuth.handler(request);
}

export async function action({ request }: ActionFunctionArgs) {
  return (await getPortico().platform()).platformAuth.handler(request);
}
