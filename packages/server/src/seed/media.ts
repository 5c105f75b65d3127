/**
 * Demo data of the evidence vault: a body camera of 太原市生态环境局
 * assigned to 执法一 with a passed pre-use check, and a penalty case with a
 * 查封 (seal, AV-mandatory under SX25-R 12) holding a video of the sealing,
 * an audio recording of the inquiry and a photo of the sealed door — files
 * drawn in code (media-samples.ts) and stored through the real ingest path:
 * declared, staged, hashed, checked, stored write-once, numbered, sealed.
 */
import { demoActor } from './actors.js';
import fsp from 'node:fs/promises';
import type { AppContext } from '../context.js';
import { mediaServices, Digests } from '../blobs/index.js';
import { createCase } from '../usecases/cases.js';
import { assignDevice, recordDeviceCheck, registerDevice } from '../usecases/devices.js';
import { completeUpload, createUploadIntent, type MediaMetadataInput } from '../usecases/media.js';
import type { ActorContext } from '../context.js';
import { sampleMp4, samplePhoto, sampleWav } from './media-samples.js';

/** Stores a file through the same completion path as a finished tus upload. */
export async function ingestBuffer(ctx: AppContext, actor: ActorContext, caseId: string, file: { filename: string; mimeType: string; bytes: Buffer }, metadata: MediaMetadataInput) {
  const d = new Digests(['sha256']);
  d.update(file.bytes);
  const declared = d.result();
  const intent = await createUploadIntent(ctx, actor, caseId, { filename: file.filename, mimeType: file.mimeType, size: file.bytes.length, sha256: declared.sha256, metadata });
  if (intent.duplicate) return intent.media;
  const { staging } = mediaServices(ctx);
  await fsp.writeFile(staging.stagedPath(intent.upload.id), file.bytes);
  return (await completeUpload(ctx, actor, intent.upload.id)).media;
}

export async function seedDemoMedia(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now();
  const officer = await demoActor(ctx, 'ty_officer1');
  const officer2 = await demoActor(ctx, 'ty_officer2');
  const keeper = await demoActor(ctx, 'ty_keeper');

  // REC-23: a body camera assigned to one officer; REC-9: checked before use.
  const camera = await registerDevice(ctx, keeper, { serial: 'TY-DSJ-0001', kind: 'bodyCamera', brand: '海康威视', model: 'DSJ-K5', assignTo: officer.userId });
  await registerDevice(ctx, keeper, { serial: 'TY-DSJ-0002', kind: 'bodyCamera', brand: '海康威视', model: 'DSJ-K5' });
  await assignDevice(ctx, keeper, camera.id, officer.userId);
  await recordDeviceCheck(ctx, officer, camera.id, { batteryPercent: 95, freeStorageMb: 48_000, clockOffsetSeconds: 1, functional: true, note: '出发前检查' });

  const c = await createCase(ctx, officer, {
    actionType: 'penalty',
    source: 'complaint',
    title: '某化工有限公司超标排放案（音像记录演示）',
    handlerIds: [officer.userId, officer2.userId],
    measures: ['seal'],
  });

  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();
  const common = { place: '太原市小店区某化工有限公司厂区', officerIds: [officer.userId, officer2.userId], stage: 'investigation' as const };
  await ingestBuffer(ctx, officer, c.id, { filename: '查封现场.mp4', mimeType: 'video/mp4', bytes: sampleMp4() }, {
    ...common,
    recordedStart: at(120),
    recordedEnd: at(95),
    cameraOperatorId: officer2.userId,
    deviceId: camera.id,
    contentNotes: '执法人员出示执法证件，告知查封理由、依据及当事人权利；对 2 号排污设施张贴封条并清点。',
    evidence: true,
    evidenceExplanation: '记录查封排污设施全过程，作为证据使用；经承办人与负责人签字确认。',
    situations: ['seal', 'onSiteInspection', 'coerciveMeasure'],
  });
  await ingestBuffer(ctx, officer, c.id, { filename: '询问录音.wav', mimeType: 'audio/wav', bytes: sampleWav() }, {
    ...common,
    recordedStart: at(90),
    recordedEnd: at(70),
    deviceId: camera.id,
    contentNotes: '询问公司环保负责人排污设施运行情况。',
    speakers: [
      { name: '太原市局执法一', identity: '执法人员', summary: '询问设施运行与监测情况' },
      { name: '王某', identity: '当事人环保负责人', summary: '陈述设施检修期间超标排放' },
    ],
    situations: ['inquiry'],
  });
  await ingestBuffer(ctx, officer, c.id, { filename: '封条照片.png', mimeType: 'image/png', bytes: samplePhoto() }, {
    ...common,
    recordedStart: at(96),
    recordedEnd: at(96),
    deviceLabel: '执法记录仪拍照',
    contentNotes: '2 号排污设施封条张贴情况。',
    situations: ['seal'],
  });
}
