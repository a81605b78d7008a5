export * from "./audit";
export * from "./mail";
export * from "./partners";
export * from "./users";
export * from "./wallex-connections";
export * from "./wallex-runtime";
export * from "./leases";
export * from "./webhooks";
