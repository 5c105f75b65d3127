export * from './agency.js';
export * from './officer.js';
