import { theme, type ThemeConfig } from 'antd';

// The light theme meets WCAG 2.1 AA contrast (4.5:1 for text) where antd's defaults do not
// (axe over the e2e walk): primary and links on white and on the selected menu item's tint,
// secondary and placeholder text on white and on the layout grey, and the text of the preset
// tag colours our status tags use, whose 7th shade is too light on their 1st; and the error
// red of danger buttons and form messages (antd's #ff4d4f is 3.3:1 on white).
const LIGHT: ThemeConfig['token'] = {
  colorPrimary: '#0958d9',
  colorLink: '#0958d9',
  colorError: '#cf1322',
  colorTextSecondary: 'rgba(0, 0, 0, 0.6)',
  colorTextDescription: 'rgba(0, 0, 0, 0.6)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  green7: '#237804',
  gold7: '#874d00',
  orange7: '#ad4e00',
  cyan7: '#006d75',
  lime7: '#3f6600',
  volcano7: '#ad2102',
};

// antd's dark algorithm derives its own palette (light text on dark tints); only the brand hue
const DARK: ThemeConfig['token'] = { colorPrimary: '#1f6feb' };

export function themeConfig(mode: 'light' | 'dark'): ThemeConfig {
  return mode === 'dark'
    ? { algorithm: theme.darkAlgorithm, token: DARK }
    : { algorithm: theme.defaultAlgorithm, token: LIGHT };
}
