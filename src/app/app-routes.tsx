import type { ReactElement } from 'react';
import { Route } from 'react-router';
import { isWritable } from '../resources/permissions';
import { featureRouteAction, type Catalogue } from './catalogue';
import { RouteGuard } from './route-guard';
import { ResourceFormPage, ResourceListPage, ResourceShowPage } from './table-pages';

/**
 * Every page inside the staff layout, from the declarations: each feature's app pages, the
 * list/show/create/edit pages of each table (create and edit only where the table is
 * writable), and a 404 for everything else. Each page sits behind the one RouteGuard.
 */
export function appRoutes(catalogue: Catalogue): ReactElement[] {
  const routes: ReactElement[] = [];
  for (const feature of catalogue.features) {
    for (const route of feature.routes) {
      if ((route.area ?? 'app') !== 'app') continue;
      const Page = route.page;
      routes.push(
        <Route
          key={`${feature.name} ${route.path}`}
          path={route.path}
          element={
            <RouteGuard resource={feature.name} action={featureRouteAction(route)} label={feature.label}>
              <Page />
            </RouteGuard>
          }
        />,
      );
    }
  }
  for (const def of catalogue.tables) {
    const page = (action: string, path: string, element: ReactElement) => (
      <Route
        key={`${def.name} ${action}`}
        path={path}
        element={
          <RouteGuard resource={def.name} action={action} label={def.label}>
            {element}
          </RouteGuard>
        }
      />
    );
    routes.push(page('list', `/${def.name}`, <ResourceListPage def={def} />));
    routes.push(page('show', `/${def.name}/show/:id`, <ResourceShowPage def={def} />));
    if (isWritable(def, 'create'))
      routes.push(page('create', `/${def.name}/create`, <ResourceFormPage def={def} action="create" />));
    if (isWritable(def, 'edit'))
      routes.push(page('edit', `/${def.name}/edit/:id`, <ResourceFormPage def={def} action="edit" />));
  }
  routes.push(<Route key="not found" path="*" element={<RouteGuard />} />);
  return routes;
}

/** Pages of the sign-in steps (signed in, not yet through them): open to any signed-in account. */
export function signInStepRoutes(catalogue: Catalogue): ReactElement[] {
  return catalogue.features.flatMap((feature) =>
    feature.routes
      .filter((route) => route.area === 'sign-in')
      .map((route) => {
        const Page = route.page;
        return <Route key={`${feature.name} ${route.path}`} path={route.path} element={<Page />} />;
      }),
  );
}
