/**
 * 规则配置 (REQUIREMENTS §8): choose a profile and read every parameter with
 * its value, basis and origin (own, inherited, agency, platform default);
 * compute a deadline of the profile on the working-day calendar.
 */
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Card, Descriptions, Select, Space, Spin, Tag, Typography } from 'antd';
import { api, errorMessage } from '../api/client.js';
import type { AgencyProfile, ProfileSummary } from '../api/types.js';
import { useMe } from '../auth/session.js';
import { DeadlinePreviewPanel } from '../components/DeadlinePreviewPanel.js';
import { ParamTable } from '../components/RuleBits.js';
import type { ProfileId, ResolvedProfile } from '../domain.js';
import { profileShortName } from '../lib/rules.js';

export function RuleProfilesPage() {
  const { me } = useMe();
  const [profiles, setProfiles] = useState<ProfileSummary[] | null>(null);
  const [ownProfileId, setOwnProfileId] = useState<ProfileId | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [params, setParams] = useSearchParams();

  useEffect(() => {
    api
      .get<{ items: ProfileSummary[] }>('/profiles')
      .then(({ items }) => setProfiles(items))
      .catch((e: unknown) => {
        setError(errorMessage(e));
        setProfiles([]);
      });
    // The own agency's profile is the default choice; anyone may read their own agency.
    api
      .get<AgencyProfile>(`/agencies/${encodeURIComponent(me.agencyId)}/profile`)
      .then((a) => setOwnProfileId(a.profileId))
      .catch(() => setOwnProfileId(null));
  }, [me.agencyId]);

  const asked = params.get('profile');
  const selectedId: ProfileId | undefined = useMemo(() => {
    if (!profiles?.length) return undefined;
    const found = profiles.find((p) => p.id === asked) ?? profiles.find((p) => p.id === ownProfileId);
    if (found) return found.id;
    return ownProfileId === undefined ? undefined : profiles[0]?.id; // wait for the own agency's choice
  }, [profiles, asked, ownProfileId]);

  const names = useMemo(() => Object.fromEntries((profiles ?? []).map((p) => [p.id, p.name])) as Partial<Record<ProfileId, string>>, [profiles]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {/* The page's title is the layout's h1 (one h1 a page). */}
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Card>
        <Space wrap>
          <Typography.Text>规则配置：</Typography.Text>
          <Select<ProfileId>
            aria-label="规则配置"
            style={{ minWidth: 420 }}
            loading={profiles === null}
            value={selectedId}
            onChange={(id) => setParams({ profile: id }, { replace: true })}
            options={(profiles ?? []).map((p) => ({
              value: p.id,
              label: `${p.id} · ${p.name}${p.id === ownProfileId ? '（本机关适用）' : ''}`,
            }))}
          />
        </Space>
      </Card>
      {selectedId ? <ProfileView key={selectedId} id={selectedId} names={names} own={selectedId === ownProfileId} /> : profiles === null ? <Spin /> : null}
    </Space>
  );
}

function ProfileView({ id, names, own }: { id: ProfileId; names: Partial<Record<ProfileId, string>>; own: boolean }) {
  const [profile, setProfile] = useState<ResolvedProfile | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api
      .get<{ profile: ResolvedProfile }>(`/profiles/${encodeURIComponent(id)}`)
      .then(({ profile: p }) => live && setProfile(p))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [id]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!profile) return <Spin />;
  const dash = (v: string | null | undefined) => v || <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={profile.name} extra={own ? <Tag color="green">本机关适用</Tag> : null}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'issuer', label: '制发机关', children: profile.issuer },
            { key: 'doc', label: '文号', children: dash(profile.docNumber) },
            { key: 'effective', label: '施行日期', children: profile.effective ?? <Typography.Text type="secondary">未载明</Typography.Text> },
            {
              key: 'chain',
              label: '继承关系',
              children: profile.chain.map((c) => profileShortName(c)).join(' → '),
            },
            ...(profile.effectiveNote ? [{ key: 'note', label: '说明', children: profile.effectiveNote, span: 'filled' as const }] : []),
          ]}
        />
      </Card>
      <Card title="期限计算">
        <DeadlinePreviewPanel profile={profile} />
      </Card>
      <Card title="参数及依据">
        <ParamTable profile={profile} profileNames={names} />
      </Card>
    </Space>
  );
}
