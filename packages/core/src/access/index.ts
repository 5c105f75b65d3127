export * from './roles.js';
export * from './scope.js';
export * from './policy.js';
export * from './password.js';
