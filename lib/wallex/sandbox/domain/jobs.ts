import type { JobHandler } from "../engine";
import { collectionJob, requestExpiryJob } from "./collections";
import { conversionCutoffJob, conversionJob } from "./conversions";
import { paymentCutoffJob, paymentJob } from "./payments";
import { autoDecide } from "./users";

/** Clock-driven work; each job runs in its own transaction when due. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  "payment.advance": paymentJob,
  "payment.cutoff": paymentCutoffJob,
  "conversion.advance": conversionJob,
  "conversion.cutoff": conversionCutoffJob,
  "user.decide": autoDecide,
  "collection.complete": collectionJob,
  "collection_request.expire": requestExpiryJob,
};
