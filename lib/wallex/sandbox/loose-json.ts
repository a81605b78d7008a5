/**
 * Wire JSON inside the simulator. Routes check bodies with zod at the edge, and the domain code then
 * walks them and the stored documents freely, so this one alias is deliberately untyped.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LooseJson = any;
export type LooseObject = Record<string, LooseJson>;
