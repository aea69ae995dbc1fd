import { describe, expect, it } from 'vitest';
import { viewColumnSources } from './view-columns.ts';

// Abridged pg_rewrite.ev_action texts (PostgreSQL 15's node output)
const entry = (resno: number, name: string, tbl: number, col: number) =>
  `{TARGETENTRY :expr {VAR :varno 1 :varattno ${col} :vartype 23} :resno ${resno} :resname ${name} :ressortgroupref 0 :resorigtbl ${tbl} :resorigcol ${col} :resjunk false}`;

describe('viewColumnSources', () => {
  it('reads the top-level target list only, not a subquery range entry before it', () => {
    const subquery = `{RANGETBLENTRY :rtekind 1 :subquery {QUERY :commandType 1 :targetList (${entry(1, 'x', 999, 7)}) :onConflict <>}}`;
    const action = `({QUERY :commandType 1 :rtable (${subquery}) :jointree <> :targetList (${entry(1, 'id', 100, 1)} ${entry(2, 'title', 100, 4)}) :override 0 :onConflict <>})`;
    expect(viewColumnSources(action)).toEqual(
      new Map([
        [1, { rel: '100', col: 1 }],
        [2, { rel: '100', col: 4 }],
      ]),
    );
  });

  it('skips computed columns (no original column) and escaped braces in names', () => {
    const computed = `{TARGETENTRY :expr {OPEXPR :opno 551} :resno 2 :resname total\\{x\\} :ressortgroupref 0 :resorigtbl 0 :resorigcol 0 :resjunk false}`;
    const action = `({QUERY :commandType 1 :targetList (${entry(1, 'a\\}b', 200, 3)} ${computed} ${entry(3, 'c', 200, 5)}) :override 0})`;
    expect(viewColumnSources(action)).toEqual(
      new Map([
        [1, { rel: '200', col: 3 }],
        [3, { rel: '200', col: 5 }],
      ]),
    );
  });

  it('finds nothing in text without a target list', () => {
    expect(viewColumnSources('({QUERY :commandType 1 :rtable <>})').size).toBe(0);
  });
});
