/**
 * The console's antd theme. Text colours are chosen for WCAG 2.1 AA contrast
 * (≥ 4.5:1 on white, SYS-4 · GB/T 37668-2019): antd's default secondary and
 * tertiary greys (45 % and 25 % black) fall below it.
 */
import type { ThemeConfig } from 'antd';

export const CONSOLE_THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1f6f4a', // 6.3:1 on white
    borderRadius: 4,
    colorTextSecondary: '#595959', // 7.0:1
    colorTextTertiary: '#636363', // 6.1:1
    colorTextDescription: '#595959',
    colorTextPlaceholder: '#707070', // 4.9:1
    colorLink: '#1f6f4a',
    colorError: '#c41d1d', // 5.9:1
    colorWarningText: '#8a5a00',
    colorSuccessText: '#237804',
  },
};

/** Relative luminance contrast of two #rrggbb colours (WCAG 2.1 §1.4.3). */
export function contrastRatio(fg: string, bg: string): number {
  const lum = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x) as [number, number];
  return (a + 0.05) / (b + 0.05);
}
