/** Agencies as GET /api/v1/agencies returns them for ty_sysadmin (own, below and the chain above). */
import type { Agency } from '../api/types.js';

export function agency(over: Partial<Agency> & Pick<Agency, 'id' | 'name' | 'level'>): Agency {
  return {
    parentId: null,
    shortName: null,
    creditCode: '11140100MB2345678N',
    nature: '行政机关',
    functions: '',
    jurisdiction: '',
    enforcementArea: '',
    address: '',
    postcode: '',
    phone: '',
    email: '',
    website: '',
    complaintChannel: '',
    profileId: 'SX25',
    sortOrder: 0,
    updatedAt: '2026-03-02T01:00:00.000Z',
    abilities: { update: false, createChild: false, manageUsers: false },
    ...over,
  };
}

export const TY_AGENCIES: Agency[] = [
  agency({ id: 'sx', name: '山西省生态环境厅', level: 'province', sortOrder: 0 }),
  agency({ id: 'ty', parentId: 'sx', name: '太原市生态环境局', shortName: '太原市局', level: 'city', sortOrder: 1, address: '山西省太原市杏花岭区示例路 1 号', abilities: { update: true, createChild: true, manageUsers: true } }),
  agency({ id: 'xd', parentId: 'ty', name: '太原市生态环境局小店分局', level: 'branch', sortOrder: 2, abilities: { update: true, createChild: false, manageUsers: true } }),
];
