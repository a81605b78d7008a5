import { z } from "zod";
import { filterPage, filterUuid } from "./search-params";

/** The dev mailbox's URL: which mail is open and which page of the list. */
export const mailboxParamsSchema = z.object({ id: filterUuid, page: filterPage });
