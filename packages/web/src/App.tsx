/**
 * Routes of the console (basename /console). Pages behind the session guard
 * need a signed-in user whose initial password has been changed; admin pages
 * also need one of the roles that sees them in the menu.
 */
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Flex, Spin } from 'antd';
import { useSession } from './auth/session.js';
import { ConsoleLayout } from './layout/ConsoleLayout.js';
import { BUSINESS_NAV, CASES_NAV, DISCLOSURE_NAV, NAV_GROUPS, REVIEW_NAV, canSee, type NavItem } from './layout/navigation.js';
import { AgenciesPage } from './pages/AgenciesPage.js';
import { AgencyProfilePage } from './pages/AgencyProfilePage.js';
import { CalendarPage } from './pages/CalendarPage.js';
import { AuditPage } from './pages/AuditPage.js';
import { ChangePasswordPage } from './pages/ChangePasswordPage.js';
import { ForbiddenPage, NotFoundPage, PlaceholderPage } from './pages/ResultPages.js';
import { HomePage } from './pages/HomePage.js';
import { LoginPage } from './pages/LoginPage.js';
import { ProfilePage } from './pages/ProfilePage.js';
import { RolesPage } from './pages/RolesPage.js';
import { RuleProfilesPage } from './pages/RuleProfilesPage.js';
import { UsersPage } from './pages/UsersPage.js';
import { CaseDetailPage } from './pages/cases/CaseDetailPage.js';
import { CaseListPage } from './pages/cases/CaseListPage.js';
import { DocumentEditorPage } from './pages/cases/DocumentEditorPage.js';
import { PartiesPage } from './pages/cases/PartiesPage.js';
import { CatalogueEditorPage } from './pages/review/CatalogueEditorPage.js';
import { ReviewPage } from './pages/review/ReviewPage.js';
import { ReviewQueuePage } from './pages/review/ReviewQueuePage.js';
import { AccessLinkPage } from './pages/media/AccessLinkPage.js';
import { AccessRequestsPage } from './pages/media/AccessRequestsPage.js';
import { DevicesPage } from './pages/media/DevicesPage.js';
import { DisposalsPage } from './pages/media/DisposalsPage.js';
import { PublicationPage } from './pages/disclosure/PublicationPage.js';
import { PublicationQueuePage } from './pages/disclosure/PublicationQueuePage.js';
import { PublicRequestsPage } from './pages/disclosure/PublicRequestsPage.js';
import { ExAntePage } from './pages/exante/ExAntePage.js';

const PAGES: Record<string, () => ReactNode> = {
  '/admin/agencies': () => <AgenciesPage />,
  '/admin/users': () => <UsersPage />,
  '/admin/roles': () => <RolesPage />,
  '/admin/audit': () => <AuditPage />,
  '/rules/calendar': () => <CalendarPage />,
  '/rules/profiles': () => <RuleProfilesPage />,
  '/rules/agency': () => <AgencyProfilePage />,
  '/cases': () => <CaseListPage />,
  '/parties': () => <PartiesPage />,
  '/records/access': () => <AccessRequestsPage />,
  '/records/devices': () => <DevicesPage />,
  '/records/disposals': () => <DisposalsPage />,
  '/review/queue': () => <ReviewQueuePage />,
  '/review/catalogue': () => <CatalogueEditorPage />,
  '/disclosure/publications': () => <PublicationQueuePage />,
  '/disclosure/requests': () => <PublicRequestsPage />,
  '/disclosure/exante': () => <ExAntePage />,
};

const CASES_ITEM = CASES_NAV.items[0]!;

function Loading() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** Signed in and past the forced password change, or redirected. */
function RequireSession({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'anonymous') return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (state.me.mustChangePassword) return <Navigate to="/password" replace />;
  return <>{children}</>;
}

function Guarded({ item, children }: { item: NavItem; children: ReactNode }) {
  const { state } = useSession();
  if (state.status !== 'signedIn') return null;
  return canSee(item, state.me.roles) ? <>{children}</> : <ForbiddenPage />;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/password" element={<ChangePasswordPage />} />
      {/* REC-20: an external requester's access link — no account, outside the console frame. */}
      <Route path="/access/:token" element={<AccessLinkPage />} />
      <Route
        element={
          <RequireSession>
            <ConsoleLayout />
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        {BUSINESS_NAV.map((item) => (
          <Route
            key={item.path}
            path={item.path}
            element={
              <Guarded item={item}>
                <PlaceholderPage title={item.label} />
              </Guarded>
            }
          />
        ))}
        {NAV_GROUPS.flatMap((g) => g.items).map((item) => (
          <Route
            key={item.path}
            path={item.path}
            element={<Guarded item={item}>{item.placeholder ? <PlaceholderPage title={item.label} /> : PAGES[item.path]?.()}</Guarded>}
          />
        ))}
        <Route
          path="/cases/:id"
          element={
            <Guarded item={CASES_ITEM}>
              <CaseDetailPage />
            </Guarded>
          }
        />
        <Route
          path="/cases/:id/documents/:docId"
          element={
            <Guarded item={CASES_ITEM}>
              <DocumentEditorPage />
            </Guarded>
          }
        />
        <Route path="/review/cases/:caseId" element={<Guarded item={REVIEW_NAV.items[0]!}><ReviewPage /></Guarded>} />
        <Route path="/review" element={<Navigate to="/review/queue" replace />} />
        <Route path="/records" element={<Navigate to="/records/access" replace />} />
        <Route path="/disclosure/publications/:id" element={<Guarded item={DISCLOSURE_NAV.items[0]!}><PublicationPage /></Guarded>} />
        <Route path="/disclosure" element={<Navigate to="/disclosure/publications" replace />} />
        {/* The earlier placeholder's address. */}
        <Route path="/admin/calendar" element={<Navigate to="/rules/calendar" replace />} />
        <Route path="/profile" element={<ProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
