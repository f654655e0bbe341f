/**
 * Imported first by the gateway's modules, before @apollo/gateway: its ApolloGateway constructor reads
 * APOLLO_TELEMETRY_DISABLED and, unless it is set, probes cloud metadata addresses (169.254.169.254,
 * 100.100.100.200) and schedules an hourly usage export to Apollo. The gateway must not call out, so this is set in
 * code, whatever a deployer's environment says. The one deliberate side effect of an importable module.
 */
process.env.APOLLO_TELEMETRY_DISABLED = "true";

export {};
