/**
 * What every use case receives: configuration, the database and a clock. Time
 * is always an argument, never read from the machine inside domain code.
 */
import type { Config } from './config.js';
import type { Database, Db } from './db/client.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
}

/** The signed-in user as loaded for one request. */
export interface ActorContext {
  userId: string;
  username: string;
  displayName: string;
  agencyId: string;
  agencyPath: string;
  agencyName: string;
  /** The rule profile of the actor's agency: messages cite its documents (issue 15 item 2). */
  agencyProfileId?: string;
  roles: import('@sanxiang/core').Role[];
  mustChangePassword: boolean;
  ip: string;
}
