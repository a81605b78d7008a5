import { listItem, page } from "../schemas/common";
import { endpoint } from "./define";

/** utils.md. File Upload (row 74) is not a Wallex path: see `uploadFile` in ../upload.ts. */
export const utils = {
  listBusinessTypes: endpoint({ method: "GET", path: "/v2/utils/business-types", response: page(listItem) }),
  listCountries: endpoint({ method: "GET", path: "/v2/utils/countries", response: page(listItem) }),
};
