/**
 * Runs around every console component test (vitest `setupFiles`, project "web").
 *
 * React schedules the flush of passive effects with `setImmediate` (the scheduler
 * package). When a test file ends right after a render commits, that callback can
 * run after vitest has torn the happy-dom window down and throw
 * "window is not defined" as an unhandled error, which fails the whole run.
 * Unmounting and then letting the pending immediates run while the window still
 * exists closes that gap for every file, not only the one that showed it.
 */
import { afterAll, afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { message, Modal, notification } from 'antd';

const drainImmediates = async (rounds = 5) => {
  for (let i = 0; i < rounds; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
};

afterEach(async () => {
  cleanup();
  // antd's static holders render into roots of their own, which cleanup() does not
  // know; their timers would re-render after the window is gone.
  message.destroy();
  notification.destroy();
  Modal.destroyAll();
  await drainImmediates();
});

afterAll(async () => {
  await drainImmediates();
});
