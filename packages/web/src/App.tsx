/**
 * Routes of the console (basename /console). Pages behind the session guard
 * need a signed-in user whose initial password has been changed; admin pages
 * also need one of the roles that sees them in the menu.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Flex, Spin } from 'antd';
import { useSession } from './auth/session.js';
import { ConsoleLayout } from './layout/ConsoleLayout.js';
import { BUSINESS_NAV, CASES_NAV, DISCLOSURE_NAV, INSPECTIONS_NAV, NAV_GROUPS, REVIEW_NAV, canSee, type NavItem } from './layout/navigation.js';
import { ChangePasswordPage } from './pages/ChangePasswordPage.js';
import { ForbiddenPage, NotFoundPage, PlaceholderPage } from './pages/ResultPages.js';
import { HomePage } from './pages/HomePage.js';
import { LoginPage } from './pages/LoginPage.js';

// Issue 15 · route-level code splitting: each page is its own chunk, loaded when first opened.
const AgenciesPage = lazy(() => import('./pages/AgenciesPage.js').then((m) => ({ default: m.AgenciesPage })));
const AgencyProfilePage = lazy(() => import('./pages/AgencyProfilePage.js').then((m) => ({ default: m.AgencyProfilePage })));
const CalendarPage = lazy(() => import('./pages/CalendarPage.js').then((m) => ({ default: m.CalendarPage })));
const AuditPage = lazy(() => import('./pages/AuditPage.js').then((m) => ({ default: m.AuditPage })));
const ProfilePage = lazy(() => import('./pages/ProfilePage.js').then((m) => ({ default: m.ProfilePage })));
const RolesPage = lazy(() => import('./pages/RolesPage.js').then((m) => ({ default: m.RolesPage })));
const RuleProfilesPage = lazy(() => import('./pages/RuleProfilesPage.js').then((m) => ({ default: m.RuleProfilesPage })));
const UsersPage = lazy(() => import('./pages/UsersPage.js').then((m) => ({ default: m.UsersPage })));
const CaseDetailPage = lazy(() => import('./pages/cases/CaseDetailPage.js').then((m) => ({ default: m.CaseDetailPage })));
const CaseListPage = lazy(() => import('./pages/cases/CaseListPage.js').then((m) => ({ default: m.CaseListPage })));
const DocumentEditorPage = lazy(() => import('./pages/cases/DocumentEditorPage.js').then((m) => ({ default: m.DocumentEditorPage })));
const PartiesPage = lazy(() => import('./pages/cases/PartiesPage.js').then((m) => ({ default: m.PartiesPage })));
const CatalogueEditorPage = lazy(() => import('./pages/review/CatalogueEditorPage.js').then((m) => ({ default: m.CatalogueEditorPage })));
const ReviewPage = lazy(() => import('./pages/review/ReviewPage.js').then((m) => ({ default: m.ReviewPage })));
const ReviewQueuePage = lazy(() => import('./pages/review/ReviewQueuePage.js').then((m) => ({ default: m.ReviewQueuePage })));
const AccessLinkPage = lazy(() => import('./pages/media/AccessLinkPage.js').then((m) => ({ default: m.AccessLinkPage })));
const AccessRequestsPage = lazy(() => import('./pages/media/AccessRequestsPage.js').then((m) => ({ default: m.AccessRequestsPage })));
const DevicesPage = lazy(() => import('./pages/media/DevicesPage.js').then((m) => ({ default: m.DevicesPage })));
const DisposalsPage = lazy(() => import('./pages/media/DisposalsPage.js').then((m) => ({ default: m.DisposalsPage })));
const PublicationPage = lazy(() => import('./pages/disclosure/PublicationPage.js').then((m) => ({ default: m.PublicationPage })));
const PublicationQueuePage = lazy(() => import('./pages/disclosure/PublicationQueuePage.js').then((m) => ({ default: m.PublicationQueuePage })));
const PublicRequestsPage = lazy(() => import('./pages/disclosure/PublicRequestsPage.js').then((m) => ({ default: m.PublicRequestsPage })));
const ExAntePage = lazy(() => import('./pages/exante/ExAntePage.js').then((m) => ({ default: m.ExAntePage })));
const TargetsPage = lazy(() => import('./pages/inspections/TargetsPage.js').then((m) => ({ default: m.TargetsPage })));
const InspectorsPage = lazy(() => import('./pages/inspections/InspectorsPage.js').then((m) => ({ default: m.InspectorsPage })));
const PlansPage = lazy(() => import('./pages/inspections/PlansPage.js').then((m) => ({ default: m.PlansPage })));
const DrawPage = lazy(() => import('./pages/inspections/DrawPage.js').then((m) => ({ default: m.DrawPage })));
const RegisterPage = lazy(() => import('./pages/inspections/RegisterPage.js').then((m) => ({ default: m.RegisterPage })));

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
  '/inspections/plans': () => <PlansPage />,
  '/inspections/register': () => <RegisterPage />,
  '/inspections/targets': () => <TargetsPage />,
  '/inspections/inspectors': () => <InspectorsPage />,
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
      <Route
        path="/access/:token"
        element={
          <Suspense fallback={<Loading />}>
            <AccessLinkPage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireSession>
            <Suspense fallback={<Loading />}>
              <ConsoleLayout />
            </Suspense>
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
        <Route path="/inspections/draws/:id" element={<Guarded item={INSPECTIONS_NAV.items[0]!}><DrawPage /></Guarded>} />
        <Route path="/inspections" element={<Navigate to="/inspections/plans" replace />} />
        {/* The earlier placeholder's address. */}
        <Route path="/admin/calendar" element={<Navigate to="/rules/calendar" replace />} />
        <Route path="/profile" element={<ProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
