/**
 * antd's zh_CN locale. The file is CommonJS with `exports.default`; bundlers
 * hand out either the default or the whole module object, so take whichever
 * holds the locale.
 */
import type { ConfigProviderProps } from 'antd';
import zhCNModule from 'antd/locale/zh_CN.js';

type Locale = NonNullable<ConfigProviderProps['locale']>;
const mod = zhCNModule as unknown as Locale & { default?: Locale };

export const zhCN: Locale = mod.default ?? mod;
