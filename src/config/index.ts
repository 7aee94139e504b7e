// SDK-wide configuration: setGlobalConfig, feature flags and region resolution.
export { GlobalConfig, globalConfig, type NetworkOnlineCheck } from './globalConfig.js';
export { FEATURES, FeatureFlags, type FeatureCallback } from './featureFlags.js';
