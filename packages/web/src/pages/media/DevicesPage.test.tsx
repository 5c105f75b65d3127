import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockFetch } from '../../test/fetchMock.js';
import { me, renderConsole } from '../../test/render.js';
import { chooseOption } from '../../test/antd.js';
import type { DeviceItem } from '../cases/MediaTypes.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const keeper = me({ id: 'u-k', username: 'ty_keeper', displayName: '太原市局档案设备管理员', roles: ['recordsKeeper'], roleLabels: ['档案与设备管理员'] });
const officer = me({ id: 'u-o1', username: 'ty_officer1', displayName: '太原市局执法一', roles: ['officer'], roleLabels: ['执法人员'] });
const LIMITS = { minBatteryPercent: 30, minFreeStorageMb: 2048, maxClockOffsetSeconds: 60 };
const META = { deviceKinds: [{ key: 'bodyCamera', label: '执法记录仪' }, { key: 'camera', label: '照相机' }], deviceCheckLimits: LIMITS };

const device = (over: Partial<DeviceItem> = {}): DeviceItem => ({
  id: 'd1',
  serial: 'TY-DSJ-0001',
  kind: 'bodyCamera',
  kindLabel: '执法记录仪',
  brand: '海康威视',
  model: 'DSJ-K5',
  label: '海康威视 DSJ-K5（编号 TY-DSJ-0001）',
  status: 'inService',
  statusLabel: '在用',
  assignedTo: { id: 'u-o1', name: '太原市局执法一' },
  assignedAt: '2026-03-01T01:00:00.000Z',
  lastCheck: null,
  ...over,
});

describe('REC-23 · XX-R 12-14: the body-camera registry', () => {
  it('the keeper registers a camera and assigns it to one officer', { timeout: 20_000 }, async () => {
    const items: DeviceItem[] = [device()];
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: keeper } },
      'GET /api/v1/devices': () => ({ body: { items, checkLimits: LIMITS } }),
      'GET /api/v1/media-meta': { body: META },
      'GET /api/v1/officers': { body: { items: [{ id: 'u-o1', name: '太原市局执法一', username: 'ty_officer1' }, { id: 'u-o2', name: '太原市局执法二', username: 'ty_officer2' }] } },
      'POST /api/v1/devices': ({ body }) => {
        items.push(device({ id: 'd2', serial: (body as { serial: string }).serial, label: '海康威视 DSJ-K5（编号 TY-DSJ-0009）', assignedTo: { id: 'u-o2', name: '太原市局执法二' } }));
        return { status: 201, body: { device: items[1] } };
      },
    });
    renderConsole('/records/devices');
    const list = await screen.findByTestId('device-list');
    await waitFor(() => expect(list.textContent).toContain('TY-DSJ-0001'));
    expect(list.textContent).toContain('无检查记录');
    fireEvent.click(screen.getByRole('button', { name: '登记设备' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('设备编号'), { target: { value: 'TY-DSJ-0009' } });
    fireEvent.change(within(dialog).getByLabelText('品牌'), { target: { value: '海康威视' } });
    fireEvent.change(within(dialog).getByLabelText('型号'), { target: { value: 'DSJ-K5' } });
    await chooseOption(within(dialog).getByLabelText('配发给（一台设备配发一人）'), '太原市局执法二');
    fireEvent.click(within(dialog).getByRole('button', { name: /登\s*记/ }));
    await waitFor(() => expect(screen.getByTestId('device-list').textContent).toContain('TY-DSJ-0009'));
    expect(f.calls.find((c) => c.method === 'POST')?.body).toEqual({ serial: 'TY-DSJ-0009', kind: 'bodyCamera', brand: '海康威视', model: 'DSJ-K5', assignTo: 'u-o2' });
  });

  it('REC-9 · SX25-R 15: the holder checks before use; a failed check names its problems and is recorded too', { timeout: 20_000 }, async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: officer } },
      'GET /api/v1/devices': { body: { items: [device(), device({ id: 'd3', serial: 'TY-DSJ-0002', label: '另一台', assignedTo: { id: 'u-o2', name: '太原市局执法二' } })], checkLimits: LIMITS } },
      'GET /api/v1/media-meta': { body: META },
      'POST /api/v1/devices/d1/checks': { status: 201, body: { passed: false, problems: ['电量 10% 低于 30%', '时钟偏差 300 秒，须校准（不超过 60 秒）'] } },
    });
    renderConsole('/records/devices');
    await screen.findByTestId('check-TY-DSJ-0001');
    expect(screen.queryByRole('button', { name: '登记设备' })).toBeNull();
    // Only the holder's own device offers the check.
    expect(screen.queryByTestId('check-TY-DSJ-0002')).toBeNull();
    fireEvent.click(screen.getByTestId('check-TY-DSJ-0001'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('电量不低于 30%');
    fireEvent.change(within(dialog).getByLabelText('电量（%）'), { target: { value: '10' } });
    fireEvent.change(within(dialog).getByLabelText('剩余存储（MB）'), { target: { value: '9000' } });
    fireEvent.change(within(dialog).getByLabelText('时钟偏差（秒）'), { target: { value: '300' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '记录检查结果' }));
    const result = await within(dialog).findByTestId('check-result');
    expect(result.textContent).toContain('检查未通过');
    expect(result.textContent).toContain('时钟偏差 300 秒');
    expect(f.calls.find((c) => c.method === 'POST')?.body).toEqual({ batteryPercent: 10, freeStorageMb: 9000, clockOffsetSeconds: 300, functional: true });
  });

  it('REC-23 · XX-R 14: the holder reports a loss with what happened', { timeout: 20_000 }, async () => {
    const f = mockFetch({
      'GET /api/v1/auth/me': { body: { user: officer } },
      'GET /api/v1/devices': { body: { items: [device()], checkLimits: LIMITS } },
      'GET /api/v1/media-meta': { body: META },
      'POST /api/v1/devices/d1/incidents': { status: 201, body: { device: device({ status: 'lost', statusLabel: '遗失' }) } },
    });
    renderConsole('/records/devices');
    fireEvent.click(await screen.findByRole('button', { name: '报告遗失' }));
    expect(screen.queryByRole('button', { name: '报废' })).toBeNull();
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('经过说明'), { target: { value: '执法途中遗失于出租车上' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /提\s*交/ }));
    await waitFor(() => expect(f.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(f.calls.find((c) => c.method === 'POST')?.body).toEqual({ kind: 'loss', description: '执法途中遗失于出租车上' });
  });
});
