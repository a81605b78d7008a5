/** Edge-safe (middleware imports it): how request ids look and travel. */
export const REQUEST_ID_HEADER = "x-request-id";
export const CLIENT_REQUEST_ID_HEADER = "x-client-request-id";

const OUR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PLAIN_TOKEN = /^[A-Za-z0-9._:-]{1,64}$/;

export const isOurRequestId = (value: string) => OUR_ID.test(value);

/** A client's X-Request-ID is kept beside ours only when it is a short plain token. */
export const plainClientRequestId = (value: string | null) => (value && PLAIN_TOKEN.test(value) ? value : null);
